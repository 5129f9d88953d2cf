import { useState } from 'react';
import { Term } from '../../components/term';
import { useDeleteTagged, useInstances } from '../../features/instances/api/instances';
import { InstanceTable } from '../../features/instances/components/instance-table';
import { useConfig } from '../../features/wizard/api/config';
import { ErrorNotice } from '../../features/wizard/components/error-notice';
import { ExchangeView } from '../../features/wizard/components/exchange-view';
import { CodeForm } from '../../features/wizard/components/sign-in';

/** In a class, the trainer signs in here with their own code to see and clean the class's. */
function TrainerSignIn() {
  return (
    <details className="trainer-sign-in">
      <summary>Trainer? Sign in with the trainer's code to see the whole class's instances</summary>
      <CodeForm label="Trainer's code" submit="Sign in as the trainer" />
    </details>
  );
}

/** The organization's instances (`GET /instances`), with delete, for cleaning up after demos. */
export default function InstancesPage() {
  const { data, error, isPending, refetch, isFetching } = useInstances();
  const { data: config } = useConfig();
  const tag = config?.instanceTag ?? 'instance-wizard';
  const removeAll = useDeleteTagged();
  const [confirmingAll, setConfirmingAll] = useState(false);
  const manageable = new Set((data?.manageable ?? []).map(String));
  const ours = data?.instances.filter((instance) => manageable.has(String(instance.id))) ?? [];
  const mine = data?.scope === 'mine';
  return (
    <article className="step" aria-labelledby="step-title">
      <h2 id="step-title">Your instances</h2>
      <p className="intro">
        {mine ? 'The ' : 'Every '}
        <Term id="instance">{mine ? 'instances' : 'instance'}</Term>
        {mine ? ' you made with this wizard, from the list ' : ' of this organization, as '}
        <code>GET /instances</code> returns it. Delete the ones a demo or a class left behind (
        <code>DELETE /instances/{'{id}'}</code>); an instance's token stops working the moment it is
        deleted. The wizard tags every instance it creates <code>{tag}</code>, and your browser's
        own tag beside it, and deletes only those: the organization's others are not its to remove.
        {mine &&
          ' In a class each learner sees and deletes their own; the trainer, signed in with the trainer’s code, the whole class’s.'}
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
          <section aria-label="Clean up after a class" className="preview">
            {confirmingAll ? (
              <p className="confirm">
                Delete all {ours.length} {mine ? 'of your instances' : 'instances'} tagged{' '}
                <code>{tag}</code>? Their tokens stop working at once.{' '}
                <button
                  type="button"
                  className="danger"
                  disabled={removeAll.isPending}
                  onClick={() =>
                    removeAll.mutate(tag, { onSettled: () => setConfirmingAll(false) })
                  }
                >
                  {removeAll.isPending ? 'Deleting…' : `Yes, delete all ${ours.length}`}
                </button>{' '}
                <button type="button" onClick={() => setConfirmingAll(false)}>
                  Keep them
                </button>
              </p>
            ) : (
              <p>
                <button
                  type="button"
                  disabled={ours.length === 0}
                  onClick={() => setConfirmingAll(true)}
                >
                  {mine ? 'Delete all your instances' : 'Delete all instances this wizard made'} (
                  {ours.length})
                </button>
              </p>
            )}
            {removeAll.isError && <ErrorNotice error={removeAll.error} />}
            {removeAll.isSuccess && (
              <p role="status" className="muted">
                Deleted {removeAll.data.deleted.length} instances; kept {removeAll.data.kept}{' '}
                {removeAll.data.scope === 'mine'
                  ? 'made by others or not by this wizard'
                  : 'the wizard did not make'}
                .
              </p>
            )}
          </section>
          <InstanceTable instances={data.instances} manageable={manageable} />
          {mine && <TrainerSignIn />}
          <details>
            <summary>The exchange</summary>
            <ExchangeView exchange={data.exchange} />
          </details>
        </>
      )}
    </article>
  );
}
