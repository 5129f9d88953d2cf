import { defineElement, HELPDESK_INCIDENTS, SUBDOMAIN_FIELD } from './define';

/** Freshdesk over basic authentication: no consent page, the person's own API key. */
export const freshdeskv2 = defineElement({
  key: 'freshdeskv2',
  name: 'Freshdesk',
  provider: 'Freshdesk',
  hub: 'helpdesk',
  authType: 'basic',
  env: 'FRESHDESK',
  differs:
    'Basic authentication: no consent page and nothing delegated. You type your own API key, and Cloud Elements keeps it.',
  fields: [
    {
      ...SUBDOMAIN_FIELD,
      key: 'subdomain',
      help: 'The first part of your Freshdesk address: acme for acme.freshdesk.com.',
    },
    {
      key: 'username',
      title: 'API key',
      help: 'Your Freshdesk API key: in Freshdesk, your profile picture → Profile settings → Your API Key. Cloud Elements sends it to Freshdesk as the user name of HTTP Basic authentication.',
      secret: true,
      required: true,
      pattern: '[A-Za-z0-9]{16,64}',
      patternHelp: 'must be 16 to 64 letters and digits, as Freshdesk issues them',
      example: 'Ab12Cd34Ef56Gh78Ij90',
      sandboxValue: 'sandboxFreshdeskKey0001',
    },
  ],
  tryIt: { ...HELPDESK_INCIDENTS, title: 'subject', detail: ['status', 'priority'] },
  resources: [HELPDESK_INCIDENTS, { path: '/hubs/helpdesk/contacts', what: 'contacts' }],
  sandbox: {
    id: 1211,
    description:
      'Add a Freshdesk Instance to connect your existing Freshdesk account to the Helpdesk Hub.',
    brand: '◍ Sandbox Freshdesk',
    grants: [],
    configuration: {
      'base.url': 'https://{subdomain}.freshdesk.com/api/v2',
      'authentication.type': 'basic',
    },
    samples: {
      '/hubs/helpdesk/incidents': [
        { id: 1, subject: 'Printer on floor 2 is offline', status: 2, priority: 1 },
        { id: 2, subject: 'Request: new laptop for the class', status: 3, priority: 2 },
        { id: 3, subject: 'VPN drops every hour', status: 2, priority: 3 },
      ],
      '/hubs/helpdesk/contacts': [
        { id: 501, name: 'Sandbox Customer', email: 'customer@sandbox.example' },
      ],
    },
  },
});
