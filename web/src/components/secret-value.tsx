import { useState } from 'react';
import { CopyButton } from './copy-button';

/** A value shown masked until the person chooses to reveal it (for screen sharing in class). */
export function SecretValue({ value, label }: { value: string; label: string }) {
  const [shown, setShown] = useState(false);
  const masked = `${'•'.repeat(Math.max(8, value.length - 4))}${value.slice(-4)}`;
  return (
    <div className="secret-value">
      <span className="visually-hidden">{label}:</span>
      <code data-testid="secret-value">{shown ? value : masked}</code>
      <button type="button" aria-pressed={shown} onClick={() => setShown(!shown)}>
        {shown ? 'Hide' : 'Reveal'}
      </button>
      <CopyButton text={value} label={`Copy ${label}`} />
    </div>
  );
}
