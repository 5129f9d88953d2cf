import {
  type Advanced,
  AuthorizeUrlInputSchema,
  type AuthType,
  type CallbackInput,
  CallbackInputSchema,
  CreateInstanceInputSchema,
  ELEMENTS,
  type ElementKey,
  type Exchange,
  type FlowEvent,
  isRefusal,
  next,
  RequestTokenInputSchema,
  type Scenario,
  TamperInputSchema,
} from '@cew/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../errors';
import type { FlowStore } from '../flow/cookie';
import { checkOauthUrl, type OauthUrlBinding, type OauthUrlPolicy } from '../flow/oauth-url';
import { authTypeOf, type FlowState, progressOf, toFlowView } from '../flow/state';
import { randomToken } from '../random';
import type { CallContext, CloudElements } from '../upstream/cloud-elements';
import { json } from '../validate';

export type FlowDeps = {
  ce: CloudElements;
  store: FlowStore;
  oauthUrlPolicy: OauthUrlPolicy;
  callbackUrl: string;
  sandbox: boolean;
};

const EmptyBody = z.strictObject({});

/** The flow module's verdict on this call: the progress it makes, or a 409 saying what is missing. */
function check(flow: FlowState | null, event: FlowEvent, authType: AuthType): Advanced {
  const result = next(progressOf(flow), event, flow ? authTypeOf(flow) : authType);
  if (isRefusal(result)) throw new AppError(409, 'out_of_order', result.reason);
  return result;
}

/** The same verdict for a step that goes on with a flow (the module refuses those without one). */
function checkFlow(flow: FlowState | null, event: FlowEvent): [FlowState, Advanced] {
  const progress = check(flow, event, 'oauth1');
  if (!flow) throw new AppError(409, 'out_of_order', 'There is no flow in progress. Start over.');
  return [flow, progress];
}

const instanceTokenSecret = (value: string) => ({ value, marker: '<INSTANCE_TOKEN>' });

/** What a call carries of its flow: its scenario, and its request token secret to redact. */
const contextOf = (flow: FlowState, extra: CallContext['secrets'] = []): CallContext => ({
  scenario: flow.scenario,
  secrets: [
    ...(flow.tokenSecret ? [{ value: flow.tokenSecret, marker: '<REQUEST_TOKEN_SECRET>' }] : []),
    ...extra,
  ],
});

/** What the provider gave this flow, as Cloud Elements' `providerData` wants it. */
function providerDataOf(flow: FlowState): Record<string, string> {
  if (authTypeOf(flow) === 'oauth2') {
    if (!flow.code) throw new AppError(409, 'out_of_order', 'This flow has no code. Start over.');
    return { code: flow.code };
  }
  if (!flow.requestToken || !flow.verifier || !flow.tokenSecret) {
    throw new AppError(409, 'out_of_order', 'This flow has no verifier. Start over.');
  }
  return {
    oauth_token: flow.requestToken,
    oauth_verifier: flow.verifier,
    secret: flow.tokenSecret,
  };
}

/**
 * The flow's routes, for both auth types. Each is load → check (the flow module) → call upstream
 * → transition → save → reply; a failed call goes out as an error with its exchange and changes
 * nothing in the cookie. Every reply carries the call's exchange once, and the flow as it now
 * stands.
 */
