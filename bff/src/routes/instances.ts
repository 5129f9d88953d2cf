import type { Instance, InstanceSummary } from '@cew/shared';
import { type Context, Hono } from 'hono';
import type { Caller } from '../access';
import { AppError } from '../errors';
import type { CallContext, CloudElements, ListedInstance } from '../upstream/cloud-elements';
import { arrivalOf } from '../upstream/deadline';

type Listed = Pick<ListedInstance, 'id' | 'name' | 'tags'> & Partial<ListedInstance>;

/** Only what the list needs: never the configuration or the instance token. */
function summarize(instance: Listed): InstanceSummary {
  return {
    id: instance.id,
    name: instance.name,
    elementKey: instance.element?.key ?? 'unknown',
    createdDate: instance.createdDate,
    tags: instance.tags,
  };
}

/**
 * The instances the wizard made, so demos and classes clean up after themselves. Only instances
 * carrying the wizard's tag can be deleted here (the organization's others are not the wizard's
 * to remove), and in a class a learner sees and deletes only their own (their tag too); the
 * trainer, and the one user of a wizard not shared with a class, the wizard's whole set.
 */
export function createInstanceRoutes(
  ce: CloudElements,
  tag: string,
  callerOf: (c: Context) => Caller,
  /** The secrets this browser's flow sealed (a typed key): hidden here too while it lives. */
  secretsOf: (c: Context) => CallContext['secrets'],
) {
  /** One deadline for the whole request, from its arrival; this browser's secrets hidden. */
  const contextOf = (c: Context): CallContext => ({
    arrivedAt: arrivalOf(c),
    secrets: secretsOf(c),
  });
  /** Whether this caller may see and delete `instance`. */
  const mayManage = (caller: Caller, instance: Listed) =>
    (instance.tags ?? []).includes(tag) &&
    (caller.role !== 'learner' || (instance.tags ?? []).includes(caller.tag));
  /** What this caller is shown: a learner, their own; the others, every instance. */
  const visibleTo = (caller: Caller, instance: Listed) =>
    caller.role !== 'learner' || mayManage(caller, instance);
  const scopeOf = (caller: Caller) => (caller.role === 'learner' ? 'mine' : 'class');

  return new Hono()
    .get('/', async (c) => {
      const caller = callerOf(c);
      const { data, reply, pages } = await ce.listInstances(contextOf(c));
      const shown = data.filter((instance) => visibleTo(caller, instance));
      // The exchange would carry every instance's configuration: keep the count only.
      const exchange = {
        ...reply.exchange,
        responseBody: `(${data.length} instances in ${pages} page${pages === 1 ? '' : 's'}; see the table)`,
      };
      return c.json(
        {
          instances: shown.map(summarize),
          manageable: shown.filter((i) => mayManage(caller, i)).map((i) => i.id),
          scope: scopeOf(caller),
          exchange,
        },
        200,
      );
    })
    .delete('/', async (c) => {
      // Naming the tag is the confirmation: a stray DELETE cannot empty the organization.
      if (c.req.query('tag') !== tag) {
        throw new AppError(
          400,
          'bad_request',
          `tag: to delete every instance this wizard made, name its tag (?tag=${tag}).`,
        );
      }
      const caller = callerOf(c);
      const context = contextOf(c);
      const { data } = await ce.listInstances(context);
      const ours = data.filter((instance) => mayManage(caller, instance));
      const deleted: Instance['id'][] = [];
      for (const instance of ours) {
        try {
          await ce.deleteInstance(String(instance.id), instance.token, context);
        } catch (error) {
          // Out of time (or refused) part way: say how far it got, so the rest can be retried.
          if (error instanceof AppError) {
            throw new AppError(
              error.status as 504,
              error.code,
              `${error.message} ${deleted.length} of ${ours.length} instances were deleted before it stopped; delete all again for the rest.`,
              error.details,
            );
          }
          throw error;
        }
        deleted.push(instance.id);
      }
      return c.json({ deleted, kept: data.length - ours.length, scope: scopeOf(caller) }, 200);
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      if (!/^[\w-]{1,64}$/.test(id))
        throw new AppError(400, 'bad_request', 'id: not an instance id.');
      const caller = callerOf(c);
      const context = contextOf(c);
      const { data } = await ce.getInstance(id, context);
      if (!(data.tags ?? []).includes(tag)) {
        throw new AppError(
          403,
          'forbidden',
          `Instance ${id} (“${data.name}”) was not made by this wizard: it lacks the tag “${tag}”, so the wizard will not delete it. Delete it in Cloud Elements itself if you mean to.`,
        );
      }
      if (!mayManage(caller, data)) {
        throw new AppError(
          403,
          'forbidden',
          `Instance ${id} belongs to another learner of this class, so only they or the trainer (signed in with the trainer's code) can delete it.`,
        );
      }
      const { reply } = await ce.deleteInstance(id, data.token, context);
      return c.json({ deleted: id, exchange: reply.exchange }, 200);
    });
}
