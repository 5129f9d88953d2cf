import type { ElementDescriptor } from '../elements';
import { STEP_ORDER } from '../flow';
import type { ElementView } from './kind';

/** An element as `GET /api/elements` shows it, for tests of the teaching content. */
export const toView = (element: ElementDescriptor): ElementView => ({
  ...element,
  steps: [...STEP_ORDER[element.authType]],
  markers: {},
});
