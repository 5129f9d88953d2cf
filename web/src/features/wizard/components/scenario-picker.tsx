import { type ElementView, KINDS, type Scenario, stepsOf } from '@cew/shared';
import { useId } from 'react';
import { SCENARIOS, scenarioText } from '../scenarios';

/** The scenarios an element's flow can play, in the order of its steps (its kind says which). */
const scenariosFor = (element: Pick<ElementView, 'authType'>) =>
  KINDS[element.authType].scenarios.flatMap((id) => SCENARIOS.filter((s) => s.id === id));

/** Sandbox mode: choose a failure to play before the flow starts. */
export function ScenarioPicker({
  value,
  onChange,
  disabled,
  element,
}: {
  value: Scenario;
  onChange: (scenario: Scenario) => void;
  disabled?: boolean;
  element: ElementView;
}) {
  const id = useId();
  const scenarios = scenariosFor(element);
  const chosen = scenarios.find((s) => s.id === value);
  const steps = stepsOf(element.authType);
  const stepNumber = (step: string) =>
    step === 'first' ? 1 : steps.findIndex((s) => s.id === step) + 1;
  return (
    <div className="scenario-picker">
      <label htmlFor={id}>Failure lab (sandbox only)</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value as Scenario)}
      >
        <option value="none">No failure: the happy path</option>
        {scenarios.map((scenario) => (
          <option key={scenario.id} value={scenario.id}>
            Step {stepNumber(scenario.step)}: {scenario.label}
          </option>
        ))}
      </select>
      <p className="muted">
        {chosen
          ? `${scenarioText(chosen.preview, element, KINDS[element.authType].callback?.refused ?? '')} The error comes through the real path: sandbox → BFF → this page.`
          : 'Pick a scenario to see a realistic failure and how to handle it.'}
      </p>
    </div>
  );
}
