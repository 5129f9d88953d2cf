import { ELEMENTS, type ElementDescriptor, fieldMarker, KINDS } from '@cew/shared';
import { appOf, type Config } from './config';
import type { KnownSecret } from './redact';

/** An element's app secret (and, where the kind keeps it from the browser, its key) as markers. */
export function appSecrets(
  element: Pick<ElementDescriptor, 'authType' | 'env'>,
  app: { apiKey: string; apiSecret: string } | undefined,
): KnownSecret[] {
  const kind = KINDS[element.authType].app;
  if (!app || !kind) return [];
  return [
    { value: app.apiSecret, marker: `<${element.env}_${kind.secretMarker}>` },
    ...(kind.keyPublic ? [] : [{ value: app.apiKey, marker: `<${element.env}_API_KEY>` }]),
  ];
}

/**
 * Every secret this server is configured with, and its marker: Cloud Elements', the session's,
 * and the apps it holds (the overlays' and every app set by variable). An element's app is also
 * added to its own flows' calls (`contextOf`), so its marker follows its kind there. An OAuth 2.0
 * client id is public by design (it rides in the consent URL); an OAuth 1.0a consumer key is not.
 */
export function configuredSecrets(
  config: Pick<Config, 'ceUserSecret' | 'ceOrgSecret' | 'sessionSecret' | 'apps' | 'mode'>,
): KnownSecret[] {
  const guided = Object.values(ELEMENTS);
  const guidedEnvs = new Set(guided.map((element) => element.env));
  const apps = [
    ...guided.flatMap((element) => appSecrets(element, appOf(config, element))),
    // Apps set for elements no overlay describes: their kind is known only per flow.
    ...Object.entries(config.apps)
      .filter(([env]) => !guidedEnvs.has(env))
      .map(([env, app]) => ({ value: app.apiSecret, marker: `<${env}_API_SECRET>` })),
  ];
  return [
    { value: config.ceUserSecret, marker: '<CE_USER_SECRET>' },
    { value: config.ceOrgSecret, marker: '<CE_ORG_SECRET>' },
    ...apps,
    { value: config.sessionSecret, marker: '<SESSION_SECRET>' },
  ];
}

/** The secret fields a person typed for an element (a basic element's key), as markers. */
export function typedSecrets(
  element: Pick<ElementDescriptor, 'env' | 'fields'>,
  values: Record<string, string>,
): KnownSecret[] {
  return element.fields
    .filter((field) => field.secret && values[field.key])
    .map((field) => ({ value: values[field.key] ?? '', marker: fieldMarker(element, field) }));
}
