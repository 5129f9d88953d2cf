import type { ReactNode } from 'react';

/** A wide table that scrolls sideways on a phone, reachable by keyboard to do so. */
export function ScrollX({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="scroll-x" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
