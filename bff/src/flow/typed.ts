import { checkFields, type ElementDescriptor, fieldMarker } from '@cew/shared';
import { AppError } from '../errors';
import {
  type FlowState,
  KEPT_FIELD_MAX,
  KEPT_FIELDS_MAX,
  TYPED_SECRET_MAX,
  TYPED_SECRETS_MAX,
} from './state';

/**
 * What the person typed for an element, as a flow keeps it: the fields that are not secret in
 * the clear, the secret ones sealed with their markers (hidden in every reply for the life of the
 * flow), both bounded so the flow's cookie stays one small cookie.
 */

/** The person's fields for an element, checked against its descriptor before any upstream call. */
export function typedFields(element: ElementDescriptor, values: Record<string, string>) {
  const problems = checkFields(element, values);
  if (problems.length) throw new AppError(400, 'bad_request', problems.join(' '));
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim()]));
}

/** Sealed `[marker, value]` pairs as the secrets a call hides. */
export const asKnown = (sealed: [string, string][] = []) =>
  sealed.map(([marker, value]) => ({ value, marker }));

/** The fields typed for an element that are secret, with their markers, as the flow keeps them. */
export function sealedSecrets(element: ElementDescriptor, values: Record<string, string>) {
  const secrets = element.fields
    .filter((field) => field.secret && values[field.key])
    .map((field): [string, string] => [fieldMarker(element, field), values[field.key] ?? '']);
  if (secrets.length > TYPED_SECRETS_MAX) {
    throw new AppError(
      400,
      'bad_request',
      `fields: the wizard keeps at most ${TYPED_SECRETS_MAX} secrets for a flow; this element asks for ${secrets.length}.`,
    );
  }
  const long = secrets.find(([, value]) => value.length > TYPED_SECRET_MAX);
  if (long) {
    throw new AppError(
      400,
      'bad_request',
      `fields: a secret may be at most ${TYPED_SECRET_MAX} characters (${long[0]} is longer), so the flow's cookie stays small.`,
    );
  }
  return secrets.length ? { secrets } : {};
}

/** The secrets a flow sealed, by configuration key again, for the call that sends them. */
export const unsealed = (element: ElementDescriptor, flow: FlowState) =>
  Object.fromEntries(
    element.fields.flatMap((field) => {
      const marker = fieldMarker(element, field);
      const found = flow.secrets?.find(([m]) => m === marker);
      return found ? [[field.key, found[1]]] : [];
    }),
  );

/** Everything the person typed for the flow's element: its kept fields and its sealed secrets. */
export const typedOf = (element: ElementDescriptor, flow: FlowState) => ({
  ...flow.fields,
  ...unsealed(element, flow),
});

/** The fields typed for an element that are not secret: the flow may keep those. */
export function keptFields(element: ElementDescriptor, values: Record<string, string>) {
  const kept = element.fields
    .filter((field) => !field.secret && values[field.key])
    .map((field) => [field.key, (values[field.key] ?? '').trim()] as const);
  // Bounded before anything is sent: the flow's cookie must stay one small cookie.
  if (kept.length > KEPT_FIELDS_MAX || kept.some(([, v]) => v.length > KEPT_FIELD_MAX)) {
    throw new AppError(
      400,
      'bad_request',
      `fields: the wizard keeps at most ${KEPT_FIELDS_MAX} fields of at most ${KEPT_FIELD_MAX} characters for a flow.`,
    );
  }
  return Object.fromEntries(kept);
}
