import {
  type CallbackInput,
  CallbackInputSchema,
  type CallbackResult,
  CreateInstanceInputSchema,
  type Exchange,
  type Instance,
  ProviderLegsSchema,
  RequestTokenInputSchema,
  type Scenario,
} from '@cew/shared';
import { zValidator } from '@hono/zod-validator';
import { type Context, Hono } from 'hono';
import { type Dispatcher, request } from 'undici';
import { z } from 'zod';
import type { Config } from '../config';
import { AppError, describeZodError } from '../errors';
import { clearFlow, readFlow, writeFlow } from '../flow/cookie';
import { checkOauthUrl, type OauthUrlPolicy } from '../flow/oauth-url';
import type { Sealer } from '../flow/seal';
import { type FlowState, toFlowView } from '../flow/state';
import { randomToken } from '../random';
import type { KnownSecret, Redactor } from '../redact';
import {
  type CloudElementsTarget,
  createInstance,
  getAuthorizeUrl,
  getRequestToken,
  getStatuses,
  type OrganizationCredentials,
} from '../upstream/cloud-elements';

export type FlowDeps = {
  config: Config;
  sealer: Sealer;
  dispatcher: Dispatcher;
  target: CloudElementsTarget;
  credentials: OrganizationCredentials;
  /** Hides the configured secrets; each flow adds its own. */
  redactor: Redactor;
  oauthUrlPolicy: OauthUrlPolicy;
};

/** A flow keeps at most this many exchanges (failed attempts included) to bound its cookie. */
const MAX_EXCHANGES = 10;

/** Drops the oldest exchanges past the limit, but never a step's latest: its page shows it. */
function trimExchanges(list: Exchange[]): Exchange[] {
  if (list.length <= MAX_EXCHANGES) return list;
  const keep = new Set<number>();
  const latestOf = new Set<string>();
  for (let i = list.length - 1; i >= 0; i--) {
    const kind = list[i]?.step ?? '';
    if (!latestOf.has(kind)) {
      latestOf.add(kind);
      keep.add(i);
    }
  }
  for (let i = list.length - 1; i >= 0 && keep.size < MAX_EXCHANGES; i--) keep.add(i);
  return list.filter((_, i) => keep.has(i));
}

/** Validates a JSON body, answering 400 with the field that is wrong. */
const json = <T extends z.ZodType>(schema: T) =>
  zValidator('json', schema, (result) => {
    if (!result.success) {
      throw new AppError(400, 'bad_request', describeZodError(result.error));
    }
  });

const EmptyBody = z.strictObject({});

/** The scenario travels to the sandbox as a header; live mode never sends it. */
const SCENARIO_HEADER = 'x-sandbox-scenario';

