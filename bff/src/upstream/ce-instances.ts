import { type Instance, InstanceSchema } from '@cew/shared';
import { z } from 'zod';
import { AppError } from '../errors';
import type { CallContext, CeClient } from './ce-client';
import { expectOk, type UpstreamReply } from './http';

/**
 * The instance list is read in pages of this many, each read whole up to INSTANCE_PAGE_BYTES: an
 * instance is a few KB, and a page of very large ones (a hostile upstream's 400 KB each) still
 * fits. At most MAX_INSTANCE_PAGES pages (2,000 instances) are read.
 */
const INSTANCE_PAGE_SIZE = 10;
const INSTANCE_PAGE_BYTES = 8 << 20;
const MAX_INSTANCE_PAGES = 200;
/** The calls about the organization's instances in general: list, read, delete. */
export function createInstanceCalls({ sendAdmin, baseUrl, platformHeaders }: CeClient) {
  return {
    /**
     * `GET /instances`: the organization's instances, page by page (Cloud Elements' `pageSize`,
     * and `nextPage` from each reply's `Elements-Next-Page-Token` header), so a large one never
     * hides the others. The exchange is the first page's.
     */
    async listInstances(context?: CallContext) {
      const list = z.array(InstanceSchema.partial({ token: true }));
      // Only what the routes use is kept of each instance: a page of huge ones is let go as soon
      // as it is read, whatever the number of pages.
      const all: ListedInstance[] = [];
      let first: UpstreamReply | undefined;
      let next: string | undefined;
      let pages = 0;
      do {
        const query = new URLSearchParams({
          pageSize: String(INSTANCE_PAGE_SIZE),
          ...(next ? { nextPage: next } : {}),
        });
        const reply = await sendAdmin(
          {
            step: 'list-instances',
            method: 'GET',
            url: `${baseUrl}/instances?${query}`,
            headers: platformHeaders(),
            maxBytes: INSTANCE_PAGE_BYTES,
          },
          [],
          // Every page within the one deadline of the request that asked.
          context,
        );
        const page = adminOk(reply, list, 'the instance list');
        all.push(...page.map(listed));
        // The first page's exchange is what the route shows (as a count): no page is kept whole.
        first ??= { ...reply, body: undefined };
        pages++;
        next = reply.nextPage;
      } while (next && pages < MAX_INSTANCE_PAGES);
      return { data: all, reply: first, pages };
    },

    /** `GET /instances/{id}`: one instance, to check it is the wizard's before deleting it. */
    async getInstance(id: string, context?: CallContext) {
      const reply = await sendAdmin(
        {
          step: 'delete-instance',
          method: 'GET',
          url: `${baseUrl}/instances/${encodeURIComponent(id)}`,
          headers: platformHeaders(),
        },
        [],
        context,
      );
      const instance = InstanceSchema.partial({ token: true });
      return { data: adminOk(reply, instance, 'reading the instance'), reply };
    },

    /** `DELETE /instances/{id}`; `token`, when known, is hidden in whatever comes back. */
    async deleteInstance(id: string, token?: string, context?: CallContext) {
      const reply = await sendAdmin(
        {
          step: 'delete-instance',
          method: 'DELETE',
          url: `${baseUrl}/instances/${encodeURIComponent(id)}`,
          headers: platformHeaders(),
        },
        token ? [token] : [],
        context,
      );
      adminOk(reply, z.unknown(), 'deleting the instance');
      return { reply };
    },
  };
}

/** What the instance routes need of a listed instance: never its configuration. */
export type ListedInstance = {
  id: Instance['id'];
  name: string;
  token?: string;
  element?: { key: string };
  tags: string[];
  createdDate?: string;
};
const listed = (instance: Partial<Instance> & Pick<Instance, 'id' | 'name'>): ListedInstance => {
  const createdDate = (instance as Record<string, unknown>).createdDate;
  return {
    id: instance.id,
    name: instance.name,
    ...(instance.token ? { token: instance.token } : {}),
    ...(instance.element ? { element: { key: instance.element.key } } : {}),
    tags: instance.tags ?? [],
    ...(typeof createdDate === 'string' ? { createdDate } : {}),
  };
};

/**
 * `expectOk` for calls about the organization's instances: a reply that fails is reported
 * without its body, which may list other learners' instances, names, tags and typed keys.
 */
function adminOk<T>(reply: UpstreamReply, schema: z.ZodType<T>, what: string): T {
  try {
    return expectOk(reply, schema, what);
  } catch (error) {
    if (error instanceof AppError && error.details.exchange) {
      error.details.exchange = {
        ...error.details.exchange,
        responseBody:
          '(not shown: a reply about the organization’s instances may carry other people’s)',
      };
    }
    throw error;
  }
}
