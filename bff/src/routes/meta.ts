import {
  ELEMENTS,
  type ElementDescriptor,
  type ElementKey,
  type ElementView,
  KINDS,
  type PublicConfig,
  SANDBOX_REQUEST_TOKEN_TTL_MS,
  STEP_ORDER,
} from '@cew/shared';
import { Hono } from 'hono';
import type { Config } from '../config';
import { AppError } from '../errors';
import { compareElement } from '../flow/element-check';
import type { CloudElements } from '../upstream/cloud-elements';
import { arrivalOf } from '../upstream/deadline';

/** "sandbox-twitter-api-key" → "sand…-key": enough to recognise, not enough to use. */
function maskKey(key: string): string {
  return key.length <= 8 ? '••••' : `${key.slice(0, 4)}…${key.slice(-4)}`;
}

/**
 * An element as the browser may see it: its descriptor without the sandbox's emulation (and
 * without the demo values in live mode), its steps, and how its app's key and secret show.
 */
export function toElementView(
  element: ElementDescriptor,
  config: Pick<Config, 'mode' | 'apps'>,
): ElementView {
  const app = KINDS[element.authType].app;
  const apiKey = config.apps[element.key as ElementKey]?.apiKey;
  return {
    key: element.key as ElementKey,
    name: element.name,
    provider: element.provider,
    hub: element.hub,
    authType: element.authType,
    env: element.env,
    differs: element.differs,
    tryIt: element.tryIt,
    resources: element.resources,
    ...(element.consent ? { consent: element.consent } : {}),
    steps: [...STEP_ORDER[element.authType]],
    fields: element.fields.map(({ sandboxValue, ...field }) =>
      config.mode === 'sandbox' && sandboxValue !== undefined ? { ...field, sandboxValue } : field,
    ),
    ...(apiKey ? { apiKeyMasked: maskKey(apiKey) } : {}),
    markers: app
      ? {
          apiSecret: `<${element.env}_${app.secretMarker}>`,
          ...(app.keyPublic ? {} : { apiKey: `<${element.env}_API_KEY>` }),
        }
      : {},
  };
}

/** Health and the public settings (open to all), and the elements offered (behind sign-in). */
export function createMetaRoutes(config: Config, accessCodeRequired: boolean) {
  const publicConfig: PublicConfig = {
    mode: config.mode,
    cloudElementsBaseUrl: config.ceBaseUrl,
    callbackUrl: config.callbackUrl,
    accessCodeRequired,
    instanceTag: config.instanceTag,
    upstreamTimeoutMs: config.upstreamTimeoutMs,
    ...(config.mode === 'sandbox' ? { requestTokenTtlMs: SANDBOX_REQUEST_TOKEN_TTL_MS } : {}),
  };
  return new Hono()
    .get('/health', (c) => c.json({ status: 'ok' as const, mode: config.mode }, 200))
    .get('/config', (c) => c.json(publicConfig, 200));
}

/**
 * The elements this server can provision, each as the browser may see it; and the check of one
 * against Cloud Elements' own description (`GET /elements/{key}`), before any instance is tried.
 */
export function createElementRoutes(config: Config, ce: CloudElements) {
  const views = config.elements.map((key) => toElementView(ELEMENTS[key], config));
  return new Hono()
    .get('/', (c) => c.json(views, 200))
    .get('/:key/check', async (c) => {
      const key = c.req.param('key') as ElementKey;
      if (!config.elements.includes(key)) {
        throw new AppError(404, 'not_found', `This server offers no element ${key}.`);
      }
      const { data, reply } = await ce.getElement(key, { arrivedAt: arrivalOf(c) });
      return c.json({ ...compareElement(ELEMENTS[key], data), exchange: reply.exchange }, 200);
    });
}
