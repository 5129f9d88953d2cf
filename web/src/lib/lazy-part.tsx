import { type ComponentType, lazy } from 'react';

/**
 * A part of the page whose code loads on first use. If that load fails (offline, or a new
 * version deployed meanwhile), the part says so in place instead of taking the page down.
 */
export function lazyPart<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
  what: string,
) {
  return lazy(() =>
    load().catch(() => ({
      default: () => (
        <p className="notice" role="status">
          {what} could not be loaded (is this device offline?). Reload the page to try again.
        </p>
      ),
    })),
  );
}
