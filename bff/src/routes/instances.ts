import type { Instance, InstanceSummary } from '@cew/shared';
import { Hono } from 'hono';
import { AppError } from '../errors';
import type { CloudElements } from '../upstream/cloud-elements';

/** Only what the list needs: never the configuration or the instance token. */
function summarize(
  instance: Partial<Instance> & { id: Instance['id']; name: string },
): InstanceSummary {
  const createdDate = (instance as Record<string, unknown>).createdDate;
  return {
    id: instance.id,
    name: instance.name,
    elementKey: instance.element?.key ?? 'unknown',
    createdDate: typeof createdDate === 'string' ? createdDate : undefined,
    tags: instance.tags ?? [],
  };
}

/**
 * The organization's instances, so demos and classes can clean up after themselves. Only
 * instances carrying the wizard's tag can be deleted here: the organization's others are not the
 * wizard's to remove, whoever is using it.
 */
export function createInstanceRoutes(ce: CloudElements, tag: string) {
  return new Hono()
    .get('/', async (c) => {
      const { data, reply } = await ce.listInstances();
      // The exchange would carry every instance's token and configuration: keep the list only.
      const exchange = {
        ...reply.exchange,
        responseBody: `(${data.length} instances; see the table)`,
      };
      return c.json({ instances: data.map(summarize), exchange }, 200);
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
      const { data } = await ce.listInstances();
      const ours = data.filter((instance) => instance.tags?.includes(tag));
      const deleted: Instance['id'][] = [];
      for (const instance of ours) {
        await ce.deleteInstance(String(instance.id), instance.token);
        deleted.push(instance.id);
      }
      return c.json({ deleted, kept: data.length - ours.length }, 200);
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      if (!/^[\w-]{1,64}$/.test(id))
        throw new AppError(400, 'bad_request', 'id: not an instance id.');
      const { data } = await ce.getInstance(id);
      if (!data.tags?.includes(tag)) {
        throw new AppError(
          403,
          'forbidden',
          `Instance ${id} (“${data.name}”) was not made by this wizard: it lacks the tag “${tag}”, so the wizard will not delete it. Delete it in Cloud Elements itself if you mean to.`,
        );
      }
      const { reply } = await ce.deleteInstance(id, data.token);
      return c.json({ deleted: id, exchange: reply.exchange }, 200);
    });
}
