import type { ReactNode } from 'react';
import { CopyButton } from './copy-button';

export type JsonTreeHooks = {
  /** Renders a string value (to mark values that travel between steps). */
  renderString?: (value: string) => ReactNode;
  /** An explanation for a key, shown on demand. */
  noteFor?: (key: string) => ReactNode;
};

type NodeProps = { name?: string; value: unknown; depth: number; hooks: JsonTreeHooks };

function Key({ name, hooks }: { name?: string; hooks: JsonTreeHooks }) {
  if (name === undefined) return null;
  return (
    <>
      <span className="json-key">"{name}"</span>
      {hooks.noteFor?.(name)}
      {': '}
    </>
  );
}

function Primitive({ value, hooks }: { value: unknown; hooks: JsonTreeHooks }) {
  if (typeof value === 'string') {
    return (
      <span className="json-string">
        "{hooks.renderString ? hooks.renderString(value) : value}"
      </span>
    );
  }
  if (typeof value === 'number') return <span className="json-number">{value}</span>;
  if (typeof value === 'boolean') return <span className="json-boolean">{String(value)}</span>;
  return <span className="json-null">null</span>;
}

function Node({ name, value, depth, hooks }: NodeProps) {
  if (value === null || typeof value !== 'object') {
    // The note's ⓘ follows the value, so an open note never sits between a key and its value.
    return (
      <li>
        <Key name={name} hooks={{ ...hooks, noteFor: undefined }} />
        <Primitive value={value} hooks={hooks} />
        {name !== undefined && hooks.noteFor?.(name)}
      </li>
    );
  }
  const entries = Array.isArray(value)
    ? value.map((item, i) => [undefined, item, i] as const)
    : Object.entries(value).map(([k, v]) => [k, v, k] as const);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return (
    <li>
      {/* Native <details>: folding that works by keyboard and screen reader with no script. */}
      <details open={depth < 3}>
        <summary>
          {/* No note button here: a button inside <summary> is a control nested in a control. */}
          <Key name={name} hooks={{ ...hooks, noteFor: undefined }} />
          {open}
          <span className="json-fold muted">
            {' '}
            {entries.length} {Array.isArray(value) ? 'items' : 'keys'} {close}
          </span>
        </summary>
        {name !== undefined && hooks.noteFor?.(name)}
        <ul className="json-children">
          {entries.map(([key, child, id]) => (
            <Node key={String(id)} name={key} value={child} depth={depth + 1} hooks={hooks} />
          ))}
        </ul>
        <span className="json-close">{close}</span>
      </details>
    </li>
  );
}

/** A JSON value, syntax-coloured and foldable, with a copy button for the whole of it. */
export function JsonTree({
  value,
  label,
  hooks = {},
}: {
  value: unknown;
  label: string;
  hooks?: JsonTreeHooks;
}) {
  const text = JSON.stringify(value, null, 2);
  return (
    <div className="code-block">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="scroll json-tree" aria-label={label} tabIndex={0}>
        <ul className="json-root">
          <Node value={value} depth={0} hooks={hooks} />
        </ul>
      </section>
      <CopyButton text={text} label={`Copy ${label}`} />
    </div>
  );
}
