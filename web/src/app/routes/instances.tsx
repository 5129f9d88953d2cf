import { useInstances } from '../../features/instances/api/instances';
import { InstanceTable } from '../../features/instances/components/instance-table';
import { ErrorNotice } from '../../features/wizard/components/error-notice';
import { ExchangeView } from '../../features/wizard/components/exchange-view';

/** The organization's instances (`GET /instances`), with delete, for cleaning up after demos. */
export default function InstancesPage() {
  const { data, error, isPending, refetch, isFetching } = useInstances();
  return (
    <article className="step" aria-labelledby="step-title">
      <h2 id="step-title">Your instances</h2>
      <p className="intro">
        Every instance of this organization, as <code>GET /instances</code> returns it. Delete the
        ones a demo or a class left behind (<code>DELETE /instances/{'{id}'}</code>); an instance's
        token stops working the moment it is deleted.
      </p>
      <p>
        <button type="button" onClick={() => refetch()} disabled={isFetching}>
          {isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </p>
      {isPending ? (
        <p aria-live="polite">
          <span className="spinner" aria-hidden="true" /> Asking Cloud Elements…
        </p>
      ) : error ? (
        <ErrorNotice error={error} />
      ) : (
        <>
          <InstanceTable instances={data.instances} />
          <details>
            <summary>The exchange</summary>
            <ExchangeView exchange={data.exchange} />
          </details>
        </>
      )}
    </article>
  );
}
