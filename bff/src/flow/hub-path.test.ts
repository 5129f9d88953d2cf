import { describe, expect, it } from 'vitest';
import { checkHubCall } from './hub-path';

describe('checkHubCall', () => {
  it.each([
    ['GET', '/hubs/crm/accounts', '/hubs/crm/accounts'],
    [
      'get',
      '/hubs/crm/contacts?where=name%3D%27Ada%27&pageSize=5',
      '/hubs/crm/contacts?where=name%3D%27Ada%27&pageSize=5',
    ],
    ['GET', '/hubs/crm/./accounts', '/hubs/crm/accounts'],
    ['GET', '/hubs/crm/accounts/', '/hubs/crm/accounts'],
    ['GET', '/hubs/crm/folders?path=/', '/hubs/crm/folders?path=%2F'],
    ['GET', '/hubs/crm/accounts/0015g00000%20A', '/hubs/crm/accounts/0015g00000%20A'],
    // The query is rebuilt from its pairs: a ";" or "/.." there is a value, not a path.
    ['GET', '/hubs/crm/accounts?q=..;/x', '/hubs/crm/accounts?q=..%3B%2Fx'],
  ])('lets %s %s through as %s', (method, path, sent) => {
    expect(checkHubCall('crm', { method, path })).toEqual({ ok: true, path: sent });
  });

  it.each([
    ['POST', '/hubs/crm/accounts', 'only reads (GET)'],
    ['DELETE', '/hubs/crm/accounts/1', 'only reads (GET)'],
    ['GET', '/instances', 'not in this element’s hub'],
    ['GET', '/hubs/social/statuses', 'not in this element’s hub'],
    ['GET', '/hubs/crm/', 'not in this element’s hub'],
    ['GET', '//evil.example/hubs/crm/accounts', 'a path, not an address'],
    ['GET', 'hubs/crm/accounts', 'start with /hubs/crm/'],
    ['GET', '/hubs/crm/a b', 'no spaces'],
    ['GET', '/hubs/crm/..\\..\\instances', 'no spaces or backslashes'],
    ['GET', '/hubs/crm/accounts#x', 'fragment'],
    ['GET', '/hubs/crm/%zz', 'not valid percent-encoding'],
    ['GET', '/hubs/crm/accounts?q=%zz', 'not valid percent-encoding'],
  ])('refuses %s %s: %s', (method, path, reason) => {
    const verdict = checkHubCall('crm', { method, path });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason.replace("'", '’')).toContain(reason);
  });

  // Each of these reaches the organization's `/instances` on some upstream that forwards the raw
  // text: Tomcat drops ";…" from a segment, others decode %2f, %5c or decode twice.
  it.each([
    '/hubs/crm/../../instances',
    '/hubs/crm/%2e%2e/%2e%2e/instances',
    '/hubs/crm/..;/..;/instances',
    '/hubs/crm/accounts;x/..;/..;/..;/instances',
    '/hubs/crm/..%2f..%2finstances',
    '/hubs/crm/..%2F..%2Finstances',
    '/hubs/crm/..%5c..%5cinstances',
    '/hubs/crm/%252e%252e/%252e%252e/instances',
    '/hubs/crm/.%2e/.%2e/instances',
    '/hubs/crm//../instances',
    '/hubs/crm/a%00b',
  ])('refuses %s, which some upstream would read as a step out of the hub', (path) => {
    const verdict = checkHubCall('crm', { method: 'GET', path });
    expect(verdict).toMatchObject({ ok: false });
    if (!verdict.ok) expect(verdict.reason).toMatch(/hub|segment/);
  });

  it('sends only paths whose every segment, however decoded, is a plain name under the hub', async () => {
    const fc = await import('fast-check');
    const pieces = fc.constantFrom(
      '..',
      '.',
      ';',
      '%2f',
      '%2F',
      '%5c',
      '%25',
      '%2e',
      'a',
      '/',
      '\\',
      'instances',
      '%3b',
      '?',
      '=',
      '&',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const verdict = checkHubCall('crm', { method: 'GET', path: `/hubs/crm/${parts.join('')}` });
        if (!verdict.ok) return;
        const [path = ''] = verdict.path.split('?');
        expect(path.startsWith('/hubs/crm/')).toBe(true);
        for (const segment of path.split('/').slice(1)) {
          // Decoded once, twice, or with ";params" dropped: still a plain name.
          for (const seen of [segment, decodeURIComponent(segment), segment.split(';')[0] ?? '']) {
            expect(seen).not.toMatch(/^\.\.?$|[;/\\]|%2e|%2f|%5c/i);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
