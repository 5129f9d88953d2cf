import type { StepId } from '@cew/shared';

export const PARTIES = ['Browser', 'BFF', 'Cloud Elements', 'Twitter'] as const;
export type Party = (typeof PARTIES)[number];

export type Arrow = {
  from: Party;
  to: Party;
  label: string;
  /** The step whose call makes this hop: its page shows the exchange, and it is done with it. */
  step: StepId;
};

/** One arrow per hop of the flow, the consent redirect and callback included, in step order. */
export const ARROWS: Arrow[] = [
  {
    from: 'Browser',
    to: 'BFF',
    label: 'POST /api/flow/request-token',
    step: 'request-token',
  },
  {
    from: 'BFF',
    to: 'Cloud Elements',
    label: 'GET /elements/twitter/oauth/token',
    step: 'request-token',
  },
  {
    from: 'Cloud Elements',
    to: 'Twitter',
    label: 'POST /oauth/request_token (signed)',
    step: 'request-token',
  },
  {
    from: 'Browser',
    to: 'BFF',
    label: 'POST /api/flow/authorize-url',
    step: 'authorize-url',
  },
  {
    from: 'BFF',
    to: 'Cloud Elements',
    label: 'GET /elements/twitter/oauth/url',
    step: 'authorize-url',
  },
  {
    from: 'Browser',
    to: 'Twitter',
    label: 'GET /oauth/authorize (consent page)',
    step: 'callback',
  },
  {
    from: 'Twitter',
    to: 'Browser',
    label: '302 → callback?oauth_token&oauth_verifier',
    step: 'callback',
  },
  {
    from: 'Browser',
    to: 'BFF',
    label: 'POST /api/flow/callback',
    step: 'callback',
  },
  {
    from: 'Browser',
    to: 'BFF',
    label: 'POST /api/flow/instance',
    step: 'create-instance',
  },
  {
    from: 'BFF',
    to: 'Cloud Elements',
    label: 'POST /instances',
    step: 'create-instance',
  },
  {
    from: 'Cloud Elements',
    to: 'Twitter',
    label: 'POST /oauth/access_token (signed)',
    step: 'create-instance',
  },
  {
    from: 'BFF',
    to: 'Cloud Elements',
    label: 'GET /hubs/social/statuses (Element token)',
    step: 'try-it',
  },
];
