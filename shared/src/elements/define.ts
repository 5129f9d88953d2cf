import type { ElementDescriptor } from './descriptor';

/** A descriptor whose key stays a literal type, so the registry can derive `ElementKey`. */
export const defineElement = <K extends string>(
  descriptor: ElementDescriptor & { key: K },
): ElementDescriptor & { key: K } => descriptor;
