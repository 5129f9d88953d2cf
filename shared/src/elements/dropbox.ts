import { defineElement } from './define';

/** Dropbox's documents over OAuth 2.0: the same flow as Salesforce's, as data only. */
export const dropbox = defineElement({
  key: 'dropbox',
  name: 'Dropbox',
  provider: 'Dropbox',
  hub: 'documents',
  authType: 'oauth2',
  env: 'DROPBOX',
  differs:
    'OAuth 2.0 in the documents hub: the same flow as Salesforce’s, so only the data differs.',
  fields: [],
  consent: {
    hosts: ['www.dropbox.com'],
    paths: ['/1/oauth2/authorize', '/oauth2/authorize'],
    allow: 'Allow',
    deny: 'Cancel',
  },
  tryIt: {
    path: '/hubs/documents/folders/contents?path=/',
    what: 'files and folders',
    title: 'name',
    detail: ['directory', 'size'],
  },
  resources: [{ path: '/hubs/documents/folders/contents?path=/', what: 'files and folders' }],
  sandbox: {
    id: 61,
    description:
      'Add a Dropbox Instance to connect your existing Dropbox account to the Documents Hub.',
    brand: '▣ Sandbox Dropbox',
    grants: ['View and edit the files and folders in your Dropbox.'],
    authorizePath: '/1/oauth2/authorize',
    tokenPath: '/1/oauth2/token',
    configuration: {
      'base.url': 'https://api.dropboxapi.com/2',
      'oauth.authorization.url': 'https://www.dropbox.com/1/oauth2/authorize',
      'oauth.token.url': 'https://api.dropboxapi.com/1/oauth2/token',
    },
    samples: {
      '/hubs/documents/folders/contents': [
        { name: 'Class notes', path: '/Class notes', directory: true, size: 0 },
        { name: 'Handout.pdf', path: '/Handout.pdf', directory: false, size: 48213 },
        { name: 'oauth-diagram.svg', path: '/oauth-diagram.svg', directory: false, size: 9120 },
      ],
    },
  },
});
