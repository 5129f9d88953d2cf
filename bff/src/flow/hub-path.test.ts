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
  ])('lets %s %s through as %s', (method, path, sent) => {
    expect(checkHubCall('crm', { method, path })).toEqual({ ok: true, path: sent });
  });

  it.each([
    ['POST', '/hubs/crm/accounts', 'only reads (GET)'],
    ['DELETE', '/hubs/crm/accounts/1', 'only reads (GET)'],
    ['GET', '/instances', 'not in this element’s hub'],
    ['GET', '/hubs/social/statuses', 'not in this element’s hub'],
    ['GET', '/hubs/crm/../../instances', 'not in this element’s hub'],
    ['GET', '/hubs/crm/%2e%2e/%2e%2e/instances', 'not in this element’s hub'],
    ['GET', '/hubs/crm/', 'not in this element’s hub'],
    ['GET', '//evil.example/hubs/crm/accounts', 'a path, not an address'],
    ['GET', 'hubs/crm/accounts', 'start with /hubs/crm/'],
    ['GET', '/hubs/crm/a b', 'no spaces'],
  ])('refuses %s %s: %s', (method, path, reason) => {
    const verdict = checkHubCall('crm', { method, path });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason.replace("'", '’')).toContain(reason);
  });
});
