import { z } from 'zod';
import type { CallContext, CeClient } from './ce-client';
import { expectOk } from './http';

/** At most this many pages of 200 elements (Cloud Elements documents about 160). */
const MAX_ELEMENT_PAGES = 10;

/** The calls that read Cloud Elements' catalog: what elements it offers, and how each is defined. */
export function createCatalogCalls({ send, baseUrl, platformHeaders }: CeClient) {
  return {
    /**
     * Every element Cloud Elements offers this account (`GET /elements`, every page, at most
     * MAX_ELEMENT_PAGES of 200): each as it came, for the catalog to read one by one, so one
     * malformed entry costs only itself.
     */
    async listElements(): Promise<unknown[]> {
      const all: unknown[] = [];
      let nextPage: string | undefined;
      for (let page = 0; page < MAX_ELEMENT_PAGES; page++) {
        const query = new URLSearchParams({ pageSize: '200', ...(nextPage ? { nextPage } : {}) });
        const reply = await send({
          step: 'check-element',
          method: 'GET',
          url: `${baseUrl}/elements?${query}`,
          headers: platformHeaders(),
        });
        all.push(...expectOk(reply, z.array(z.unknown()).max(200), 'the list of elements'));
        nextPage = reply.nextPage;
        if (!nextPage) break;
      }
      return all;
    },

    /** `GET /elements/{key}`: Cloud Elements' own definition of an element, as it came. */
    async getDefinition(key: string) {
      const reply = await send({
        step: 'check-element',
        method: 'GET',
        url: `${baseUrl}/elements/${encodeURIComponent(key)}`,
        headers: platformHeaders(),
      });
      return { data: expectOk(reply, z.unknown(), "the element's definition"), reply };
    },

    /** `GET /elements/{key}`: Cloud Elements' own description of an element (live check). */
    async getElement(element: string, context?: CallContext) {
      const reply = await send(
        {
          step: 'check-element',
          method: 'GET',
          url: `${baseUrl}/elements/${encodeURIComponent(element)}`,
          headers: platformHeaders(),
        },
        context,
      );
      const described = z.looseObject({
        authentication: z.looseObject({ type: z.string() }).optional(),
        configuration: z
          .array(
            z.looseObject({
              key: z.string(),
              name: z.string().optional(),
              required: z.boolean().optional(),
              hideFromConsole: z.boolean().optional(),
            }),
          )
          .optional(),
      });
      return { data: expectOk(reply, described, "the element's description"), reply };
    },
  };
}
