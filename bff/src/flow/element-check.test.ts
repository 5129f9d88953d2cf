import { ELEMENTS } from '@cew/shared';
import { describe, expect, it } from 'vitest';
import { compareElement } from './element-check';

const field = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  name: key,
  required: true,
  hideFromConsole: false,
  ...extra,
});

describe('compareElement', () => {
  it('agrees when Cloud Elements asks for what the descriptor sends, hidden defaults aside', () => {
    const check = compareElement(ELEMENTS.zendesk, {
      authentication: { type: 'oauth2' },
      configuration: [
        field('oauth.api.key'),
        field('oauth.api.secret'),
        field('oauth.callback.url'),
        field('zendesk.subdomain'),
        field('oauth.token.url', { hideFromConsole: true }),
        field('event.notification.enabled', { required: false }),
      ],
    });
    expect(check).toEqual({ ok: true, problems: [] });
  });

  it('names each difference: another kind, and a field the wizard will not send', () => {
    const check = compareElement(ELEMENTS.freshdeskv2, {
      authentication: { type: 'oauth2' },
      configuration: [
        field('subdomain'),
        field('username'),
        field('password', { name: 'Password' }),
      ],
    });
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      expect.stringContaining("authenticates with “oauth2”; the wizard's descriptor says “basic”"),
      expect.stringContaining(
        'Cloud Elements wants password (Password), which the wizard will not send',
      ),
    ]);
  });
});
