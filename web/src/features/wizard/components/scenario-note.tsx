import { KINDS, type Scenario } from '@cew/shared';
import { scenarioInfo, scenarioText } from '../scenarios';
import { useWizard } from '../steps';
import { StartOverButton } from './start-over-button';

/**
 * After a failure-lab scenario has played out: what happened, what a real app should do, and how
 * to leave the lab (it stays chosen, so pressing the button again fails the same way). On a
 * flow's first step `onLeave` turns the picker back to the happy path; later, the scenario is the
 * flow's, so leaving it is starting over (the first step's picker starts at no failure).
 */
export function ScenarioNote({ scenario, onLeave }: { scenario: Scenario; onLeave?: () => void }) {
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
      <p>
        The lab stays on until you leave it: the same button fails the same way.{' '}
        {onLeave ? (
          <button type="button" onClick={onLeave}>
            Leave the failure lab
          </button>
        ) : (
          <StartOverButton label="Start over without the failure lab" />
        )}
      </p>
    </aside>
  );
}

/** On a flow's first step: the note of the scenario that failed there, if any, with the way out. */
export function FirstStepNote({
  failed,
  onLeave,
}: {
  failed: Scenario | undefined;
  onLeave: () => void;
}) {
  if (!failed || scenarioInfo(failed)?.step !== 'first') return null;
  return <ScenarioNote scenario={failed} onLeave={onLeave} />;
}
