import type { InstanceSummary } from '@cew/shared';
import { useState } from 'react';
import { ScrollX } from '../../../components/scroll-x';
import { ErrorNotice } from '../../wizard/components/error-notice';
import { useDeleteInstance } from '../api/instances';

/**
 * The instances, each the wizard made with a delete that asks first: a demo should leave no
 * debris, and the organization's other instances are not the wizard's to remove.
 */
export function InstanceTable({
  instances,
  manageable,
}: {
  instances: InstanceSummary[];
  /** The ids this browser may delete (the BFF decides: the wizard's, and in a class, its own). */
  manageable: Set<string>;
}) {
  const remove = useDeleteInstance();
  const [confirming, setConfirming] = useState<InstanceSummary['id'] | null>(null);
  const outcome = (
    <>
      {remove.isError && <ErrorNotice error={remove.error} />}
      {remove.isSuccess && (
        <p role="status" className="muted">
          Deleted instance {String(remove.data.deleted)}.
        </p>
      )}
    </>
  );
  if (instances.length === 0) {
    return (
      <>
        {outcome}
        <p>This organization has no instances.</p>
      </>
    );
  }
  return (
    <>
      {outcome}
      <ScrollX label="Instances table">
        <table className="instances">
          <caption className="visually-hidden">Instances of this organization</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Id</th>
              <th scope="col">Element</th>
              <th scope="col">Created</th>
              <th scope="col">Tags</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {instances.map((instance) => (
              <tr key={String(instance.id)}>
                <th scope="row">{instance.name}</th>
                <td data-label="Id">{String(instance.id)}</td>
                <td data-label="Element">{instance.elementKey}</td>
                <td data-label="Created">
                  {instance.createdDate ? new Date(instance.createdDate).toLocaleString() : '—'}
                </td>
                <td data-label="Tags">{instance.tags.join(', ') || '—'}</td>
                <td>
                  {!manageable.has(String(instance.id)) ? (
                    <span className="muted">Not made by this wizard</span>
                  ) : confirming === instance.id ? (
                    <span className="confirm">
                      Delete “{instance.name}”? It stops working at once.{' '}
                      <button
                        type="button"
                        className="danger"
                        disabled={remove.isPending}
                        onClick={() =>
                          remove.mutate(instance.id, { onSettled: () => setConfirming(null) })
                        }
                      >
                        {remove.isPending ? 'Deleting…' : 'Yes, delete'}
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(null)}>
                        Keep it
                      </button>
                    </span>
                  ) : (
                    <button type="button" onClick={() => setConfirming(instance.id)}>
                      Delete<span className="visually-hidden"> {instance.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </>
  );
}
