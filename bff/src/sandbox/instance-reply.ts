import type { StoredInstance } from './cloud-elements';

/** Configuration keys Cloud Elements masks when it returns an instance. */
const MASKED_KEYS = new Set([
  'oauth.api.secret',
  'oauth.user.token.secret',
  'oauth.user.refresh_token',
]);

/** Each element as an instance reply describes it (the guides' samples). */
const ELEMENT_INFO = {
  twitter: {
    id: 1359,
    name: 'Twitter',
    key: 'twitter',
    description:
      'Add a Twitter Instance to connect your existing Twitter account to the Social Hub, allowing you to manage statuses and followers across multiple Social Elements.',
    typeOauth: false,
    authentication: { type: 'oauth1' },
    hub: 'social',
  },
  sfdc: {
    id: 39,
    name: 'Salesforce.com',
    key: 'sfdc',
    description:
      'The Salesforce.com allows you to deliver revolutionary CRM automation functionality, such as account and contact creation, from anywhere, anytime, on any device.',
    typeOauth: true,
    authentication: { type: 'oauth2' },
    hub: 'crm',
  },
};

/** An instance as Cloud Elements returns it: shaped like the guide's sample, secrets masked. */
export function toInstanceReply(instance: StoredInstance) {
  return {
    id: instance.id,
    name: instance.name,
    token: instance.token,
    createdDate: instance.createdDate,
    element: {
      ...ELEMENT_INFO[instance.element],
      active: true,
      deleted: false,
      trialAccount: false,
      protocolType: 'http',
      private: false,
    },
    provisionInteractions: [],
    valid: true,
    disabled: false,
    maxCacheSize: 0,
    cacheTimeToLive: 0,
    configuration: Object.fromEntries(
      Object.entries(instance.configuration).map(([key, value]) => [
        key,
        MASKED_KEYS.has(key) && value !== null ? '********' : value,
      ]),
    ),
    tags: instance.tags,
    eventsEnabled: false,
    traceLoggingEnabled: false,
    cachingEnabled: false,
    externalAuthentication: 'none',
    user: { id: 9723 },
  };
}

/** The configuration Cloud Elements fills in for a new Twitter instance. */
export function twitterConfiguration(entries: {
  apiKey: string;
  apiSecret: string;
  callbackUrl: string;
  userToken: string;
  userTokenSecret: string;
}): Record<string, string | null> {
  return {
    'base.url': 'https://api.twitter.com/1.1',
    'oauth.api.key': entries.apiKey,
    'oauth.api.secret': entries.apiSecret,
    'oauth.callback.url': entries.callbackUrl,
    'oauth.user.token': entries.userToken,
    'oauth.user.token.secret': entries.userTokenSecret,
    'oauth.request.url': 'https://api.twitter.com/oauth/request_token',
    'oauth.authorization.url': 'https://api.twitter.com/oauth/authorize',
    'oauth.token.url': 'https://api.twitter.com/oauth/access_token',
    'oauth.request.authorization.type': 'query',
    'pagination.type': 'page',
    'pagination.max': '100',
    'pagination.page.startindex': '0',
    'event.vendor.type': 'polling',
    'event.poller.refresh_interval': '15',
    'event.notification.enabled': 'false',
    'event.notification.callback.url': null,
  };
}

/** The configuration Cloud Elements fills in for a new Salesforce instance (OAuth 2.0). */
export function salesforceConfiguration(entries: {
  apiKey: string;
  apiSecret: string;
  callbackUrl: string;
  accessToken: string;
  refreshToken: string;
  instanceUrl: string;
}): Record<string, string | null> {
  return {
    'base.url': `${entries.instanceUrl}/services/data/v47.0`,
    'oauth.api.key': entries.apiKey,
    'oauth.api.secret': entries.apiSecret,
    'oauth.callback.url': entries.callbackUrl,
    'oauth.user.token': entries.accessToken,
    'oauth.user.refresh_token': entries.refreshToken,
    'oauth.authorization.url': 'https://login.salesforce.com/services/oauth2/authorize',
    'oauth.token.url': 'https://login.salesforce.com/services/oauth2/token',
    'oauth.scope': 'full refresh_token',
    'event.vendor.type': 'polling',
    'event.poller.refresh_interval': '15',
    'event.notification.enabled': 'false',
    'event.notification.callback.url': null,
  };
}
