import type { Exchange } from '@cew/shared';
import { describe, expect, it } from 'vitest';
import { toHar, toMarkdown, withInstanceToken } from './export';

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
  it('writes a Markdown transcript with a heading, curl and JSON per step', () => {
    const md = toMarkdown(
      [
        exchange('request-token'),
        exchange('create-instance', { method: 'POST', requestBody: { name: 'n' } }),
      ],
      'sandbox',
    );
    expect(md).toContain('## Step 1. Get Elements OAuth Token');
    expect(md).toContain('## Step 4. Create an Instance');
    expect(md.match(/```bash\ncurl -X/g)).toHaveLength(2);
    expect(md).toContain('"secret": "<REQUEST_TOKEN_SECRET>"');
    expect(md).toContain('```json\n{\n  "name": "n"\n}\n```');
  });

  it('says what each duration timed: the BFF’s call upstream, or only the BFF’s handling', () => {
    const md = toMarkdown(
      [
        exchange('request-token'),
        exchange('callback', { parties: 'Browser → BFF', method: 'POST', durationMs: 1 }),
      ],
      'sandbox',
    );
    expect(md).toContain('* Status: 200, 12 ms round trip');
    expect(md).toContain('* Status: 200, 1 ms in the BFF');
  });

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
    const plain = toMarkdown([created], 'live');
    expect(plain).toContain('"token": "<INSTANCE_TOKEN>"');
    expect(plain).toContain('the instance token shows as `<INSTANCE_TOKEN>`');
    const opted = toMarkdown(withInstanceToken([created], 'tok/en+1='), 'live', true);
    expect(opted).toContain('"token": "tok/en+1="');
    expect(opted).not.toContain('<INSTANCE_TOKEN>');
    expect(opted).toContain('keep this file like a password');
    expect(JSON.stringify(toHar(withInstanceToken([created], 'tok/en+1=')))).toContain('tok/en+1=');
  });
});
