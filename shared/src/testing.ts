import type { ElementView } from './auth/kind';
import { ELEMENTS, type GuidedKey } from './elements';
import { STEP_ORDER } from './flow';

/**
 * An element as `GET /api/elements` shows it in sandbox mode, for tests of what reads it (the
 * teaching content, the steps, the diagram) without a server.
 */
export function elementView(key: GuidedKey): ElementView {
  const element = ELEMENTS[key];
  return {
    ...element,
    key,
    steps: [...STEP_ORDER[element.authType]],
    markers: {},
    guided: true,
    ceAuthType: element.authType,
  };
}
