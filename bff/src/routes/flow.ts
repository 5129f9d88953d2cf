import {
  type Advanced,
  AUTH_LABEL,
  AuthorizeUrlInputSchema,
  type AuthType,
  type CallbackInput,
  CallbackInputSchema,
  CreateInstanceInputSchema,
  checkFields,
  ELEMENTS,
  type ElementKey,
  type Exchange,
  type FlowEvent,
  firstCall,
  HubCallInputSchema,
  isRefusal,
  KINDS,
  next,
  RequestTokenInputSchema,
  type Scenario,
} from '@cew/shared';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Caller } from '../access';
import { AppError } from '../errors';
import type { FlowStore } from '../flow/cookie';
import { checkHubCall } from '../flow/hub-path';
import { checkOauthUrl, type OauthUrlBinding, type OauthUrlPolicy } from '../flow/oauth-url';
import { type FlowState, progressOf, toFlowView } from '../flow/state';
import { randomToken } from '../random';
import { typedSecrets } from '../secrets';
import type { CallContext, CloudElements } from '../upstream/cloud-elements';
import { arrivalOf } from '../upstream/deadline';
import { json } from '../validate';

export type FlowDeps = {
  ce: CloudElements;
  store: FlowStore;
  oauthUrlPolicy: OauthUrlPolicy;
  callbackUrl: string;
  sandbox: boolean;
  /** The elements this server offers. */
  offered: readonly ElementKey[];
  /** Who is calling: each instance they create carries their own tag. */
  callerOf: (c: Context) => Caller;
};

const EmptyBody = z.strictObject({});

/** The flow module's verdict on this call: the progress it makes, or a 409 saying what is missing. */
function check(flow: FlowState | null, event: FlowEvent, element: ElementKey): Advanced {
  const result = next(progressOf(flow), event, flow?.authType ?? ELEMENTS[element].authType);
  if (isRefusal(result)) throw new AppError(409, 'out_of_order', result.reason);
  return result;
}

/**
 * The same verdict for a step that goes on with the flow in progress; without one, the flow
 * module says where the `authType` this call belongs to starts.
 */
function checkFlow(
  flow: FlowState | null,
  event: FlowEvent,
  authType?: AuthType,
): [FlowState, Advanced] {
  if (!flow) {
    const refusal = authType ? next(null, event, authType) : null;
    throw new AppError(
      409,
      'out_of_order',
      refusal && isRefusal(refusal)
        ? refusal.reason
        : 'There is no flow in progress in this browser (it may have expired after 30 minutes). Start over from the first step.',
    );
  }
  return [flow, check(flow, event, flow.element)];
}

const instanceTokenSecret = (value: string) => ({ value, marker: '<INSTANCE_TOKEN>' });

/**
 * What a call carries of its request and flow: when the request arrived, the flow's scenario, and
 * its request token secret to redact.
 */
export const contextOf = (
  c: Context,
  flow: FlowState,
  extra: CallContext['secrets'] = [],
): CallContext => ({
  arrivedAt: arrivalOf(c),
  scenario: flow.scenario,
  secrets: [
    ...(flow.authType === 'oauth1'
      ? [{ value: flow.tokenSecret, marker: '<REQUEST_TOKEN_SECRET>' }]
      : []),
    ...extra,
  ],
});

/** The fields typed for an element that are not secret: the flow may keep those. */
const keptFields = (element: ElementKey, values: Record<string, string>) =>
  Object.fromEntries(
    ELEMENTS[element].fields
      .filter((field) => !field.secret && values[field.key])
      .map((field) => [field.key, (values[field.key] ?? '').trim()]),
  );

/**
 * The flow's routes, for every kind of authentication. Each is load → check (the flow module) →
 * call upstream → transition → save → reply; what differs between kinds is asked of the kind's
 * module (`KINDS`). A failed call goes out as an error with its exchange and changes nothing in
 * the cookie. Every reply carries the call's exchange once, and the flow as it now stands.
 */
