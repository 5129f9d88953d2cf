import {
  type ElementCatalogView,
  type ElementDescriptor,
  type ElementView,
  KINDS,
  overlayOf,
  STEP_ORDER,
  type UnavailableElement,
} from '@cew/shared';
import {
  appFields,
  definitionProblems,
  deriveElement,
  ElementDefinitionSchema,
  ElementSummarySchema,
  envOf,
  kindOf,
} from '@cew/shared/definition';
import { demoFieldValue } from '@cew/shared/sandbox-credentials';
import type { AppCredentials, Config } from './config';
import { AppError } from './errors';
import type { CloudElements } from './upstream/cloud-elements';

/** An element the wizard can walk: what it derived, and how the browser sees it. */
export type Offered = { descriptor: ElementDescriptor; view: ElementView };

/** "sandbox-twitter-api-key" → "sand…-key": enough to recognise, not enough to use. */
function maskKey(key: string): string {
  return key.length <= 8 ? '••••' : `${key.slice(0, 4)}…${key.slice(-4)}`;
}

/**
 * An element as the browser may see it: its descriptor without the sandbox's emulation (and
 * without the demo values in live mode), its steps, and how its app's key and secret show.
 */
export function toElementView(
  element: ElementDescriptor,
  config: Pick<Config, 'mode'>,
  extra: { app?: AppCredentials; guided: boolean; ceAuthType: string; fromDefinition?: string[] },
): ElementView {
  const app = KINDS[element.authType].app;
  return {
    key: element.key,
    name: element.name,
    provider: element.provider,
    hub: element.hub,
    authType: element.authType,
    env: element.env,
    differs: element.differs,
    tryIt: element.tryIt,
    resources: element.resources,
    ...(element.consent ? { consent: element.consent } : {}),
    steps: [...STEP_ORDER[element.authType]],
    fields: element.fields.map(({ sandboxValue, ...field }) =>
      config.mode === 'sandbox' && sandboxValue !== undefined ? { ...field, sandboxValue } : field,
    ),
    ...(extra.app ? { apiKeyMasked: maskKey(extra.app.apiKey) } : {}),
    // One rule per value: a public client id (OAuth 2.0) is shown in full wherever it appears,
    // as the consent URL shows it; a 1.0a consumer key is a marker everywhere.
    ...(extra.app && app?.keyPublic ? { apiKey: extra.app.apiKey } : {}),
    markers: app
      ? {
          apiSecret: `<${element.env}_${app.secretMarker}>`,
          ...(app.keyPublic ? {} : { apiKey: `<${element.env}_API_KEY>` }),
        }
      : {},
    guided: extra.guided,
    ceAuthType: extra.ceAuthType,
    ...(extra.fromDefinition ? { fromDefinition: extra.fromDefinition } : {}),
  };
}

/**
 * Sandbox mode: each field with the value the sandbox's provider accepts, published as the README
 * says (a definition has no demo values; the sandbox derives them as `sandboxValueFor` does).
 */
function withSandboxValues(element: ElementDescriptor): ElementDescriptor {
  return {
    ...element,
    fields: element.fields.map((field) => ({
      ...field,
      sandboxValue: demoFieldValue(element, field),
    })),
  };
}

/** How many definitions are read at once while the catalog loads. */
const CONCURRENCY = 8;
/** Live mode reads the catalog again after this long; the sandbox's never changes. */
const LIVE_TTL_MS = 10 * 60 * 1000;

/**
 * The elements this server offers, read from Cloud Elements itself: `GET /elements` (every page),
 * then each element's definition, from which the wizard derives what it needs (an overlay, where
 * someone wrote one, adds the teaching). Read once and kept (for ten minutes in live mode); while
 * Cloud Elements cannot be read, the list says so and the next request tries again.
 */
