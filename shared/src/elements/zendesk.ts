import { defineElement, HELPDESK_INCIDENTS, SUBDOMAIN_FIELD } from './define';

/** Zendesk's help desk over OAuth 2.0, on the person's own subdomain. */
export const zendesk = defineElement({
  key: 'zendesk',
  name: 'Zendesk',
  provider: 'Zendesk',
  hub: 'helpdesk',
  authType: 'oauth2',
  env: 'ZENDESK',
  differs: 'OAuth 2.0 on your own subdomain: you type it first, and the consent page lives there.',
  fields: [
    {
      ...SUBDOMAIN_FIELD,
      key: 'zendesk.subdomain',
      help: 'The first part of your Zendesk address: acme for acme.zendesk.com. Cloud Elements sends you to its consent page there.',
      urlParam: 'siteAddress',
    },
  ],
  consent: {
    hosts: ['{zendesk.subdomain}.zendesk.com'],
    paths: ['/oauth/authorizations/new'],
    allow: 'Allow',
    deny: 'Cancel',
  },
  tryIt: { ...HELPDESK_INCIDENTS, title: 'subject', detail: ['status', 'priority'] },
  resources: [HELPDESK_INCIDENTS, { path: '/hubs/helpdesk/agents', what: 'agents' }],
  sandbox: {
    id: 41,
    description:
      'Add a Zendesk Instance to connect your existing Zendesk account to the Helpdesk Hub.',
    brand: '✺ Sandbox Zendesk',
    grants: ['Read and write tickets.', 'Read your users.'],
    authorizePath: '/oauth/authorizations/new',
    tokenPath: '/oauth/tokens',
    configuration: {
      'oauth.authorization.url': 'https://{subdomain}.zendesk.com/oauth/authorizations/new',
      'oauth.token.url': 'https://{subdomain}.zendesk.com/oauth/tokens',
    },
    samples: {
      '/hubs/helpdesk/incidents': [
        {
          id: 101,
          subject: 'Cannot sign in after password reset',
          status: 'open',
          priority: 'high',
        },
        {
          id: 102,
          subject: 'Invoice shows the wrong address',
          status: 'pending',
          priority: 'normal',
        },
        { id: 103, subject: 'How do I export my data?', status: 'solved', priority: 'low' },
      ],
      '/hubs/helpdesk/agents': [
        { id: 9001, name: 'Sandbox Agent', email: 'agent@sandbox.example', role: 'agent' },
      ],
    },
  },
});