export function createFlowRoutes({ ce, store, oauthUrlPolicy, callbackUrl, sandbox }: FlowDeps) {
  /** The authorization URL from Cloud Elements, handed out only once it passes the checks. */
  async function authorizeUrl(
    element: ElementKey,
    binding: OauthUrlBinding,
    state: string,
    context: CallContext,
  ) {
    const { data, reply } = await ce.getAuthorizeUrl(
      element,
      { requestToken: binding.param === 'oauth_token' ? binding.value : undefined, state },
      context,
    );
    const verdict = checkOauthUrl(data.oauthUrl, binding, oauthUrlPolicy);
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

  const scenarioOf = (scenario: Scenario): Scenario => (sandbox ? scenario : 'none');

  return new Hono()
    .get('/', (c) => c.json(toFlowView(store.load(c)), 200))
    .delete('/', (c) => {
      store.clear(c);
      return c.json(toFlowView(null), 200);
    })
    .get('/provider-legs', async (c) => {
      if (!sandbox) {
        throw new AppError(
          404,
          'not_found',
          "Cloud Elements' calls to the provider are visible only in sandbox mode.",
        );
      }
      const flow = store.load(c);
      const by = flow?.requestToken
        ? { oauth_token: flow.requestToken }
        : flow?.code
          ? { code: flow.code }
          : null;
      if (!flow || !by) return c.json({ legs: [] }, 200);
      return c.json(await ce.getProviderLegs(by, contextOf(flow)), 200);
    })
    .post('/tamper', json(TamperInputSchema), async (c) => {
      // The tampering lab: sandbox mode only, for OAuth 1.0a's signed calls. It changes nothing
      // in the flow: the refusal is the lesson, and the flow goes on as before.
      if (!sandbox) {
        throw new AppError(404, 'not_found', 'The tampering lab runs only in sandbox mode.');
      }
      const { change } = c.req.valid('json');
      const flow = store.load(c);
      if (flow && authTypeOf(flow) !== 'oauth1') {
        throw new AppError(
          409,
          'out_of_order',
          'The tampering lab changes OAuth 1.0a signed requests; this flow is OAuth 2.0.',
        );
      }
      const token = change === 'verifier' ? flow?.requestToken : undefined;
      if (change === 'verifier' && (!flow?.verifier || progressOf(flow)?.done !== 'callback')) {
        throw new AppError(
          409,
          'out_of_order',
          'A verifier can be changed after the consent page accepted, before step 4 uses it.',
        );
      }
      const result = await ce.tamper(
        { change, ...(token ? { oauth_token: token } : {}) },
        flow ? contextOf(flow) : undefined,
      );
      return c.json(result, 200);
    })
    .post('/request-token', json(RequestTokenInputSchema), async (c) => {
      // OAuth 1.0a's step 1 always begins a fresh flow, with a new random `state` for this browser.
      const progress = check(null, { step: 'request-token' }, 'oauth1');
      const scenario = scenarioOf(c.req.valid('json').scenario);
      const state = randomToken(16);
      const { data, reply } = await ce.getRequestToken('twitter', state, { scenario });
      const flow: FlowState = {
        id: randomToken(8),
        element: 'twitter',
        done: progress.done,
        scenario,
        state,
        requestToken: data.token,
        tokenSecret: data.secret,
        issuedAt: Date.now(),
      };
      store.save(c, flow);
      return c.json(
        { requestToken: data.token, exchange: reply.exchange, flow: toFlowView(flow) },
        200,
      );
    })
    .post('/authorize-url', json(AuthorizeUrlInputSchema), async (c) => {
      const input = c.req.valid('json');
      if (input.element && ELEMENTS[input.element].authType === 'oauth2') {
        // OAuth 2.0 starts here: a fresh flow, bound to this browser by a random `state`.
        const progress = check(null, { step: 'authorize-url' }, 'oauth2');
        const scenario = scenarioOf(input.scenario);
        const state = randomToken(16);
        const element = input.element;
        const { oauthUrl, exchange } = await authorizeUrl(
          element,
          { element, param: 'state', value: state },
          state,
          { scenario },
        );
        const flow: FlowState = {
          id: randomToken(8),
          element,
          done: progress.done,
          scenario,
          state,
          oauthUrl,
        };
        store.save(c, flow);
        return c.json({ oauthUrl, exchange, flow: toFlowView(flow) }, 200);
      }
      const [flow, progress] = checkFlow(store.load(c), { step: 'authorize-url' });
      if (!flow.requestToken) throw new AppError(409, 'out_of_order', 'Start over.');
      const { oauthUrl, exchange } = await authorizeUrl(
        flow.element,
        { element: flow.element, param: 'oauth_token', value: flow.requestToken },
        flow.state,
        contextOf(flow),
      );
      const saved: FlowState = { ...flow, done: progress.done, oauthUrl };
      store.save(c, saved);
      return c.json({ oauthUrl, exchange, flow: toFlowView(saved) }, 200);
    })
    .post('/callback', json(CallbackInputSchema), (c) => {
      const input = c.req.valid('json');
      const flow = store.load(c);
      const started = performance.now();
      // The callback makes no upstream call: its exchange is the browser's call to the BFF.
      const record = (status: number, body: unknown) =>
        ce.redact(
          callbackExchange(callbackUrl, input, status, body, performance.now() - started),
          flow ? contextOf(flow) : undefined,
        );
      const refuse = (message: string) =>
        new AppError(403, 'callback_mismatch', message, {
          exchange: record(403, { error: { code: 'callback_mismatch', message } }),
        });

      if (!flow) {
        throw refuse(
          'This browser has no flow in progress, so the callback is refused: it came from another browser, or the flow expired. Start over.',
        );
      }
      const oauth2 = authTypeOf(flow) === 'oauth2';
      const accepted = oauth2 ? input.error === undefined : input.denied === undefined;
      const verdict = next(progressOf(flow), { step: 'callback', accepted }, authTypeOf(flow));
      if (isRefusal(verdict)) {
        const body = { error: { code: 'out_of_order', message: verdict.reason } };
        throw new AppError(409, 'out_of_order', verdict.reason, { exchange: record(409, body) });
      }
      if (!oauth2 && (input.denied ?? input.oauth_token) !== flow.requestToken) {
        throw refuse(
          "The callback's oauth_token is not this flow's request token, so it is refused. Start over.",
        );
      }
      if (input.state !== flow.state) {
        throw refuse(
          "The callback's state does not match this flow's state (a possible cross-site request), so it is refused. Start over.",
        );
      }
      if (accepted && !(oauth2 ? input.code : input.oauth_verifier)) {
        throw refuse(
          `The callback carries no ${oauth2 ? 'code' : 'oauth_verifier'}. Start over and authorize the app again.`,
        );
      }
      const saved: FlowState = {
        ...flow,
        done: verdict.done,
        outcome: verdict.outcome,
        ...(oauth2 ? { code: input.code } : { verifier: input.oauth_verifier }),
      };
      store.save(c, saved);
      const exchange = record(200, { accepted });
      return c.json({ accepted, exchange, flow: toFlowView(saved) }, 200);
    })
    .post('/instance', json(CreateInstanceInputSchema), async (c) => {
      const input = c.req.valid('json');
      const [flow, progress] = checkFlow(store.load(c), { step: 'create-instance' });
      const context = contextOf(flow);
      const { data, reply } = await ce.createInstance(
        flow.element,
        {
          providerData: providerDataOf(flow),
          name: input.name,
          tags: input.tags,
          settings: input.settings,
          omitConfiguration:
            sandbox && flow.scenario === 'missing-config' ? ['oauth.callback.url'] : undefined,
        },
        context,
      );
      const saved: FlowState = {
        ...flow,
        done: progress.done,
        instanceName: input.name,
        instanceToken: data.token,
      };
      store.save(c, saved);
      // The instance token is a credential: outside step 5's reveal it is a marker everywhere,
      // the exchange of the call that made it included.
      const shown = {
        ...context,
        secrets: [...(context.secrets ?? []), instanceTokenSecret(data.token)],
      };
      return c.json(
        {
          instance: ce.redact(data, shown),
          exchange: ce.redact(reply.exchange, shown),
          flow: toFlowView(saved),
        },
        200,
      );
    })
    .get('/instance-token', (c) => {
      // Step 5's reveal and copy, on the person's request: the one place the token is shown.
      const flow = store.load(c);
      if (!flow?.instanceToken) {
        throw new AppError(
          409,
          'out_of_order',
          'This flow has no instance yet. Create one first (step 4).',
        );
      }
      return c.json({ token: flow.instanceToken }, 200);
    })
    .post('/try-it', json(EmptyBody), async (c) => {
      const [flow, progress] = checkFlow(store.load(c), { step: 'try-it' });
      if (!flow.instanceToken) {
        throw new AppError(409, 'out_of_order', 'This flow has no instance yet. Create one first.');
      }
      const context = contextOf(flow, [instanceTokenSecret(flow.instanceToken)]);
      const { data, reply } = await ce.tryIt(flow.element, flow.instanceToken, context);
      const saved: FlowState = { ...flow, done: progress.done };
      store.save(c, saved);
      return c.json(
        {
          items: ce.redact(data, context),
          exchange: reply.exchange,
          flow: toFlowView(saved),
        },
        200,
      );
    });
}

/**
 * The callback as an exchange: the browser's `POST /api/flow/callback`, carrying what the provider
 * put in the callback's query, and the BFF's answer. (The provider's redirect before it is the
 * browser's to record: only the browser saw it.)
 */
function callbackExchange(
  callbackUrl: string,
  input: CallbackInput,
  status: number,
  responseBody: unknown,
  durationMs: number,
): Exchange {
  return {
    step: 'callback',
    parties: 'Browser → BFF',
    method: 'POST',
    url: new URL('/api/flow/callback', callbackUrl).toString(),
    requestHeaders: { 'content-type': 'application/json' },
    requestBody: input,
    status,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody,
    durationMs: Math.round(durationMs),
    startedAt: new Date().toISOString(),
  };
}
