/**
 * The sandbox banner's words. index.html paints them before any script runs (vite.config.ts puts
 * them there; the BFF takes them out in live mode), and the layout shows the same once it is up,
 * so the banner does not blink or move when the page takes over.
 */
export const SANDBOX_NOTE =
  'Sandbox: a built-in emulator plays Cloud Elements and every element’s provider. No account is needed and nothing leaves this machine.';
