import type { Exchange } from '@cew/shared';
import { describe, expect, it } from 'vitest';
import { toHar, withInstanceToken } from './export';

const exchange = (step: Exchange['step'], patch: Partial<Exchange> = {}): Exchange => ({
  step,
  parties: 'BFF → Cloud Elements',
  method: 'GET',
  url: 'https://ce.example/elements/twitter/oauth/token?apiKey=<TWITTER_API_KEY>&state=s1',
  requestHeaders: { accept: 'application/json' },
  status: 200,
  responseHeaders: { 'content-type': 'application/json' },
  responseBody: { token: 't', secret: '<REQUEST_TOKEN_SECRET>' },
  durationMs: 12,
  startedAt: '2026-11-28T10:00:00.000Z',
  curl: "curl -X GET \\\n  'https://ce.example/…'",
  ...patch,
});

describe('exports', () => {
  it('writes HAR 1.2 with one entry per exchange, query and bodies included', () => {
    const har = toHar([
      exchange('request-token'),
      exchange('callback', { status: null, curl: undefined }),
    ]);
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries).toHaveLength(2);
    const [first, second] = har.log.entries;
    expect(first?.request.queryString).toEqual([
      { name: 'apiKey', value: '<TWITTER_API_KEY>' },
      { name: 'state', value: 's1' },
    ]);
    expect(JSON.parse(first?.response.content.text ?? '')).toEqual({
      token: 't',
      secret: '<REQUEST_TOKEN_SECRET>',
    });
    expect(second?.response.status).toBe(0);
    expect(JSON.parse(JSON.stringify(har))).toEqual(har);
  });

  it('keeps the instance token a marker unless the person opts in', () => {
    const created = exchange('create-instance', {
      responseBody: { id: 1, token: '<INSTANCE_TOKEN>' },
      curl: undefined,
    });
    expect(JSON.stringify(toHar([created]))).toContain('<INSTANCE_TOKEN>');
    const opted = JSON.stringify(toHar(withInstanceToken([created], 'tok/en+1=')));
    expect(opted).toContain('tok/en+1=');
    expect(opted).not.toContain('<INSTANCE_TOKEN>');
  });
});
