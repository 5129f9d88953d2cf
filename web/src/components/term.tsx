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
  | 'signature'
  | 'oauth2-authorize'
  | 'token-endpoint'
  | 'exchange-card'
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
  const link = (
    <Link to={`/glossary#${id}`} className="term" data-term={id}>
      {children}
    </Link>
  );
  // An abbreviation is spelled out where it is first used, not only behind its link.
  return id in SPELLED ? (
    <>
      {link} ({SPELLED[id as keyof typeof SPELLED]})
    </>
  ) : (
    link
  );
}

/** What an abbreviation stands for, said beside its first use on a page. */
const SPELLED = { bff: "backend-for-frontend: the wizard's own server" } as const;
