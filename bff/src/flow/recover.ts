import type { Instance } from '@cew/shared';
import { AppError } from '../errors';
import type { CallContext, CloudElements } from '../upstream/cloud-elements';

/**
 * Cloud Elements said yes (2xx) with a reply the wizard cannot read (too large, not JSON): the
 * instance may well exist. Nothing is lost: it is looked for by its name and this learner's tag,
 * and when found the flow goes on with it; otherwise the error says where to look.
 */
export async function recover(
  ce: CloudElements,
  error: unknown,
  name: string,
  learnerTag: string,
  context: CallContext,
) {
  if (!(error instanceof AppError) || error.code !== 'upstream_bad_reply') throw error;
  const listed = await ce.listInstances(context).catch(() => null);
  const found = listed?.data.find(
    (instance) => instance.name === name && instance.tags.includes(learnerTag) && instance.token,
  );
  if (!found?.token) {
    throw new AppError(
      502,
      'upstream_bad_reply',
      `${error.message} The instance may exist all the same: look for “${name}” on the Instances page before creating it again.`,
      error.details,
    );
  }
  const exchange = error.details.exchange;
  if (!exchange) throw error;
  const instance: Instance = {
    ...found,
    token: found.token,
    element: found.element,
    configuration: undefined,
  };
  return { data: instance, reply: { status: exchange.status ?? 200, body: undefined, exchange } };
}
