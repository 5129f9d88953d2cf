import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_SECRETS, expect, test } from '../fixtures';

const DIST = join(import.meta.dirname, '../../web/dist');

function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesIn(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

test('the built web bundle carries no secret and none of the BFF', () => {
  const files = filesIn(DIST);
  expect(files.some((file) => file.endsWith('.js'))).toBe(true);
  const bundle = files.map((file) => readFileSync(file, 'latin1')).join('\n');
  // The demo secrets live in the BFF's source: they would arrive if web imported the sandbox.
  for (const secret of DEMO_SECRETS) {
    expect(bundle, `${secret} is in the bundle`).not.toContain(secret);
  }
  // No server code or environment reading slipped into the browser build.
  for (const marker of ['process.env', 'createSandboxApp', 'node:crypto']) {
    expect(bundle, `${marker} is in the bundle`).not.toContain(marker);
  }
});
