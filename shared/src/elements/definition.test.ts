import { describe, expect, it } from 'vitest';
import { deriveElement, ElementDefinitionSchema } from './definition';

/** Clover's definition as Cloud Elements publishes it, cut to what the derivation reads. */
const clover = {
  id: 3478,
  key: 'clover',
  name: 'Clover',
  hub: 'ecommerce',
  authentication: { type: 'oauth2' },
  configuration: [
    {
      key: 'oauth.api.key',
      name: 'API Key',
      type: 'TEXTFIELD_128',
      required: true,
      hideFromConsole: false,
      internal: false,
      displayOrder: 1,
    },
    {
      key: 'oauth.api.secret',
      name: 'API Secret',
      type: 'PASSWORD',
      required: true,
      hideFromConsole: false,
      internal: false,
      displayOrder: 2,
    },
    {
      key: 'oauth.callback.url',
      name: 'Callback URL',
      type: 'TEXTFIELD_128',
      required: true,
      hideFromConsole: false,
      internal: false,
      displayOrder: 3,
    },
    {
      key: 'clover.sandbox',
      name: 'Sandbox',
      type: 'BOOLEAN',
      required: false,
      hideFromConsole: false,
      internal: false,
      defaultValue: 'false',
      displayOrder: 5,
    },
    {
      key: 'merchantId',
      name: 'Merchant ID',
      type: 'TEXTFIELD_32',
      required: true,
      hideFromConsole: false,
      internal: false,
      displayOrder: 4,
      description: 'Your merchant id.',
    },
    {
      key: 'oauth.authorization.url',
      name: 'Authorization URL',
      type: 'TEXTFIELD_1000',
      required: true,
      hideFromConsole: true,
      internal: true,
      defaultValue: 'https://www.clover.com/oauth/authorize',
    },
    {
      key: 'base.url',
      type: 'TEXTFIELD_1000',
      hideFromConsole: true,
      internal: true,
      defaultValue: 'https://api.clover.com',
    },
    {
      key: 'event.notification.enabled',
      name: 'Events Enabled',
      type: 'BOOLEAN',
      required: false,
      hideFromConsole: false,
      internal: false,
    },
    { key: 'private.token', type: 'TEXTFIELD_128', hideFromConsole: false, internal: false },
  ],
  resources: [
    { path: '/hubs/ecommerce/orders/{id}', method: 'GET', type: 'api' },
    { path: '/hubs/ecommerce/orders', method: 'POST', type: 'api' },
    { path: '/hubs/ecommerce/orders', method: 'GET', type: 'api' },
  ],
};

const derive = (definition: unknown, hasApp = true) => {
  const parsed = ElementDefinitionSchema.safeParse(definition);
  if (!parsed.success) return { offered: false as const, reason: 'unreadable' };
  return deriveElement(parsed.data, {
    hasApp,
    callbackUrl: 'https://wizard.example/oauth/callback',
  });
};

