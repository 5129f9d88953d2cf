import type { ElementDef, ElementKey, StepId } from '@cew/shared';

/** The four parties of a hub-mediated flow; "Provider" is the element's (Twitter, Salesforce). */
export const PARTIES = ['Browser', 'BFF', 'Cloud Elements', 'Provider'] as const;
export type Party = (typeof PARTIES)[number];

/** A party's name as the element's flow shows it. */
export const partyName = (party: Party, element: ElementDef) =>
  party === 'Provider' ? element.provider : party;

export type Arrow = {
  from: Party;
  to: Party;
  label: string;
  /** The step whose call makes this hop: its page shows the exchange, and it is done with it. */
  step: StepId;
};

const arrow = (from: Party, to: Party, label: string, step: StepId): Arrow => ({
  from,
  to,
  label,
  step,
});

/** One arrow per hop of each element's flow, the consent redirect and callback included, in step order. */
export const ARROWS: Record<ElementKey, Arrow[]> = {
  twitter: [
    arrow('Browser', 'BFF', 'POST /api/flow/request-token', 'request-token'),
    arrow('BFF', 'Cloud Elements', 'GET /elements/twitter/oauth/token', 'request-token'),
    arrow('Cloud Elements', 'Provider', 'POST /oauth/request_token (signed)', 'request-token'),
    arrow('Browser', 'BFF', 'POST /api/flow/authorize-url', 'authorize-url'),
    arrow('BFF', 'Cloud Elements', 'GET /elements/twitter/oauth/url', 'authorize-url'),
    arrow('Browser', 'Provider', 'GET /oauth/authorize (consent page)', 'callback'),
    arrow('Provider', 'Browser', '302 → callback?oauth_token&oauth_verifier', 'callback'),
    arrow('Browser', 'BFF', 'POST /api/flow/callback', 'callback'),
    arrow('Browser', 'BFF', 'POST /api/flow/instance', 'create-instance'),
    arrow('BFF', 'Cloud Elements', 'POST /instances', 'create-instance'),
    arrow('Cloud Elements', 'Provider', 'POST /oauth/access_token (signed)', 'create-instance'),
    arrow('BFF', 'Cloud Elements', 'GET /hubs/social/statuses (Element token)', 'try-it'),
  ],
  sfdc: [
    arrow('Browser', 'BFF', 'POST /api/flow/authorize-url', 'authorize-url'),
    arrow('BFF', 'Cloud Elements', 'GET /elements/sfdc/oauth/url', 'authorize-url'),
    arrow('Browser', 'Provider', 'GET /services/oauth2/authorize', 'callback'),
    arrow('Provider', 'Browser', '302 → callback?code&state', 'callback'),
    arrow('Browser', 'BFF', 'POST /api/flow/callback', 'callback'),
    arrow('Browser', 'BFF', 'POST /api/flow/instance', 'create-instance'),
    arrow('BFF', 'Cloud Elements', 'POST /instances', 'create-instance'),
    arrow(
      'Cloud Elements',
      'Provider',
      'POST /services/oauth2/token (client secret)',
      'create-instance',
    ),
    arrow('BFF', 'Cloud Elements', 'GET /hubs/crm/accounts (Element token)', 'try-it'),
  ],
};
