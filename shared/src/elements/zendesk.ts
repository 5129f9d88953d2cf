import { defineElement } from './define';

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
      key: 'zendesk.subdomain',
      title: 'Subdomain',
      help: 'The first part of your Zendesk address: acme for acme.zendesk.com. Cloud Elements sends you to its consent page there.',
      secret: false,
      required: true,
      pattern: '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?',
      patternHelp:
        'must be a DNS label: lowercase letters, digits and dashes (not first or last), 1 to 63 of them',
      example: 'acme',
      urlParam: 'siteAddress',
      sandboxValue: 'sandbox-learner',
    },
  ],
  consent: {
    hosts: ['{zendesk.subdomain}.zendesk.com'],
    paths: ['/oauth/authorizations/new'],
    allow: 'Allow',
    deny: 'Cancel',
  },
  tryIt: {
    path: '/hubs/helpdesk/incidents',
    what: 'incidents',
    title: 'subject',
    detail: ['status', 'priority'],
  },
  resources: [
    { path: '/hubs/helpdesk/incidents', what: 'incidents' },
    { path: '/hubs/helpdesk/agents', what: 'agents' },
  ],
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
