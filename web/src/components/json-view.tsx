import { CopyButton } from './copy-button';

/** A JSON value pretty-printed, with a copy button. Markers like <CE_USER_SECRET> stay as text. */
export function JsonView({ value, label }: { value: unknown; label: string }) {
  if (value === undefined) return <p className="muted">(no body)</p>;
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return (
    <div className="code-block">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="scroll" aria-label={label} tabIndex={0}>
        <pre>
          <code>{text}</code>
        </pre>
      </section>
      <CopyButton text={text} label={`Copy ${label}`} />
    </div>
  );
}
