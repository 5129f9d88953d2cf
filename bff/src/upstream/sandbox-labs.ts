import {
  type ElementDescriptor,
  ProviderLegsSchema,
  type TamperInput,
  TamperResultSchema,
} from '@cew/shared';
import { AppError } from '../errors';
import type { CallContext, CeClient } from './ce-client';
import { expectOk } from './http';

/**
 * Sandbox mode only: the calls to the sandbox's own windows beside Cloud Elements' API
 * (`/_inspect`, `/_lab`), made and recorded like any upstream call. Not part of Cloud Elements.
 */
export function createSandboxLabCalls({
  send,
  baseUrl,
  platformHeaders,
  appOf,
  withApp,
  redactorFor,
  options,
}: CeClient) {
  /**
   * A call to the sandbox's own windows beside Cloud Elements' API (`/_inspect`, `/_lab`): sandbox
   * mode only, made and recorded like any upstream call.
   */
  const sandboxRoot = baseUrl.replace(/\/elements\/api-v2$/, '');
  const sandboxWindow = (
    method: 'GET' | 'POST',
    path: string,
    context: CallContext | undefined,
    body?: unknown,
  ) =>
    send(
      {
        step: 'lab',
        method,
        url: `${sandboxRoot}${path}`,
        // The platform's secrets: in a class only Cloud Elements' caller may open these windows.
        headers: {
          ...platformHeaders(),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body }),
      },
      context,
    );

  return {
    /**
     * Sandbox mode only: what the sandbox's Cloud Elements sent the provider for one flow (the
     * signed OAuth 1.0a calls for a request token; the OAuth 2.0 token call for a code). Not part
     * of Cloud Elements' API; the emulator's window onto that leg.
     */
    async getProviderLegs(
      by: Record<string, string>,
      element: ElementDescriptor,
      context?: CallContext,
    ) {
      context = withApp(context, element, options.appOf(element));
      const reply = await sandboxWindow(
        'GET',
        `/_inspect/legs?${new URLSearchParams(by)}`,
        context,
      );
      const legs = expectOk(
        reply,
        ProviderLegsSchema,
        "the sandbox's record of its provider calls",
      );
      return redactorFor(context).redact(legs);
    },

    /**
     * Sandbox mode only: the tampering lab. The sandbox signs a request to its OAuth 1.0a provider
     * as Cloud Elements would, changes one input, sends it, and says what the provider answered.
     * Not part of Cloud Elements' API.
     */
    async tamper(
      element: ElementDescriptor,
      input: TamperInput & { oauth_token?: string },
      context?: CallContext,
    ) {
      const app = appOf(element);
      context = withApp(context, element, app);
      const reply = await sandboxWindow('POST', '/_lab/tamper', context, {
        element: element.key,
        consumerKey: app.apiKey,
        ...input,
      });
      if (reply.status === 409) {
        const message = (reply.body as { message?: unknown } | undefined)?.message;
        throw new AppError(409, 'out_of_order', `The lab cannot do that now: ${String(message)}.`);
      }
      const result = expectOk(reply, TamperResultSchema, "the sandbox's tampering lab");
      return redactorFor(context).redact(result);
    },
  };
}
