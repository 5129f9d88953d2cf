import type { Exchange } from '@cew/shared';
import { describe, expect, it } from 'vitest';
import { markersIn } from './markers';

describe('markersIn', () => {
  it('finds each marker where it stands, sent or received, and says what it replaced', () => {
    const exchange: Exchange = {
      step: 'create-instance',
      parties: 'BFF → Cloud Elements',
      method: 'POST',
      url: 'http://ce.test/instances?apiSecret=%3CTWITTER_API_SECRET%3E',
      requestHeaders: { authorization: 'User <CE_USER_SECRET>, Organization <CE_ORG_SECRET>' },
      requestBody: { providerData: { secret: '<REQUEST_TOKEN_SECRET>', oauth_token: 'abc' } },
      status: 200,
      responseHeaders: {},
      responseBody: { token: '<INSTANCE_TOKEN>', tags: ['<MYSTERY>'] },
      durationMs: 1,
      startedAt: '2026-11-29T00:00:00.000Z',
    };
    expect(markersIn(exchange).map((r) => `${r.direction} ${r.where} ${r.marker}`)).toEqual([
      'sent query apiSecret <TWITTER_API_SECRET>',
      'sent header authorization <CE_USER_SECRET>',
      'sent header authorization <CE_ORG_SECRET>',
      'sent request body providerData.secret <REQUEST_TOKEN_SECRET>',
      'received response body token <INSTANCE_TOKEN>',
      'received response body tags[0] <MYSTERY>',
    ]);
    const rows = markersIn(exchange);
    expect(rows[1]?.meaning).toContain('CE_USER_SECRET');
    expect(rows.at(-1)?.meaning).toBe('a secret the BFF recognised and hid');
  });
});
