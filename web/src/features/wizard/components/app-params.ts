import { type ElementView, KINDS, type PublicConfig } from '@cew/shared';

/** The app parameters the element's calls to Cloud Elements send, described for the preview. */
export function appParams(config: PublicConfig | undefined, element: ElementView) {
  const app = KINDS[element.authType].app;
  const masked = element.apiKeyMasked ?? '…';
  const provider = element.provider;
  return [
    {
      name: 'apiKey',
      value: element.markers.apiKey ?? element.apiKey ?? masked,
      note: app?.keyPublic
        ? `Your ${provider} app's ${app.keyName}, added by the BFF, shown in full here as everywhere: OAuth 2.0 treats it as public (it travels to the consent page in the browser).`
        : `Your ${provider} app's ${app?.keyName ?? 'key'}, added by the BFF and shown here as its marker. The server's is ${masked} (its first and last four characters: enough to tell which key is configured, not enough to use it).`,
    },
    {
      name: 'apiSecret',
      value: element.markers.apiSecret ?? '…',
      note: `Your ${provider} app's ${app?.secretName ?? 'secret'}. The BFF sends it to Cloud Elements, never to this page; Cloud Elements needs it to ${app?.secretUse ?? 'call the provider'}.`,
    },
    {
      name: 'callbackUrl',
      value: config?.callbackUrl ?? '…',
      note: `Where ${provider} sends the person back after consent.`,
    },
    {
      name: 'state',
      value: '<random per flow>',
      note: 'A random value bound to this browser; the callback must bring it back, so another site cannot finish a flow in your name (a CSRF check: cross-site request forgery). Cloud Elements’ guide uses the element key, which anyone can guess.',
    },
  ];
}
