import type { FlowView } from '@cew/shared';
import { STEP } from '../wizard/steps';

export const PARTIES = ['Browser', 'BFF', 'Cloud Elements', 'Twitter'] as const;
export type Party = (typeof PARTIES)[number];

export type Arrow = {
  from: Party;
  to: Party;
  label: string;
  /** The page that shows this exchange. */
  path: string;
  /** Done once the flow has this many calls (1–4), or when a "try it" exchange exists (5). */
  doneAt: number;
};

/** One arrow per exchange of the flow, the consent redirect and callback included, in order. */
export const ARROWS: Arrow[] = [
  {
    from: 'Browser',
    to: 'BFF',
    label: 'POST /api/flow/request-token',
    path: STEP.requestToken.path,
    doneAt: 1,
  },
  {
    from: 'BFF',
    to: 'Cloud Elements',
    label: 'GET /elements/twitter/oauth/token',
    path: STEP.requestToken.path,
    doneAt: 1,
  },
  {
    from: 'Cloud Elements',
    to: 'Twitter',
    label: 'POST /oauth/request_token (signed)',
    path: STEP.requestToken.path,
    doneAt: 1,
  },
  {
    from: 'Browser',
    to: 'BFF',
    label: 'POST /api/flow/authorize-url',
    path: STEP.authorizeUrl.path,
    doneAt: 2,
  },
  {
    from: 'BFF',
    to: 'Cloud Elements',
    label: 'GET /elements/twitter/oauth/url',
    path: STEP.authorizeUrl.path,
    doneAt: 2,
  },
  {
    from: 'Browser',
    to: 'Twitter',
    label: 'GET /oauth/authorize (consent page)',
    path: STEP.consent.path,
    doneAt: 3,
  },
  {
    from: 'Twitter',
    to: 'Browser',
    label: '302 → callback?oauth_token&oauth_verifier',
    path: STEP.consent.path,
    doneAt: 3,
  },
  {
    from: 'Browser',
    to: 'BFF',
    label: 'POST /api/flow/callback',
    path: STEP.consent.path,
    doneAt: 3,
  },
  {
    from: 'Browser',
    to: 'BFF',
    label: 'POST /api/flow/instance',
    path: STEP.createInstance.path,
    doneAt: 4,
  },
  {
    from: 'BFF',
    to: 'Cloud Elements',
    label: 'POST /instances',
    path: STEP.createInstance.path,
    doneAt: 4,
  },
  {
    from: 'Cloud Elements',
    to: 'Twitter',
    label: 'POST /oauth/access_token (signed)',
    path: STEP.createInstance.path,
    doneAt: 4,
  },
  {
    from: 'BFF',
    to: 'Cloud Elements',
    label: 'GET /hubs/social/statuses (Element token)',
    path: STEP.tryIt.path,
    doneAt: 5,
  },
];

/** How far the flow has got, counting a call through the instance as a fifth. */
export function reached(flow: FlowView | undefined, progress: number): number {
  const triedIt = flow?.exchanges.some((e) => e.step === 'try-it' && e.status === 200);
  return triedIt ? 5 : progress;
}