export function createFlowRoutes({
  ce,
  store,
  oauthUrlPolicy,
  callbackUrl,
  sandbox,
  offered,
  callerOf,
}: FlowDeps) {
  /** The element a flow starts with: offered here, of a kind whose flow starts with `step`. */
  function startingElement(
    element: ElementKey,
    step: 'request-token' | 'authorize-url' | 'create-instance',
  ) {
    const descriptor = ELEMENTS[element];
    if (!offered.includes(element)) {
      throw new AppError(
        400,
        'bad_request',
        `element: this server does not offer ${descriptor.name} (its app credentials are not configured).`,
      );
    }
    if (firstCall(descriptor.authType) !== step) {
      throw new AppError(
        400,
        'bad_request',
        `element: ${descriptor.name} uses ${AUTH_LABEL[descriptor.authType]}, whose flow does not start here.`,
      );
    }
    return descriptor;
  }

  /** The person's fields for an element, checked against its descriptor before any upstream call. */
  function typedFields(element: ElementKey, values: Record<string, string>) {
    const problems = checkFields(ELEMENTS[element], values);
    if (problems.length) throw new AppError(400, 'bad_request', problems.join(' '));
    return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim()]));
  }

  /** The authorization URL from Cloud Elements, handed out only once it passes the checks. */
  async function authorizeUrl(binding: OauthUrlBinding, state: string, context: CallContext) {
    const { data, reply } = await ce.getAuthorizeUrl(
      binding.element,
      {
        requestToken: binding.param === 'oauth_token' ? binding.value : undefined,
        state,
        fields: binding.fields,
      },
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
  const firstOAuth1 = offered.find((key) => ELEMENTS[key].authType === 'oauth1');

  return new Hono()
    .get('/', (c) => c.json(toFlowView(store.load(c)), 200))
    .delete('/', (c) => {
      store.clear(c);
      return c.json(toFlowView(null), 200);
    })
    .post('/request-token', json(RequestTokenInputSchema), async (c) => {
      // OAuth 1.0a's step 1 always begins a fresh flow, with a new random `state` for this browser.
      const input = c.req.valid('json');
      const key = input.element ?? firstOAuth1;
      if (!key)
        throw new AppError(400, 'bad_request', 'element: no OAuth 1.0a element is offered.');
      const element = startingElement(key, 'request-token');
      const progress = check(null, { step: 'request-token' }, key);
      const scenario = scenarioOf(input.scenario);
      const state = randomToken(16);
      const { data, reply } = await ce.getRequestToken(key, state, {
        scenario,
        arrivedAt: arrivalOf(c),
      });
      const flow: FlowState = {
        id: randomToken(8),
        element: key,
        authType: 'oauth1',
        done: progress.done,
        scenario,
        state,
        requestToken: data.token,
        tokenSecret: data.secret,
        issuedAt: Date.now(),
      };
      store.save(c, flow);
      return c.json(
        {
          requestToken: data.token,
          element: element.key,
          exchange: reply.exchange,
          flow: toFlowView(flow),
        },
        200,
      );
    })
    .post('/authorize-url', json(AuthorizeUrlInputSchema), async (c) => {
      const input = c.req.valid('json');
      if (input.element && ELEMENTS[input.element].authType !== 'oauth1') {
        // A flow that starts here: fresh, bound to this browser by a random `state`, with the
        // fields the element needs (checked before any upstream call).
        const element = input.element;
        startingElement(element, 'authorize-url');
        const fields = typedFields(element, input.fields);
        const progress = check(null, { step: 'authorize-url' }, element);
        const scenario = scenarioOf(input.scenario);
        const state = randomToken(16);
        const kept = keptFields(element, fields);
        const { oauthUrl, exchange } = await authorizeUrl(
          { element, param: 'state', value: state, fields: kept },
          state,
          { scenario, arrivedAt: arrivalOf(c) },
        );
        const flow: FlowState = {
          id: randomToken(8),
          element,
          authType: 'oauth2',
          done: progress.done,
          scenario,
          state,
          fields: kept,
          oauthUrl,
        };
        store.save(c, flow);
        return c.json({ oauthUrl, exchange, flow: toFlowView(flow) }, 200);
      }
      // Otherwise: OAuth 1.0a's step 2, for the request token of the flow in progress.
      const [flow, progress] = checkFlow(store.load(c), { step: 'authorize-url' }, 'oauth1');
      if (flow.authType !== 'oauth1') {
        throw new AppError(409, 'out_of_order', 'This flow has no request token. Start over.');
      }
      const { oauthUrl, exchange } = await authorizeUrl(
        { element: flow.element, param: 'oauth_token', value: flow.requestToken, fields: {} },
        flow.state,
        contextOf(c, flow),
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
          flow ? contextOf(c, flow) : undefined,
        );
      const refuse = (message: string) =>
        new AppError(403, 'callback_mismatch', message, {
          exchange: record(403, { error: { code: 'callback_mismatch', message } }),
        });
      const outOfOrder = (message: string) =>
        new AppError(409, 'out_of_order', message, {
          exchange: record(409, { error: { code: 'out_of_order', message } }),
        });

      if (!flow) {
        throw refuse(
          'This browser has no flow in progress, so the callback is refused: it came from another browser, or the flow expired. Start over.',
        );
      }
      const callback = KINDS[flow.authType].callback;
      if (!callback) {
        throw outOfOrder(
          `A flow with ${AUTH_LABEL[flow.authType]} has no callback: nothing is delegated.`,
        );
      }
      const progress = next(
        progressOf(flow),
        { step: 'callback', accepted: callback.accepted(input) },
        flow.authType,
      );
      if (isRefusal(progress)) throw outOfOrder(progress.reason);
      const verdict = callback.check(input, flow);
      if ('refused' in verdict) throw refuse(verdict.refused);
      const saved: FlowState = {
        ...flow,
        done: progress.done,
        outcome: progress.outcome,
        ...(verdict.grant ? { grant: verdict.grant } : {}),
      };
      store.save(c, saved);
      const exchange = record(200, { accepted: verdict.accepted });
      return c.json({ accepted: verdict.accepted, exchange, flow: toFlowView(saved) }, 200);
    })
    .post('/instance', json(CreateInstanceInputSchema), async (c) => {
      const input = c.req.valid('json');
      const current = store.load(c);
      // A kind whose flow starts here (basic) names its element and brings the person's fields;
      // the others go on with the flow in progress and what its callback brought.
      let flow: FlowState;
      let progress: Advanced;
      let typed: Record<string, string> = {};
      if (input.element) {
        const element = input.element;
        startingElement(element, 'create-instance');
        typed = typedFields(element, input.fields ?? {});
        progress = check(null, { step: 'create-instance' }, element);
        flow = {
          id: randomToken(8),
          element,
          authType: 'basic',
          done: progress.done,
          scenario: scenarioOf(input.scenario),
          fields: keptFields(element, typed),
        };
      } else {
        [flow, progress] = checkFlow(current, { step: 'create-instance' });
        if (flow.authType === 'basic') {
          throw new AppError(
            400,
            'bad_request',
            'element and fields: a basic element sends its credentials with this call (the BFF does not keep them).',
          );
        }
      }
      const providerData = KINDS[flow.authType].providerData(flow);
      if (KINDS[flow.authType].callback && !providerData) {
        throw new AppError(
          409,
          'out_of_order',
          'This flow has nothing from the consent page yet. Start over.',
        );
      }
      // The person's key is a secret from the moment it arrives: a marker in every reply and log.
      const context = contextOf(c, flow, typedSecrets(flow.element, typed));
      const { data, reply } = await ce.createInstance(
        flow.element,
        {
          providerData,
          fields: { ...('fields' in flow ? flow.fields : {}), ...typed },
          name: input.name,
          // The learner's own tag beside the person's: their instances are theirs to list and delete.
          tags: [...input.tags, callerOf(c).tag],
          settings: input.settings,
          omitConfiguration:
            sandbox && flow.scenario === 'missing-config'
              ? [KINDS[flow.authType].labOmits(ELEMENTS[flow.element])]
              : undefined,
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
        throw new AppError(409, 'out_of_order', 'This flow has no instance yet. Create one first.');
      }
      return c.json({ token: flow.instanceToken }, 200);
    })
    .post('/hub-call', json(HubCallInputSchema), async (c) => {
      // Your own read through the instance: after try-it has shown it works. Changes nothing in
      // the flow; refused with the reason, before anything is sent, unless it is a read of the hub.
      const flow = store.load(c);
      if (!flow?.instanceToken || flow.done !== 'try-it') {
        throw new AppError(
          409,
          'out_of_order',
          'Calls of your own go through a working instance: make the first call (try it) first.',
        );
      }
      const checked = checkHubCall(ELEMENTS[flow.element].hub, c.req.valid('json'));
      if (!checked.ok) throw new AppError(400, 'bad_request', checked.reason);
      const context = contextOf(c, flow, [instanceTokenSecret(flow.instanceToken)]);
      const { reply } = await ce.readHub(checked.path, flow.instanceToken, context);
      return c.json({ status: reply.status, exchange: reply.exchange }, 200);
    })
    .post('/try-it', json(EmptyBody), async (c) => {
      const [flow, progress] = checkFlow(store.load(c), { step: 'try-it' });
      if (!flow.instanceToken) {
        throw new AppError(409, 'out_of_order', 'This flow has no instance yet. Create one first.');
      }
      const context = contextOf(c, flow, [instanceTokenSecret(flow.instanceToken)]);
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