describe('an element from its definition', () => {
  it('derives kind, the fields a person types in their order, secrets, consent host and try-it', () => {
    const derived = derive(clover);
    if (!derived.offered) throw new Error(derived.reason);
    const { element } = derived;
    expect(element.authType).toBe('oauth2');
    expect(element.env).toBe('CLOVER');
    // Not the app's keys (this server has an app), not internal, hidden or event entries.
    expect(element.fields.map((f) => f.key)).toEqual([
      'merchantId',
      'clover.sandbox',
      'private.token',
    ]);
    const [merchant, sandbox, token] = element.fields;
    expect(merchant).toMatchObject({
      title: 'Merchant ID',
      required: true,
      maxLength: 32,
      secret: false,
    });
    expect(merchant?.help).toBe('Your merchant id.');
    expect(sandbox).toMatchObject({ type: 'boolean', required: false, default: 'false' });
    // A key naming a token is a secret, and its requiredness is unknown: optional, and said so.
    expect(token).toMatchObject({ secret: true, required: false, requiredUnknown: true });
    expect(token?.help).toContain('does not say whether it is required');
    expect(element.consent).toMatchObject({
      hosts: ['www.clover.com'],
      paths: ['/oauth/authorize'],
    });
    // The first GET with no path parameter.
    expect(element.tryIt.path).toBe('/hubs/ecommerce/orders');
    expect(derived.fromDefinition.join(' ')).toContain('authentication.type "oauth2"');
  });

  it('asks for the app’s key and secret, by name, when the server has no app', () => {
    const derived = derive(clover, false);
    if (!derived.offered) throw new Error(derived.reason);
    expect(derived.element.fields.slice(0, 2)).toMatchObject([
      { key: 'oauth.api.key', secret: false, required: true },
      { key: 'oauth.api.secret', secret: true, type: 'password', required: true },
    ]);
    expect(derived.element.fields[0]?.help).toContain('https://wizard.example/oauth/callback');
  });

  it('walks basic, apiKey and custom as typed credentials, and falls back to the hub’s objects', () => {
    for (const type of ['basic', 'apiKey', 'custom']) {
      const derived = derive({
        key: 'acme',
        name: 'Acme',
        hub: 'crm',
        authentication: { type },
        configuration: [
          { key: 'api.password', name: 'Password', type: 'PASSWORD', required: true },
        ],
      });
      if (!derived.offered) throw new Error(derived.reason);
      expect(derived.element.authType).toBe('basic');
      expect(derived.element.tryIt.path).toBe('/hubs/crm/objects');
    }
  });

  it.each([
    ['an unknown kind', { ...clover, authentication: { type: 'awsv4' } }, 'does not walk'],
    ['no kind', { ...clover, authentication: undefined }, 'does not say how it authenticates'],
    ['no hub', { ...clover, hub: undefined }, 'names no hub'],
    [
      'a consent page over http',
      {
        ...clover,
        configuration: clover.configuration.map((item) =>
          item.key === 'oauth.authorization.url'
            ? { ...item, defaultValue: 'http://www.clover.com/oauth/authorize' }
            : item,
        ),
      },
      'is not https',
    ],
    [
      'a consent page on another port',
      {
        ...clover,
        configuration: clover.configuration.map((item) =>
          item.key === 'oauth.authorization.url'
            ? { ...item, defaultValue: 'https://www.clover.com:8443/oauth/authorize' }
            : item,
        ),
      },
      'default port',
    ],
    [
      'no consent page',
      {
        ...clover,
        configuration: clover.configuration.filter((i) => i.key !== 'oauth.authorization.url'),
      },
      'names no consent page',
    ],
    [
      'typed credentials with nothing secret to type',
      {
        key: 'acme',
        name: 'Acme',
        hub: 'crm',
        authentication: { type: 'basic' },
        configuration: [],
      },
      'no credential',
    ],
  ])('refuses %s, with the reason', (_, definition, reason) => {
    const derived = derive(definition);
    expect(derived.offered).toBe(false);
    if (!derived.offered) expect(derived.reason).toContain(reason);
  });

  it('refuses a definition beyond its bounds, and keeps a label with markup as plain text', () => {
    const huge = {
      ...clover,
      configuration: Array.from({ length: 5000 }, (_, i) => ({
        key: `k${i}`,
        type: 'TEXTFIELD_32',
      })),
    };
    expect(ElementDefinitionSchema.safeParse(huge).success).toBe(false);
    expect(ElementDefinitionSchema.safeParse({ ...clover, name: 'x'.repeat(10_000) }).success).toBe(
      false,
    );
    expect(ElementDefinitionSchema.safeParse({ ...clover, key: '../instances' }).success).toBe(
      false,
    );
    const script = '<img src=x onerror=alert(1)>';
    const derived = derive({
      ...clover,
      configuration: [...clover.configuration, { key: 'site', name: script, type: 'TEXTFIELD_64' }],
    });
    if (!derived.offered) throw new Error(derived.reason);
    // Data, not markup: the page renders it as text (React escapes every string it is given).
    expect(derived.element.fields.find((f) => f.key === 'site')?.title).toBe(script);
  });
});

describe('a patch: what a definition does not say', () => {
  it('sends Close.io’s password as a fixed blank, and asks for its username as the API key it is', () => {
    const derived = derive({
      key: 'closeio',
      name: 'Close.io',
      hub: 'crm',
      authentication: { type: 'basic' },
      configuration: [
        { key: 'username', name: 'username', type: 'TEXTFIELD_128' },
        { key: 'password', name: 'password', type: 'PASSWORD' },
      ],
    });
    if (!derived.offered) throw new Error(derived.reason);
    expect(derived.element.fields).toMatchObject([
      { key: 'username', title: 'API key', secret: true, required: true },
    ]);
    expect(derived.element.fixed).toEqual({ password: '' });
  });
});
