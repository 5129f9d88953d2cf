import { type ElementDescriptor, KINDS } from '@cew/shared';
import { kindOf } from '@cew/shared/definition';

/** Cloud Elements' own description of an element, as much of it as the check reads. */
export type DescribedElement = {
  authentication?: { type: string };
  configuration?: { key: string; name?: string; required?: boolean; hideFromConsole?: boolean }[];
};

/**
 * Whether Cloud Elements describes an element as the wizard's descriptor does: the same kind of
 * authentication, and no field a person must fill in (`required`, not `hideFromConsole`) that the
 * wizard will not send. Each difference is a sentence a person can act on.
 */
export function compareElement(descriptor: ElementDescriptor, described: DescribedElement) {
  const problems: string[] = [];
  const type = described.authentication?.type;
  if (kindOf(type) !== descriptor.authType) {
    problems.push(
      `Cloud Elements says ${descriptor.name} authenticates with “${type ?? 'nothing stated'}”; the wizard's descriptor says “${descriptor.authType}”. Update the descriptor before creating an instance.`,
    );
  }
  const sent = new Set([
    ...KINDS[descriptor.authType].appConfiguration,
    ...descriptor.fields.map((field) => field.key),
  ]);
  for (const entry of described.configuration ?? []) {
    if (entry.required && !entry.hideFromConsole && !sent.has(entry.key)) {
      problems.push(
        `Cloud Elements wants ${entry.key}${entry.name && entry.name !== entry.key ? ` (${entry.name})` : ''}, which the wizard will not send: add it to the descriptor's fields.`,
      );
    }
  }
  return { ok: problems.length === 0, problems };
}
