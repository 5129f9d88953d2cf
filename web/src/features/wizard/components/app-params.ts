import type { PublicConfig } from '@cew/shared';

/** The app parameters steps 1 and 2 both send, described for the preview. */
export function appParams(config: PublicConfig | undefined) {
  return [
    {
      name: 'apiKey',
      value: '<TWITTER_API_KEY>',
      note: `Your Twitter app's consumer key (${config?.apiKeyMasked ?? '…'}), added by the BFF.`,
    },
    {
      name: 'apiSecret',
      value: '<TWITTER_API_SECRET>',
      note: "Your Twitter app's consumer secret. Only the BFF knows it.",
    },
    {
      name: 'callbackUrl',
      value: config?.callbackUrl ?? '…',
      note: 'Where Twitter sends the person back after consent.',
    },
    {
      name: 'state',
      value: '<random per flow>',
      note: 'A random value bound to this browser; the callback must bring it back.',
    },
  ];
}
