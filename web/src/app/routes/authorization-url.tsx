import { Link } from 'react-router';
import { useConfig } from '../../features/wizard/api/config';
import { useAuthorizeUrl, useExchanges, useFlow } from '../../features/wizard/api/flow';
import { appParams } from '../../features/wizard/components/app-params';
import { CallPreview, ceUrl } from '../../features/wizard/components/call-preview';
import { StepFrame } from '../../features/wizard/components/step-frame';
import { isDone, lastExchange, STEP } from '../../features/wizard/steps';

const step = STEP['authorize-url'];

export default function AuthorizationUrlStep() {
  const { data: flow } = useFlow();
  const { data: config } = useConfig();
  const mutation = useAuthorizeUrl();
  const exchanges = useExchanges();
  const done = isDone(flow, 'authorize-url');
  return (
    <StepFrame
      step={step}
      intro={
        <p>
          With the request token, your app asks Cloud Elements for the address of Twitter's consent
          page. Before handing it to your browser, the BFF checks it: https, a Twitter host, and
          this flow's token in it, so a tampered reply can't send you somewhere else.
        </p>
      }
      preview={
        <CallPreview
          method="GET"
          url={ceUrl(config, '/elements/twitter/oauth/url')}
          params={[
            ...appParams(config),
            {
              name: 'requestToken',
              value: flow?.requestToken ?? '…',
              note: 'The token from step 1.',
            },
          ]}
        />
      }
      action={{
        label: done ? 'Get the authorization URL again' : 'Get authorization URL',
        pendingLabel: 'Asking Cloud Elements…',
        run: () => mutation.mutate(undefined),
        pending: mutation.isPending,
        disabled: isDone(flow, 'callback'),
      }}
      error={mutation.error}
      exchange={lastExchange(exchanges, 'authorize-url')}
      result={
        done &&
        flow?.oauthUrl && (
          <>
            <p>
              Authorization URL: <code data-testid="oauth-url">{flow.oauthUrl}</code>
            </p>
            <Link className="button primary" to={STEP.callback.path}>
              Next: ask for consent
            </Link>
          </>
        )
      }
    />
  );
}
