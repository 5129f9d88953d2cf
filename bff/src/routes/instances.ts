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

/** The organization's instances, so demos and classes can clean up after themselves. */
export function createInstanceRoutes(ce: CloudElements) {
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
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      if (!/^[\w-]{1,64}$/.test(id))
        throw new AppError(400, 'bad_request', 'id: not an instance id.');
      const { reply } = await ce.deleteInstance(id);
      return c.json({ deleted: id, exchange: reply.exchange }, 200);
    });
}
