import { type PublicConfig, SANDBOX_REQUEST_TOKEN_TTL_MS } from '@cew/shared';
import { Hono } from 'hono';
import type { Config } from '../config';
import type { ElementCatalog } from '../elements';
import { compareElement } from '../flow/element-check';
import type { CloudElements } from '../upstream/cloud-elements';
import { arrivalOf } from '../upstream/deadline';

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
 * The elements this server can provision, each as the browser may see it (and those it cannot,
 * with the reason); and the check of one against Cloud Elements' own description
 * (`GET /elements/{key}`), before any instance is tried.
 */
export function createElementRoutes(catalog: ElementCatalog, ce: CloudElements) {
  return new Hono()
    .get('/', async (c) => c.json(await catalog.list(), 200))
    .get('/:key/check', async (c) => {
      const { descriptor } = await catalog.get(c.req.param('key'));
      const { data, reply } = await ce.getElement(descriptor.key, { arrivedAt: arrivalOf(c) });
      return c.json({ ...compareElement(descriptor, data), exchange: reply.exchange }, 200);
    });
}
