import { useState } from 'react';

/**
 * A credential shown masked until the person asks for it (for screen sharing in class). The value
 * is not in the page at all until then: `load` fetches it on Reveal or Copy.
 */
export function SecretValue({ load, label }: { load: () => Promise<string>; label: string }) {
  const [value, setValue] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const [state, setState] = useState<'idle' | 'loading' | 'copied' | 'failed'>('idle');
  const get = async () => {
    if (value !== null) return value;
    setState('loading');
    const loaded = await load();
    setValue(loaded);
    setState('idle');
    return loaded;
  };
  const reveal = async () => {
    if (shown) return setShown(false);
    try {
      await get();
      setShown(true);
    } catch {
      setState('failed');
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(await get());
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  };
  return (
    <div className="secret-value">
      <span className="visually-hidden">{label}:</span>
      <code data-testid="secret-value">
        {shown && value !== null ? value : '••••••••••••••••••••••••••••'}
      </code>
      <button type="button" aria-pressed={shown} onClick={reveal} disabled={state === 'loading'}>
        {shown ? 'Hide' : 'Reveal'}
      </button>
      <button type="button" className="copy" onClick={copy} aria-label={`Copy ${label}`}>
        <span aria-live="polite">
          {state === 'copied'
            ? 'Copied'
            : state === 'failed'
              ? 'Could not get it'
              : state === 'loading'
                ? 'Fetching…'
                : 'Copy'}
        </span>
      </button>
    </div>
  );
}
