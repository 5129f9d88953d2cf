import { ELEMENTS, type ElementKey, fieldMarker, KINDS } from '@cew/shared';
import type { Config } from './config';
import type { KnownSecret } from './redact';

/**
 * Every secret this server is configured with, and its marker: derived from the descriptors, so
 * a new element's app secret is redacted without anyone listing it. An OAuth 2.0 client id is
 * public by design (it rides in the consent URL); an OAuth 1.0a consumer key is not shown.
 */
export function configuredSecrets(
  config: Pick<Config, 'ceUserSecret' | 'ceOrgSecret' | 'sessionSecret' | 'apps'>,
): KnownSecret[] {
  const apps = Object.entries(config.apps).flatMap(([key, app]) => {
    const element = ELEMENTS[key as ElementKey];
    const kind = KINDS[element.authType].app;
    if (!app || !kind) return [];
    return [
      { value: app.apiSecret, marker: `<${element.env}_${kind.secretMarker}>` },
      ...(kind.keyPublic ? [] : [{ value: app.apiKey, marker: `<${element.env}_API_KEY>` }]),
    ];
  });
  return [
    { value: config.ceUserSecret, marker: '<CE_USER_SECRET>' },
    { value: config.ceOrgSecret, marker: '<CE_ORG_SECRET>' },
    ...apps,
    { value: config.sessionSecret, marker: '<SESSION_SECRET>' },
  ];
}

/** The secret fields a person typed for an element (a basic element's key), as markers. */
export function typedSecrets(element: ElementKey, values: Record<string, string>): KnownSecret[] {
  const descriptor = ELEMENTS[element];
  return descriptor.fields
    .filter((field) => field.secret && values[field.key])
    .map((field) => ({ value: values[field.key] ?? '', marker: fieldMarker(descriptor, field) }));
}
