import { KINDS, TamperInputSchema } from '@cew/shared';
import { Hono } from 'hono';
import type { ElementCatalog } from '../elements';
import { AppError } from '../errors';
import type { FlowStore } from '../flow/cookie';
import { progressOf } from '../flow/state';
import type { CloudElements } from '../upstream/cloud-elements';
import { json } from '../validate';
import { contextOf } from './flow';

/**
 * The sandbox's labs beside the flow: what Cloud Elements sent the provider behind the scenes,
 * and the tampering lab. Sandbox mode only (404 in live mode); neither changes the flow.
 */
export function createLabRoutes({
  ce,
  store,
  catalog,
  sandbox,
}: {
  ce: CloudElements;
  store: FlowStore;
  catalog: ElementCatalog;
  sandbox: boolean;
}) {
  const sandboxOnly = (what: string) => {
    if (!sandbox) throw new AppError(404, 'not_found', `${what} only in sandbox mode.`);
  };
  return new Hono()
    .get('/provider-legs', async (c) => {
      sandboxOnly("Cloud Elements' calls to the provider are visible");
      const flow = store.load(c);
      // What the sandbox files the flow's legs by is its kind's to say (a request token, a code).
      const by = flow && KINDS[flow.authType].legsBy(flow);
      if (!flow || !by) return c.json({ legs: [] }, 200);
      const { descriptor } = await catalog.get(flow.element);
      return c.json(await ce.getProviderLegs(by, descriptor, contextOf(c, flow)), 200);
    })
    .post('/tamper', json(TamperInputSchema), async (c) => {
      // OAuth 1.0a's signed calls only. The refusal is the lesson; the flow goes on as before.
      sandboxOnly('The tampering lab runs');
      const { change } = c.req.valid('json');
      const flow = store.load(c);
      if (!flow || !KINDS[flow.authType].signed || !flow.requestToken) {
        throw new AppError(
          409,
          'out_of_order',
          'The tampering lab changes signed requests (OAuth 1.0a): start an OAuth 1.0a flow first.',
        );
      }
      if (change === 'verifier' && (!flow.grant || progressOf(flow)?.done !== 'callback')) {
        throw new AppError(
          409,
          'out_of_order',
          'A verifier can be changed after the consent page accepted, before step 4 uses it.',
        );
      }
      const result = await ce.tamper(
        (await catalog.get(flow.element)).descriptor,
        { change, ...(change === 'verifier' ? { oauth_token: flow.requestToken } : {}) },
        contextOf(c, flow),
      );
      return c.json(result, 200);
    });
}
