import { defineElement } from './define';

/** Salesforce's CRM over OAuth 2.0's authorization code: the flow most elements use. */
export const sfdc = defineElement({
  key: 'sfdc',
  name: 'Salesforce',
  provider: 'Salesforce',
  hub: 'crm',
  authType: 'oauth2',
  env: 'SALESFORCE',
  differs:
    'OAuth 2.0: no request token and no signatures; the callback brings a code, traded with the client secret.',
  fields: [],
  consent: {
    // test.salesforce.com is where Salesforce sandboxes (the org kind) log in.
    hosts: ['login.salesforce.com', 'test.salesforce.com'],
    paths: ['/services/oauth2/authorize'],
    allow: 'Allow',
    deny: 'Deny',
  },
  tryIt: {
    path: '/hubs/crm/accounts',
    what: 'accounts',
    title: 'Name',
    detail: ['Industry', 'BillingCountry'],
  },
  resources: [
    { path: '/hubs/crm/accounts', what: 'accounts' },
    { path: '/hubs/crm/contacts', what: 'contacts' },
  ],
  sandbox: {
    id: 39,
    description:
      'The Salesforce.com allows you to deliver revolutionary CRM automation functionality, such as account and contact creation, from anywhere, anytime, on any device.',
    brand: '☁ Sandbox Salesforce',
    grants: [
      'Access and manage your data (full).',
      'Perform requests on your behalf at any time (refresh_token).',
    ],
    authorizePath: '/services/oauth2/authorize',
    tokenPath: '/services/oauth2/token',
    // Salesforce's web-server flow answers with where the org lives and who consented, signed.
    tokenReply: {
      extra: {
        instance_url: 'https://sandbox-learner.my.salesforce.com',
        id: 'https://login.salesforce.com/id/00D5g000004SANDBOX/0055g000004LEARNER',
      },
      signed: true,
    },
    configuration: {
      'base.url': 'https://sandbox-learner.my.salesforce.com/services/data/v47.0',
      'oauth.authorization.url': 'https://login.salesforce.com/services/oauth2/authorize',
      'oauth.token.url': 'https://login.salesforce.com/services/oauth2/token',
      'oauth.scope': 'full refresh_token',
    },
    samples: {
      '/hubs/crm/accounts': [
        ['Acme Corporation', 'Manufacturing', 'USA'],
        ['Globex', 'Energy', 'USA'],
        ['Initech', 'Technology', 'USA'],
        ['Umbrella Learning', 'Education', 'UK'],
        ['Hooli', 'Technology', 'USA'],
      ].map(([Name, Industry, BillingCountry], i) => ({
        Id: `0015g00000SANDBOX${i}`,
        Name,
        Industry,
        BillingCountry,
      })),
      '/hubs/crm/contacts': [
        { Id: '0035g00000SANDBOX0', Name: 'Ada Learner', Email: 'ada@sandbox.example' },
        { Id: '0035g00000SANDBOX1', Name: 'Grace Trainer', Email: 'grace@sandbox.example' },
      ],
    },
  },
});
