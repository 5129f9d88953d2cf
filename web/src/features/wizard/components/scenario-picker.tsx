import type { Scenario } from '@cew/shared';
import { useId } from 'react';
import { SCENARIOS } from '../scenarios';

/** Sandbox mode: choose a failure to play before the flow starts. */
export function ScenarioPicker({
  value,
  onChange,
  disabled,
}: {
  value: Scenario;
  onChange: (scenario: Scenario) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const chosen = SCENARIOS.find((s) => s.id === value);
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
        {SCENARIOS.map((scenario) => (
          <option key={scenario.id} value={scenario.id}>
            Step {scenario.step}: {scenario.label}
          </option>
        ))}
      </select>
      <p className="muted">
        {chosen
          ? `${chosen.preview} The error comes through the real path: sandbox → BFF → this page.`
          : 'Pick a scenario to see a realistic failure and how to handle it.'}
      </p>
    </div>
  );
}
