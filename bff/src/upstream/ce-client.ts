import { type ElementDescriptor, SCENARIO_HEADER, type Scenario } from '@cew/shared';
import { APP_KEY, APP_SECRET } from '@cew/shared/definition';
import type { Dispatcher } from 'undici';
import type { AppCredentials } from '../config';
import { AppError } from '../errors';
import type { KnownSecret, Redactor } from '../redact';
import { appSecrets } from '../secrets';
import { sendUpstream, type UpstreamCall, type UpstreamReply } from './http';
import { hideInstanceTokens, instanceTokenSecret, tokensIn } from './instance-tokens';

export type CloudElementsOptions = {
  /** Cloud Elements' API root, e.g. https://api.cloud-elements.com/elements/api-v2. */
  baseUrl: string;
  /** This server's provider app for an element, if it holds one (else the person types theirs). */
  appOf: (element: ElementDescriptor) => AppCredentials | undefined;
  /** The callback registered with every provider app. */
  callbackUrl: string;
  /** The platform's own credentials, for calls about instances; only the BFF ever holds them. */
  credentials: { userSecret: string; orgSecret: string };
  /** Hides the configured secrets; each call may add its flow's own. */
  redactor: Redactor;
  dispatcher: Dispatcher;
  timeoutMs: number;
  /** Sandbox mode: failure-lab scenarios travel to the sandbox. Live mode never sends them. */
  sandbox: boolean;
  /** Added to every instance created, so the wizard can tell (and delete) only its own. */
  instanceTag: string;
};

/**
 * What one call carries of its request and flow: the failure-lab scenario, the flow's own
 * secrets, and when the request arrived (its first upstream call's deadline runs from then).
 */
export type CallContext = {
  scenario?: Scenario;
  secrets?: KnownSecret[];
  /** Values the flow shows on purpose (its request token): not hidden as a quoted access token. */
  shown?: string[];
  arrivedAt?: number;
};

export type Result<T> = { data: T; reply: UpstreamReply };

/**
 * The connection to Cloud Elements every call shares: the platform's headers, the app of an
 * element, and sending a call over real HTTP, recorded as an exchange with the call's secrets
 * hidden. The calls themselves (the flow's, the catalog's, the instances', the sandbox labs')
 * are built on it, each in its own file.
 */
export function createCeClient(options: CloudElementsOptions) {
  const { baseUrl, credentials } = options;

  /**
   * An element's app: this server's, else the one the person typed on the first step
   * (`oauth.api.key`/`oauth.api.secret`, sealed in the flow); a clear refusal with neither.
   */
  const resolveApp = (
    element: ElementDescriptor,
    typed: Record<string, string>,
  ): AppCredentials | undefined => {
    const apiKey = typed[APP_KEY];
    const apiSecret = typed[APP_SECRET];
    return options.appOf(element) ?? (apiKey && apiSecret ? { apiKey, apiSecret } : undefined);
  };
  const appOf = (element: ElementDescriptor, typed: Record<string, string> = {}) => {
    const app = resolveApp(element, typed);
    if (!app) {
      throw new AppError(
        400,
        'bad_request',
        `${APP_KEY} and ${APP_SECRET}: this server holds no app for ${element.name}; type your own app's.`,
      );
    }
    return app;
  };

  /**
   * The call's context with the app's secret (and a 1.0a consumer key) to hide: whoever sends a
   * secret hides it, whichever element it belongs to, so the cost of redaction does not grow
   * with the catalog (the configured base holds only the overlays' and the variables' apps).
   */
  const withApp = (
    context: CallContext | undefined,
    element: ElementDescriptor,
    app: AppCredentials | undefined,
  ): CallContext => ({
    ...context,
    secrets: [...(context?.secrets ?? []), ...appSecrets(element, app)],
  });

  const redactorFor = (context: CallContext = {}) =>
    context.secrets?.length || context.shown?.length
      ? options.redactor.with(context.secrets ?? [], context.shown)
      : options.redactor;

  function send(call: UpstreamCall, context: CallContext = {}): Promise<UpstreamReply> {
    const { scenario } = context;
    const headers =
      options.sandbox && scenario && scenario !== 'none'
        ? { ...call.headers, [SCENARIO_HEADER]: scenario }
        : call.headers;
    return sendUpstream(
      { ...call, headers },
      {
        dispatcher: options.dispatcher,
        timeoutMs: options.timeoutMs,
        redactor: redactorFor(context),
        arrivedAt: context.arrivedAt,
      },
    );
  }

  // A string, not a URL object: the base was validated once in config, and parsing it again on
  // every call is a measurable part of step 1's cost.
  const elementUrl = (element: ElementDescriptor, path: string, query: Record<string, string>) =>
    `${baseUrl}/elements/${encodeURIComponent(element.key)}/${path}?${new URLSearchParams(query)}`;

  const platformHeaders = (instanceToken?: string) => ({
    authorization: `User ${credentials.userSecret}, Organization ${credentials.orgSecret}${instanceToken ? `, Element ${instanceToken}` : ''}`,
    accept: 'application/json',
  });

  /**
   * A call about instances in general (list, read, delete). Its reply may carry any instance's
   * token (another learner's, echoed back by a read or a delete, even on a refusal): every value
   * under a `token` key is a marker in its exchange before anyone reads it.
   */
  async function sendAdmin(
    call: UpstreamCall,
    knownTokens: string[] = [],
    context?: CallContext,
  ): Promise<UpstreamReply> {
    const reply = await send(call, context);
    // A token read in the reply is hidden wherever else it stands too (a message quoting it).
    const tokens = [...knownTokens, ...tokensIn(reply.body)].map(instanceTokenSecret);
    const redactor = tokens.length ? options.redactor.with(tokens) : options.redactor;
    reply.exchange = redactor.redact({
      ...reply.exchange,
      responseBody: hideInstanceTokens(reply.exchange.responseBody),
    });
    return reply;
  }

  return {
    options,
    baseUrl,
    send,
    sendAdmin,
    resolveApp,
    appOf,
    withApp,
    redactorFor,
    elementUrl,
    platformHeaders,
  };
}

export type CeClient = ReturnType<typeof createCeClient>;