export function createFlowRoutes(deps: FlowDeps) {
  const secure = deps.config.publicUrl.startsWith('https:');
  const redactorFor = (flow: FlowState | null, extra: KnownSecret[] = []) =>
    flow || extra.length
      ? deps.redactor.with([
          ...(flow ? [{ value: flow.tokenSecret, marker: '<REQUEST_TOKEN_SECRET>' }] : []),
          ...extra,
        ])
      : deps.redactor;
  const upstream = (flow: FlowState | null, extra: KnownSecret[] = []) => ({
    dispatcher: deps.dispatcher,
    timeoutMs: deps.config.upstreamTimeoutMs,
    redactor: redactorFor(flow, extra),
  });
  const sandbox = deps.config.mode === 'sandbox';
  /** The Cloud Elements target for a flow: in sandbox mode, with its failure-lab scenario. */
  const targetFor = (scenario: Scenario) =>
    sandbox && scenario !== 'none'
      ? { ...deps.target, headers: { [SCENARIO_HEADER]: scenario } }
      : deps.target;
  const save = (c: Context, flow: FlowState) =>
    writeFlow(c, deps.sealer, { ...flow, exchanges: trimExchanges(flow.exchanges) }, secure);

  /** Runs an upstream step; a failure's exchange is kept in the flow before the error goes out. */
  async function step<T>(c: Context, flow: FlowState, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof AppError && error.details.exchange) {
        save(c, { ...flow, exchanges: [...flow.exchanges, error.details.exchange] });
      }
      throw error;
    }
  }

  function requireFlow(c: Context, allowed: FlowState['step'][], what: string): FlowState {
    const flow = readFlow(c, deps.sealer);
    if (!flow) {
      throw new AppError(
        409,
        'out_of_order',
        `There is no flow in progress in this browser (it may have expired after 30 minutes). Start again with step 1 before ${what}.`,
      );
    }
    if (!allowed.includes(flow.step)) {
      throw new AppError(
        409,
        'out_of_order',
        `This flow is past the point of ${what}. Start over to run it again.`,
      );
    }
    return flow;
  }

  return new Hono()
    .get('/', (c) => c.json(toFlowView(readFlow(c, deps.sealer)), 200))
    .delete('/', (c) => {
      clearFlow(c, secure);
      return c.json(toFlowView(null), 200);
    })
    .get('/provider-legs', async (c) => {
      if (!sandbox) {
        throw new AppError(
          404,
          'not_found',
          "Cloud Elements' calls to Twitter are visible only in sandbox mode.",
        );
      }
      const flow = readFlow(c, deps.sealer);
      if (!flow) return c.json({ legs: [] }, 200);
      const url = `${deps.config.ceBaseUrl.replace(/\/elements\/api-v2$/, '')}/_inspect/legs?oauth_token=${encodeURIComponent(flow.requestToken)}`;
      const reply = await request(url, {
        dispatcher: deps.dispatcher,
        signal: AbortSignal.timeout(deps.config.upstreamTimeoutMs),
      });
      const parsed = ProviderLegsSchema.safeParse(await reply.body.json().catch(() => null));
      if (!parsed.success)
        throw new AppError(
          502,
          'upstream_bad_reply',
          'The sandbox did not describe its calls to Twitter.',
        );
      return c.json(redactorFor(flow).redact(parsed.data), 200);
    })
    .post('/request-token', json(RequestTokenInputSchema), async (c) => {
      // Step 1 always begins a fresh flow, with a new random `state` bound to this browser.
      const scenario = sandbox ? c.req.valid('json').scenario : 'none';
      const state = randomToken(16);
      const { data, reply } = await getRequestToken(targetFor(scenario), state, upstream(null));
      const flow: FlowState = {
        scenario,
        state,
        step: 'request-token',
        requestToken: data.token,
        tokenSecret: data.secret,
        exchanges: [reply.exchange],
      };
      save(c, flow);
      return c.json({ requestToken: data.token, exchange: reply.exchange }, 200);
    })
    .post('/authorize-url', json(EmptyBody), async (c) => {
      const flow = requireFlow(
        c,
        ['request-token', 'authorize-url'],
        'getting the authorization URL',
      );
      const { data, reply } = await step(c, flow, () =>
        getAuthorizeUrl(targetFor(flow.scenario), flow.requestToken, flow.state, upstream(flow)),
      );
      const verdict = checkOauthUrl(data.oauthUrl, flow.requestToken, deps.oauthUrlPolicy);
      if (!verdict.ok) {
        const error = new AppError(
          502,
          'unsafe_oauth_url',
          `The authorization URL from Cloud Elements was refused because ${verdict.reason}. The wizard will not send you there. Check CE_BASE_URL and OAUTH_ALLOWED_HOSTS.`,
          { exchange: reply.exchange },
        );
        save(c, { ...flow, exchanges: [...flow.exchanges, reply.exchange] });
        throw error;
      }
      save(c, {
        ...flow,
        step: 'authorize-url',
        oauthUrl: data.oauthUrl,
        exchanges: [...flow.exchanges.filter((e) => e.step !== 'authorize-url'), reply.exchange],
      });
      return c.json({ oauthUrl: data.oauthUrl, exchange: reply.exchange }, 200);
    })
    .post('/callback', json(CallbackInputSchema), (c) => {
      const input = c.req.valid('json');
      const flow = readFlow(c, deps.sealer);
      const started = performance.now();
      const record = (status: number, body: unknown) =>
        redactorFor(flow).redact(
          callbackExchange(
            deps.config.callbackUrl,
            input,
            status,
            body,
            performance.now() - started,
          ),
        );
      const refuse = (
        status: 403 | 409,
        code: 'callback_mismatch' | 'out_of_order',
        message: string,
      ) => {
        const body = { error: { code, message } };
        const exchange = record(status, body);
        if (flow && flow.step === 'authorize-url')
          save(c, { ...flow, exchanges: [...flow.exchanges, exchange] });
        return new AppError(status, code, message, { exchange });
      };

      if (!flow) {
        throw refuse(
          403,
          'callback_mismatch',
          'This browser has no flow in progress, so the callback is refused: it came from another browser, or the flow expired. Start over.',
        );
      }
      if (flow.step !== 'authorize-url') {
        throw refuse(
          409,
          'out_of_order',
          'This callback was already handled (a callback is accepted once). Start over to run the flow again.',
        );
      }
      const token = input.denied ?? input.oauth_token;
      if (token !== flow.requestToken) {
        throw refuse(
          403,
          'callback_mismatch',
          "The callback's oauth_token is not this flow's request token, so it is refused. Start over.",
        );
      }
      if (input.state !== flow.state) {
        throw refuse(
          403,
          'callback_mismatch',
          "The callback's state does not match this flow's state (a possible cross-site request), so it is refused. Start over.",
        );
      }
      if (input.denied === undefined && !input.oauth_verifier) {
        throw refuse(
          403,
          'callback_mismatch',
          'The callback carries no oauth_verifier. Start over and authorize the app again.',
        );
      }
      const accepted = input.denied === undefined;
      const result: Omit<CallbackResult, 'exchange'> = { accepted };
      const exchange = record(200, result);
      save(c, {
        ...flow,
        step: 'callback',
        outcome: accepted ? 'authorized' : 'denied',
        verifier: input.oauth_verifier,
        exchanges: [...flow.exchanges, exchange],
      });
      return c.json({ accepted, exchange }, 200);
    })
    .post('/instance', json(CreateInstanceInputSchema), async (c) => {
      const input = c.req.valid('json');
      const flow = requireFlow(c, ['callback'], 'creating the instance');
      if (flow.outcome !== 'authorized' || !flow.verifier) {
        throw new AppError(
          409,
          'out_of_order',
          'Access was not granted on the consent page, so no instance can be created. Start over.',
        );
      }
      const verifier = flow.verifier;
      const options = upstream(flow);
      const { data, reply } = await step(c, flow, () =>
        createInstance(
          targetFor(flow.scenario),
          deps.credentials,
          {
            oauthToken: flow.requestToken,
            oauthVerifier: verifier,
            tokenSecret: flow.tokenSecret,
            name: input.name,
            tags: input.tags,
            settings: input.settings,
            omitConfiguration:
              sandbox && flow.scenario === 'missing-config' ? ['oauth.callback.url'] : undefined,
          },
          options,
        ),
      );
      save(c, {
        ...flow,
        step: 'create-instance',
        instanceName: input.name,
        instanceToken: data.token,
        exchanges: [...flow.exchanges, reply.exchange],
      });
      return c.json(
        { instance: options.redactor.redact<Instance>(data), exchange: reply.exchange },
        200,
      );
    })
    .post('/try-it', json(EmptyBody), async (c) => {
      const flow = requireFlow(c, ['create-instance'], 'calling through the instance');
      const instanceToken = flow.instanceToken;
      if (!instanceToken) {
        throw new AppError(409, 'out_of_order', 'This flow has no instance yet. Create one first.');
      }
      const options = upstream(flow, [{ value: instanceToken, marker: '<INSTANCE_TOKEN>' }]);
      const { data, reply } = await step(c, flow, () =>
        getStatuses(targetFor(flow.scenario), deps.credentials, instanceToken, options),
      );
      save(c, { ...flow, exchanges: [...flow.exchanges, reply.exchange] });
      return c.json({ statuses: options.redactor.redact(data), exchange: reply.exchange }, 200);
    });
}

/** The callback as an exchange: Twitter sent the browser to the callback, the browser told the BFF. */
function callbackExchange(
  callbackUrl: string,
  input: CallbackInput,
  status: number,
  responseBody: unknown,
  durationMs: number,
): Exchange {
  const url = new URL(callbackUrl);
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return {
    step: 'callback',
    parties: 'Twitter → Browser → BFF',
    method: 'GET',
    url: url.toString(),
    requestHeaders: {},
    requestBody: undefined,
    status,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody,
    durationMs: Math.round(durationMs),
    startedAt: new Date().toISOString(),
  };
}
