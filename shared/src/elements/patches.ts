import type { FieldDescriptor } from './descriptor';

/**
 * Facts a definition does not say, for elements no one wrote teaching for: values that are fixed
 * rather than typed, and what a field really is. Applied to the derived element in both modes
 * (and to the sandbox's play of it), so the definition stays the source of everything else.
 */
export type DefinitionPatch = {
  /** Configuration entries sent as these values, never asked (Close.io's blank password). */
  fixed?: Record<string, string>;
  /** What a field is, where its key and label say otherwise (Close.io's `username` is a key). */
  fields?: Record<string, Partial<Pick<FieldDescriptor, 'title' | 'help' | 'secret' | 'required'>>>;
};

export const PATCHES: Record<string, DefinitionPatch> = {
  // Cloud Elements' Close.io page: "username" is the Close.io API key; "password" blank or any.
  closeio: {
    fixed: { password: '' },
    fields: {
      username: {
        title: 'API key',
        help: 'Your Close.io API key (Settings → API Keys). Cloud Elements sends it as the user name of HTTP Basic; the password stays blank.',
        secret: true,
        required: true,
      },
    },
  },
};

/** The patch of an element, if any. */
export const patchOf = (key: string): DefinitionPatch | undefined =>
  Object.hasOwn(PATCHES, key) ? PATCHES[key] : undefined;

/** An element's fields with its patch applied: fixed entries dropped, field facts set. */
export function patchFields<F extends FieldDescriptor>(key: string, fields: F[]): F[] {
  const patch = patchOf(key);
  if (!patch) return fields;
  return fields
    .filter((field) => !(patch.fixed && Object.hasOwn(patch.fixed, field.key)))
    .map((field) => ({ ...field, ...patch.fields?.[field.key] }));
}
