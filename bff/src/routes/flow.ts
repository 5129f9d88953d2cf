import {
  type Advanced,
  AUTH_LABEL,
  AuthorizeUrlInputSchema,
  type AuthType,
  type CallbackInput,
  CallbackInputSchema,
  CreateInstanceInputSchema,
  type ElementDescriptor,
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
import type { ElementCatalog } from '../elements';
import { AppError } from '../errors';
import { authorizeUrl } from '../flow/authorize-url';
import type { FlowStore } from '../flow/cookie';
import { checkHubCall } from '../flow/hub-path';
import type { OauthUrlPolicy } from '../flow/oauth-url';
import { recover } from '../flow/recover';
import { type FlowState, progressOf, toFlowView } from '../flow/state';
import { asKnown, keptFields, sealedSecrets, typedFields, typedOf, unsealed } from '../flow/typed';
import { randomToken } from '../random';
import type { CallContext, CloudElements } from '../upstream/cloud-elements';
import { arrivalOf } from '../upstream/deadline';
import { instanceTokenSecret } from '../upstream/instance-tokens';
import { json } from '../validate';

export type FlowDeps = {
  ce: CloudElements;
  store: FlowStore;
  oauthUrlPolicy: OauthUrlPolicy;
  callbackUrl: string;
  sandbox: boolean;
  /** The elements this server offers, read from Cloud Elements. */
  catalog: ElementCatalog;
  /** Who is calling: each instance they create carries their own tag. */
  callerOf: (c: Context) => Caller;
};

const EmptyBody = z.strictObject({});

/** The flow module's verdict on this call: the progress it makes, or a 409 saying what is missing. */
function check(flow: FlowState | null, event: FlowEvent, authType: AuthType): Advanced {
  const result = next(progressOf(flow), event, flow?.authType ?? authType);
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
  return [flow, check(flow, event, flow.authType)];
}

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
  // A request token is shown on purpose (the steps teach with it); its secret never is.
  ...(flow.requestToken ? { shown: [flow.requestToken] } : {}),
  secrets: [
    ...(flow.tokenSecret ? [{ value: flow.tokenSecret, marker: '<REQUEST_TOKEN_SECRET>' }] : []),
    ...asKnown(flow.secrets),
    ...extra,
  ],
});

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
  catalog,
  callerOf,
}: FlowDeps) {
  /** The element a flow starts with: offered here, of a kind whose flow starts with `step`. */
  async function startingElement(
    element: string,
    step: 'request-token' | 'authorize-url' | 'create-instance',
  ) {
    const { descriptor } = await catalog.get(element);
    if (firstCall(descriptor.authType) !== step) {
      throw new AppError(
        400,
        'bad_request',
        `element: ${descriptor.name} uses ${AUTH_LABEL[descriptor.authType]}, whose flow does not start here.`,
      );
    }
    return descriptor;
  }

  /**
   * The element of the flow in progress, as the catalog derives it now; a flow whose element is
   * gone, or is now of another kind, is no flow (its cookie does not stand for another element).
   */
  async function elementOf(flow: FlowState): Promise<ElementDescriptor> {
    const { descriptor } = await catalog.get(flow.element);
    if (descriptor.authType !== flow.authType) {
      throw new AppError(
        409,
        'out_of_order',
        `${descriptor.name} no longer uses ${AUTH_LABEL[flow.authType]}: start over from its first step.`,
      );
    }
    return descriptor;
  }

  const scenarioOf = (scenario: Scenario): Scenario => (sandbox ? scenario : 'none');

  /** A call through the flow's instance: its token, the flow's secrets and its app's hidden. */
  const throughInstance = (
    c: Context,
    flow: FlowState,
    element: ElementDescriptor,
    token: string,
  ) =>
    ce.withAppOf(contextOf(c, flow, [instanceTokenSecret(token)]), element, typedOf(element, flow));

  return new Hono()
    .get('/', (c) => c.json(toFlowView(store.load(c)), 200))
    .delete('/', (c) => {
      store.clear(c);
      return c.json(toFlowView(null), 200);
    })
    .post('/request-token', json(RequestTokenInputSchema), async (c) => {
      // OAuth 1.0a's step 1 always begins a fresh flow, with a new random `state` for this browser.
      const input = c.req.valid('json');
      const element = await startingElement(input.element, 'request-token');
      const fields = typedFields(element, input.fields);
      const progress = check(null, { step: 'request-token' }, element.authType);
      const scenario = scenarioOf(input.scenario);
      const state = randomToken(16);
      const sealed = sealedSecrets(element, fields);
      const { data, reply } = await ce.getRequestToken(
        element,
        { state, fields },
        {
          scenario,
          arrivedAt: arrivalOf(c),
          secrets: asKnown(sealed.secrets),
        },
      );
      const kept = keptFields(element, fields);
      const flow: FlowState = {
        id: randomToken(8),
        element: element.key,
        ...sealed,
        ...(Object.keys(kept).length ? { fields: kept } : {}),
        authType: element.authType,
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
      const starting = input.element ? (await catalog.get(input.element)).descriptor : undefined;
      if (starting && firstCall(starting.authType) === 'authorize-url') {
        // A flow that starts here: fresh, bound to this browser by a random `state`, with the
        // fields the element needs (checked before any upstream call).
        const element = await startingElement(starting.key, 'authorize-url');
        const fields = typedFields(element, input.fields);
        const progress = check(null, { step: 'authorize-url' }, element.authType);
        const scenario = scenarioOf(input.scenario);
        const state = randomToken(16);
        const kept = keptFields(element, fields);
        const sealed = sealedSecrets(element, fields);
        const { oauthUrl, exchange } = await authorizeUrl(
          { ce, callbackUrl, oauthUrlPolicy },
          { element, param: 'state', value: state, fields: kept },
          state,
          {
            scenario,
            arrivedAt: arrivalOf(c),
            secrets: asKnown(sealed.secrets),
          },
          fields,
        );
        const flow: FlowState = {
          id: randomToken(8),
          element: element.key,
          ...sealed,
          authType: element.authType,
          done: progress.done,
          scenario,
          state,
          fields: kept,
          oauthUrl,
        };
        store.save(c, flow);
        return c.json({ oauthUrl, exchange, flow: toFlowView(flow) }, 200);
      }
      // Otherwise: the second step of a flow whose URL is bound by the request token it began with.
      const [flow, progress] = checkFlow(store.load(c), { step: 'authorize-url' });
      if (KINDS[flow.authType].urlBinding !== 'oauth_token' || !flow.requestToken || !flow.state) {
        throw new AppError(409, 'out_of_order', 'This flow has no request token. Start over.');
      }
      const element = await elementOf(flow);
      const { oauthUrl, exchange } = await authorizeUrl(
        { ce, callbackUrl, oauthUrlPolicy },
        { element, param: 'oauth_token', value: flow.requestToken, fields: {} },
        flow.state,
        contextOf(c, flow),
        unsealed(element, flow),
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
      let element: ElementDescriptor;
      if (input.element) {
        element = await startingElement(input.element, 'create-instance');
        const typed = typedFields(element, input.fields ?? {});
        progress = check(null, { step: 'create-instance' }, element.authType);
        flow = {
          id: randomToken(8),
          element: element.key,
          authType: element.authType,
          done: progress.done,
          scenario: scenarioOf(input.scenario),
          fields: keptFields(element, typed),
          ...sealedSecrets(element, typed),
        };
      } else {
        [flow, progress] = checkFlow(current, { step: 'create-instance' });
        element = await elementOf(flow);
        if (firstCall(flow.authType) === 'create-instance') {
          throw new AppError(
            400,
            'bad_request',
            `element and fields: ${AUTH_LABEL[flow.authType]} sends its credentials with this call (the BFF does not keep them).`,
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
      // The person's secrets are sealed in the flow from the moment they arrive: a marker in
      // every reply and log for the life of the flow.
      const typedNow = typedOf(element, flow);
      const context = ce.withAppOf(contextOf(c, flow), element, typedNow);
      const learnerTag = callerOf(c).tag;
      const { data, reply } = await ce
        .createInstance(
          element,
          {
            providerData,
            fields: typedNow,
            name: input.name,
            // The learner's own tag beside the person's: their instances are theirs to list and delete.
            tags: [...input.tags, learnerTag],
            settings: input.settings,
            omitConfiguration:
              sandbox && flow.scenario === 'missing-config'
                ? [KINDS[flow.authType].labOmits(element)]
                : undefined,
          },
          context,
        )
        .catch((error: unknown) => recover(ce, error, input.name, learnerTag, context));
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
      const element = await elementOf(flow);
      const checked = checkHubCall(element.hub, c.req.valid('json'));
      if (!checked.ok) throw new AppError(400, 'bad_request', checked.reason);
      const context = throughInstance(c, flow, element, flow.instanceToken);
      const { reply } = await ce.readHub(checked.path, flow.instanceToken, context);
      return c.json({ status: reply.status, exchange: reply.exchange }, 200);
    })
    .post('/try-it', json(EmptyBody), async (c) => {
      const [flow, progress] = checkFlow(store.load(c), { step: 'try-it' });
      if (!flow.instanceToken) {
        throw new AppError(409, 'out_of_order', 'This flow has no instance yet. Create one first.');
      }
      const element = await elementOf(flow);
      const context = throughInstance(c, flow, element, flow.instanceToken);
      const { data, reply } = await ce.tryIt(element, flow.instanceToken, context);
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