export function createElementCatalog(
  config: Pick<Config, 'mode' | 'callbackUrl'>,
  ce: CloudElements,
  appOf: (element: { key: string; env: string }) => AppCredentials | undefined,
) {
  type Loaded = { view: ElementCatalogView; byKey: Map<string, Offered>; at: number };
  let loaded: Loaded | undefined;
  let loading: Promise<Loaded> | undefined;

  /** One listed element: offered (derived), or unavailable with the reason. */
  async function read(raw: unknown): Promise<Offered | UnavailableElement | null> {
    const summary = ElementSummarySchema.safeParse(raw);
    if (!summary.success) return null;
    const { key, name } = summary.data;
    const ceAuthType = summary.data.authentication?.type ?? undefined;
    const unavailable = (reason: string): UnavailableElement => ({
      key,
      name,
      ...(summary.data.hub ? { hub: summary.data.hub } : {}),
      ...(ceAuthType ? { ceAuthType } : {}),
      reason,
    });
    const written = overlayOf(key);
    if (written) {
      const app = appOf(written);
      // With no app of the server's, the person types their own app's key and secret first.
      const overlay = app
        ? written
        : {
            ...written,
            fields: [...appFields(written.authType, config.callbackUrl), ...written.fields],
          };
      return {
        descriptor: overlay,
        view: toElementView(overlay, config, {
          app,
          guided: true,
          ceAuthType: ceAuthType ?? overlay.authType,
        }),
      };
    }
    if (!kindOf(ceAuthType)) {
      return unavailable(
        ceAuthType
          ? `Cloud Elements names its authentication "${ceAuthType}", which the wizard does not walk (it walks OAuth 1.0a, OAuth 2.0, and typed credentials: basic, apiKey, custom).`
          : 'Cloud Elements does not say how it authenticates (authentication.type).',
      );
    }
    let definition: unknown;
    try {
      definition = (await ce.getDefinition(key)).data;
    } catch (error) {
      return unavailable(
        `Its definition could not be read: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const parsed = ElementDefinitionSchema.safeParse(definition);
    if (!parsed.success) {
      return unavailable(
        `Its definition is not one the wizard can read (${definitionProblems(parsed.error)}).`,
      );
    }
    if (parsed.data.key !== key)
      return unavailable(`Its definition names another key (${parsed.data.key}).`);
    const app = appOf({ key, env: envOf(key) });
    const derived = deriveElement(parsed.data, {
      hasApp: app !== undefined,
      callbackUrl: config.callbackUrl,
    });
    if (!derived.offered) return unavailable(derived.reason);
    const element =
      config.mode === 'sandbox' ? withSandboxValues(derived.element) : derived.element;
    return {
      descriptor: element,
      view: toElementView(element, config, {
        app,
        guided: false,
        ceAuthType: ceAuthType ?? derived.element.authType,
        fromDefinition: derived.fromDefinition,
      }),
    };
  }

  async function load(): Promise<Loaded> {
    const listed = await ce.listElements();
    const results: (Offered | UnavailableElement | null)[] = new Array(listed.length);
    let next = 0;
    const worker = async () => {
      while (next < listed.length) {
        const i = next++;
        results[i] = await read(listed[i]);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const offered = results.filter((r): r is Offered => r !== null && 'descriptor' in r);
    // The guided elements first, in the overlays' order; then the others by name.
    offered.sort(
      (a, b) =>
        Number(b.view.guided) - Number(a.view.guided) ||
        (a.view.guided ? 0 : a.view.name.localeCompare(b.view.name)),
    );
    const unavailable = results
      .filter((r): r is UnavailableElement => r !== null && !('descriptor' in r))
      .sort((a, b) => a.name.localeCompare(b.name));
    return {
      view: { elements: offered.map((o) => o.view), unavailable },
      byKey: new Map(offered.map((o) => [o.descriptor.key, o])),
      at: Date.now(),
    };
  }

  async function current(): Promise<Loaded> {
    const fresh = loaded && (config.mode === 'sandbox' || Date.now() - loaded.at < LIVE_TTL_MS);
    if (fresh && loaded) return loaded;
    loading ??= load().finally(() => {
      loading = undefined;
    });
    loaded = await loading;
    return loaded;
  }

  return {
    /** The catalog as `GET /api/elements` shows it; when Cloud Elements cannot be read, why. */
    async list(): Promise<ElementCatalogView> {
      try {
        return (await current()).view;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (loaded) return loaded.view;
        const why = error.message;
        return {
          elements: [],
          unavailable: [],
          error: `Cloud Elements could not be read, so no element can be offered yet: ${why} Check that Cloud Elements is reachable, then reload.`,
        };
      }
    },
    /** One offered element, or a 400 saying why it is not. */
    async get(key: string): Promise<Offered> {
      const catalog = await current();
      const found = catalog.byKey.get(key);
      if (!found) {
        const why = catalog.view.unavailable.find((u) => u.key === key)?.reason;
        throw new AppError(
          400,
          'bad_request',
          `element: this server does not offer ${key}${why ? `: ${why}` : ' (Cloud Elements does not list it).'}`,
        );
      }
      return found;
    },
  };
}

export type ElementCatalog = ReturnType<typeof createElementCatalog>;
