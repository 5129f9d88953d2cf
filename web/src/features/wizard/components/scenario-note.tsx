import { KINDS, type Scenario } from '@cew/shared';
import { scenarioInfo, scenarioText } from '../scenarios';
import { useWizard } from '../steps';

/** After a failure-lab scenario has played out: what happened, and what a real app should do. */
export function ScenarioNote({ scenario }: { scenario: Scenario }) {
  const { element } = useWizard();
  const info = scenarioInfo(scenario);
  if (!info) return null;
  const text = (value: string) =>
    scenarioText(value, element, KINDS[element.authType].callback?.refused ?? '');
  return (
    <aside
      className="scenario-note"
      aria-label="Failure lab explanation"
      data-testid="scenario-note"
    >
      <h3>Failure lab: {info.label.toLowerCase()}</h3>
      <p>
        <strong>What happened.</strong> {text(info.whatHappened)}
      </p>
      <p>
        <strong>How a real integration should handle it.</strong> {text(info.howToHandle)}
      </p>
    </aside>
  );
}
