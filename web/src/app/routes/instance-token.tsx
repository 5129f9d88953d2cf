import type { Instance } from '@cew/shared';
import { Link } from 'react-router';
import { JsonView } from '../../components/json-view';
import { SecretValue } from '../../components/secret-value';
import { Term } from '../../components/term';
import { fetchInstanceToken } from '../../features/wizard/api/flow';
import { StartOverButton } from '../../features/wizard/components/start-over-button';
import { StepFrame } from '../../features/wizard/components/step-frame';
import { stepUrl } from '../../features/wizard/element';
import { StepIntro } from '../../features/wizard/intros';
import { lastExchange, STEP, useExchanges, useWizard } from '../../features/wizard/steps';

export default function InstanceTokenStep() {
  const { element } = useWizard();
  const exchange = lastExchange(useExchanges(), 'create-instance');
  const instance = exchange?.status === 200 ? (exchange.responseBody as Instance) : undefined;
  return (
    <StepFrame
      id="instance-token"
      ready={instance !== undefined}
      intro={<StepIntro id="instance-token" element={element} />}
      result={
        instance && (
          <>
            <h3>Instance token</h3>
            <SecretValue load={fetchInstanceToken} label="instance token" />
            <p className="muted">
              Everywhere else (the exchanges, the timeline, the exports) it shows as{' '}
              <code>&lt;INSTANCE_TOKEN&gt;</code>: the BFF hands it out only when you reveal or copy
              it here.
            </p>
            <dl className="summary">
              <div>
                <dt>Id</dt>
                <dd>{String(instance.id)}</dd>
              </div>
              <div>
                <dt>Name</dt>
                <dd>{instance.name}</dd>
              </div>
              <div>
                <dt>Element</dt>
                <dd>{instance.element?.key ?? element.key}</dd>
              </div>
              <div>
                <dt>Tags</dt>
                <dd>{instance.tags?.join(', ') || '—'}</dd>
              </div>
            </dl>
            <details>
              <summary>The instance as Cloud Elements returned it</summary>
              <JsonView value={instance} label="instance JSON" />
            </details>
            <p className="muted">
              <Term id="markers">Two kinds of masking</Term>: <code>********</code> is Cloud
              Elements' own, for the secrets it masks when it returns an instance; a marker such as{' '}
              <code>{element.markers.apiSecret ?? '<CE_USER_SECRET>'}</code> is the BFF's, for a
              secret it hid before anything reached this page.
            </p>
            <p className="actions">
              <Link className="button primary" to={stepUrl(STEP['try-it'].path, element.key)}>
                Next: try it with a real call
              </Link>{' '}
              <StartOverButton />
            </p>
          </>
        )
      }
    />
  );
}
