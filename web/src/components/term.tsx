import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The terms the glossary explains; each is an anchor of `/glossary`. */
export type TermId =
  | 'bff'
  | 'element'
  | 'hub'
  | 'instance'
  | 'instance-token'
  | 'authorization-header'
  | 'state'
  | 'nonce-timestamp'
  | 'callback-confirmed'
  | 'denied'
  | 'provider-legs'
  | 'reply-fields'
  | 'markers'
  | 'highlights'
  | 'diagram-colours';

/**
 * A term's first use on a page: the word as written, linked to its meaning in the glossary (the
 * glossary's "Back to your step" returns here).
 */
export function Term({ id, children }: { id: TermId; children: ReactNode }) {
  return (
    <Link to={`/glossary#${id}`} className="term" data-term={id}>
      {children}
    </Link>
  );
}
