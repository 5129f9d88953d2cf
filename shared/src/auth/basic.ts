import { type AuthKind, INSTANCE_TOKEN, instanceHops, PLATFORM_SECRETS } from './kind';

/**
 * Basic authentication with the person's own API key: no app, no consent page, nothing
 * delegated. The key travels browser → BFF once and BFF → Cloud Elements once, which keeps it.
 */
export const basic: AuthKind = {
  authType: 'basic',
  label: 'Basic (your API key)',
  appConfiguration: [],
  labOmits: (element) => element.fields.find((field) => !field.secret)?.key ?? 'username',
  keeps: [],
  signed: false,
  legsBy: () => null,
  scenarios: ['ce-down', 'ce-slow', 'wrong-key', 'wrong-secret', 'missing-config', 'name-taken'],
  checkElement: (element) => [
    ...(element.consent ? ['a basic element has no consent page'] : []),
    ...(element.fields.some((field) => field.secret)
      ? []
      : ['a basic element needs a secret field (the person’s key)']),
  ],
  // Nothing is delegated: the key goes in `configuration`, and there is no providerData.
  providerData: () => null,
  hops: (element) =>
    instanceHops(
      element,
      ['GET a first record (Basic: your API key)', '200: the key works'],
      'Basic: your API key',
    ),
  holds: (element) => {
    const secrets = element.fields.filter((field) => field.secret);
    return [
      PLATFORM_SECRETS,
      ...secrets.map((field) => ({
        what: `Your ${element.provider} ${field.title}`,
        seen: {
          Provider: 'start' as const,
          Browser: 'start' as const,
          BFF: 'create-instance' as const,
          'Cloud Elements': 'create-instance' as const,
        },
        why: `${element.provider} issued it to you and you typed it here. It goes browser → BFF → Cloud Elements once; the BFF keeps it sealed in the flow cookie only to hide it, and Cloud Elements keeps it to make every call as you.`,
      })),
      INSTANCE_TOKEN,
    ];
  },
  compare: (element) => {
    const key = element.fields.find((field) => field.secret)?.title ?? 'API key';
    return {
      'before-consent': `There is no consent page: you type your own ${key}`,
      signing: `Nothing is signed: Cloud Elements sends your ${key} with every call to ${element.provider} (HTTP Basic over TLS)`,
      'through-browser': `Your ${key}, once, typed into the form (browser → BFF)`,
      callback: 'There is no callback: nothing is delegated',
      binding: 'Nothing to bind: no redirect leaves the wizard',
      'provider-data': `None: your ${key} goes in configuration (${element.fields.map((f) => f.key).join(', ')})`,
      'bff-holds': `Cloud Elements user and organization secrets; your ${key} passes through once and is not kept`,
      'ce-keeps': `Your ${key}, which acts as you in full: revoke it in ${element.provider} to cut access`,
    };
  },
};
