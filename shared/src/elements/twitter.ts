import { defineElement } from './define';

/** Twitter's error shape for its OAuth endpoints. */
const twitterError = (status: 400 | 401, code: number, message: string) => ({
  status,
  json: { errors: [{ code, message }] },
});

/** The seed guide's element: OAuth 1.0a, a request token first. */
export const twitter = defineElement({
  key: 'twitter',
  name: 'Twitter',
  provider: 'Twitter',
  hub: 'social',
  authType: 'oauth1',
  env: 'TWITTER',
  differs:
    'OAuth 1.0a, the guide’s flow: a request token first, and every call to Twitter signed with two secrets.',
  fields: [],
  consent: {
    hosts: ['api.twitter.com', 'api.x.com', 'twitter.com', 'x.com'],
    paths: ['/oauth/authorize', '/oauth/authenticate'],
    allow: 'Authorize app',
    deny: 'Cancel',
  },
  tryIt: {
    path: '/hubs/social/statuses',
    what: 'statuses',
    title: 'text',
    detail: ['user.screen_name', 'created_at'],
  },
  resources: [
    { path: '/hubs/social/statuses', what: 'statuses' },
    { path: '/hubs/social/lists', what: 'lists' },
  ],
  sandbox: {
    id: 1359,
    description:
      'Add a Twitter Instance to connect your existing Twitter account to the Social Hub, allowing you to manage statuses and followers across multiple Social Elements.',
    brand: '𝕏 Sandbox Twitter',
    grants: ['Read Tweets from your timeline.', 'See who you follow.', 'Post Tweets for you.'],
    // Twitter's own words (its response-codes page): the tampering lab quotes them.
    oauth1: {
      errors: {
        'bad-request': twitterError(400, 215, 'Bad Authentication data.'),
        consumer: twitterError(401, 32, 'Could not authenticate you.'),
        'signature-method': twitterError(
          400,
          32,
          'Could not authenticate you. (Only HMAC-SHA1 is supported.)',
        ),
        timestamp: twitterError(401, 135, 'Timestamp out of bounds.'),
        nonce: twitterError(401, 32, 'Could not authenticate you. (Nonce already used.)'),
        token: twitterError(401, 89, 'Invalid or expired token.'),
        signature: twitterError(401, 32, 'Could not authenticate you.'),
        callback: twitterError(401, 417, 'Callback URL not approved for this client application.'),
        // As Twitter answers it: plain text, with no error code of its own.
        verifier: {
          status: 401,
          text: 'Error processing your OAuth request: Invalid oauth_verifier parameter',
        },
      },
      account: '@sandbox_learner',
      accessExtras: { user_id: '794566698309472260', screen_name: 'sandbox_learner' },
      accessTokenPrefix: '794566698309472260-',
    },
    configuration: {
      'base.url': 'https://api.twitter.com/1.1',
      'oauth.request.url': 'https://api.twitter.com/oauth/request_token',
      'oauth.authorization.url': 'https://api.twitter.com/oauth/authorize',
      'oauth.token.url': 'https://api.twitter.com/oauth/access_token',
      // The oauth_* parameters travel in the Authorization header, as the sandbox sends them.
      'oauth.request.authorization.type': 'header',
      'pagination.type': 'page',
    },
    samples: {
      '/hubs/social/statuses': [
        'Just connected my account through a Cloud Elements instance. Hello, social hub!',
        'OAuth 1.0a: every request to the provider is signed with two secrets, which never travel with it.',
        'Reminder: a request token is single use. Start over rather than retry.',
        'Provisioned an instance with the Instance Wizard sandbox.',
        'The callback must carry the same state you sent. That is your CSRF check.',
      ].map((text, i) => ({
        id: String(1_790_000_000_000_000_000n + BigInt(i)),
        text,
        created_at: new Date(Date.UTC(2026, 10, 30, 12 - i)).toUTCString(),
        favorite_count: (i * 7) % 13,
        user: { id: '794566698309472260', screen_name: 'sandbox_learner', name: 'Sandbox Learner' },
      })),
      '/hubs/social/lists': [
        { id: '1001', name: 'OAuth people', member_count: 12, mode: 'public' },
        { id: '1002', name: 'Integration news', member_count: 40, mode: 'private' },
      ],
    },
  },
});
