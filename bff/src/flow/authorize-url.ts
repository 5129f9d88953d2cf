import type { ElementDescriptor } from '@cew/shared';
import { AppError } from '../errors';
import type { CallContext, CloudElements } from '../upstream/cloud-elements';
import { checkOauthUrl, type OauthUrlBinding, type OauthUrlPolicy } from './oauth-url';

export type AuthorizeUrlDeps = {
  ce: CloudElements;
  callbackUrl: string;
  oauthUrlPolicy: OauthUrlPolicy;
};

/** The authorization URL from Cloud Elements, handed out only once it passes the checks. */
export async function authorizeUrl(
  { ce, callbackUrl, oauthUrlPolicy }: AuthorizeUrlDeps,
  binding: OauthUrlBinding & { element: ElementDescriptor },
  state: string,
  context: CallContext,
  /** Everything typed, the secrets too (a typed app's key and secret go to `oauth/url`). */
  typed: Record<string, string>,
) {
  const fields = { ...typed, ...binding.fields };
  const { data, reply, app } = await ce.getAuthorizeUrl(
    binding.element,
    {
      requestToken: binding.param === 'oauth_token' ? binding.value : undefined,
      state,
      fields,
    },
    context,
  );
  const verdict = checkOauthUrl(
    data.oauthUrl,
    binding.param === 'state'
      ? {
          ...binding,
          // The sandbox's redirect-mismatch lab lets the provider itself refuse it, as its lesson.
          app: {
            clientId: app.apiKey,
            ...(context.scenario === 'redirect-mismatch' ? {} : { callbackUrl }),
          },
        }
      : binding,
    oauthUrlPolicy,
  );
  if (!verdict.ok) {
    throw new AppError(
      502,
      'unsafe_oauth_url',
      `The authorization URL from Cloud Elements was refused because ${verdict.reason}. The wizard will not send you there.`,
      { exchange: reply.exchange },
    );
  }
  return { oauthUrl: verdict.url, exchange: reply.exchange };
}
