import type { Scenario } from '@cew/shared';
import { scenarioInfo } from '../scenarios';

/** After a failure-lab scenario has played out: what happened, and what a real app should do. */
export function ScenarioNote({ scenario }: { scenario: Scenario }) {
  const info = scenarioInfo(scenario);
  if (!info) return null;
  return (
    <aside
      className="scenario-note"
      aria-label="Failure lab explanation"
      data-testid="scenario-note"
    >
      <h3>Failure lab: {info.label.toLowerCase()}</h3>
      <p>
        <strong>What happened.</strong> {info.whatHappened}
      </p>
      <p>
        <strong>How a real integration should handle it.</strong> {info.howToHandle}
      </p>
    </aside>
  );
}
