import type { ElementDef, PublicConfig } from '@cew/shared';

/** The app parameters the element's calls to Cloud Elements send, described for the preview. */
export function appParams(config: PublicConfig | undefined, element: ElementDef) {
  const masked = config?.elements.find((e) => e.key === element.key)?.apiKeyMasked ?? '…';
  const twitter = element.key === 'twitter';
  return [
    {
      name: 'apiKey',
      value: twitter ? '<TWITTER_API_KEY>' : masked,
      note: twitter
        ? `Your Twitter app's consumer key, added by the BFF. ${masked} is its first and last four characters: enough to tell which key is configured, not enough to use it.`
        : `Your Salesforce connected app's consumer key (client id), added by the BFF. OAuth 2.0 treats it as public: it travels to the consent page in the browser.`,
    },
    {
      name: 'apiSecret',
      value: twitter ? '<TWITTER_API_SECRET>' : '<SALESFORCE_CLIENT_SECRET>',
      note: `Your ${element.provider} app's secret. Only the BFF knows it; Cloud Elements needs it to ${twitter ? 'sign requests to Twitter' : 'trade the code at Salesforce'}.`,
    },
    {
      name: 'callbackUrl',
      value: config?.callbackUrl ?? '…',
      note: `Where ${element.provider} sends the person back after consent.`,
    },
    {
      name: 'state',
      value: '<random per flow>',
      note: twitter
        ? 'A random value bound to this browser; the callback must bring it back, so another site cannot finish a flow in your name (a CSRF check: cross-site request forgery).'
        : 'A random value bound to this browser; the callback must bring it back. The guide uses the element key ("sfdc"), which anyone can guess: a random one is what makes it a CSRF check (cross-site request forgery: another site sending your browser to the callback with its own code, to attach its account to your flow).',
    },
  ];
}
