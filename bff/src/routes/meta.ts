import type { PublicConfig } from '@cew/shared';
import { Hono } from 'hono';
import { type Config, ELEMENT_KEY } from '../config';

/** "sandbox-twitter-api-key" → "sand…-key": enough to recognise, not enough to use. */
function maskKey(key: string): string {
  return key.length <= 8 ? '••••' : `${key.slice(0, 4)}…${key.slice(-4)}`;
}

export function createMetaRoutes(config: Config, accessCodeRequired: boolean) {
  const publicConfig: PublicConfig = {
    mode: config.mode,
    elementKey: ELEMENT_KEY,
    cloudElementsBaseUrl: config.ceBaseUrl,
    callbackUrl: config.callbackUrl,
    apiKeyMasked: maskKey(config.twitterApiKey),
    accessCodeRequired,
    instanceTag: config.instanceTag,
  };
  return new Hono()
    .get('/health', (c) => c.json({ status: 'ok' as const, mode: config.mode }, 200))
    .get('/config', (c) => c.json(publicConfig, 200));
}
