import type { PublicConfig } from '@cew/shared';
import { ELEMENTS, type ElementKey, SANDBOX_REQUEST_TOKEN_TTL_MS, STEP_ORDER } from '@cew/shared';
import { Hono } from 'hono';
import type { Config } from '../config';

/** "sandbox-twitter-api-key" → "sand…-key": enough to recognise, not enough to use. */
function maskKey(key: string): string {
  return key.length <= 8 ? '••••' : `${key.slice(0, 4)}…${key.slice(-4)}`;
}

export function createMetaRoutes(config: Config, accessCodeRequired: boolean) {
  const publicConfig: PublicConfig = {
    mode: config.mode,
    elements: (Object.keys(config.apps) as ElementKey[]).map((key) => ({
      key,
      authType: ELEMENTS[key].authType,
      // Salesforce's client id is public (it travels in the consent URL); Twitter's key is not.
      apiKeyMasked: maskKey(config.apps[key]?.apiKey ?? ''),
    })),
    cloudElementsBaseUrl: config.ceBaseUrl,
    callbackUrl: config.callbackUrl,
    accessCodeRequired,
    instanceTag: config.instanceTag,
    upstreamTimeoutMs: config.upstreamTimeoutMs,
    ...(config.mode === 'sandbox' ? { requestTokenTtlMs: SANDBOX_REQUEST_TOKEN_TTL_MS } : {}),
  };
  return (
    new Hono()
      .get('/health', (c) => c.json({ status: 'ok' as const, mode: config.mode }, 200))
      .get('/config', (c) => c.json(publicConfig, 200))
      // The elements this server can provision, each with its steps from the flow module.
      .get('/elements', (c) =>
        c.json(
          publicConfig.elements.map(({ key, authType }) => ({
            key,
            name: ELEMENTS[key].name,
            authType,
            steps: STEP_ORDER[authType],
          })),
          200,
        ),
      )
  );
}
