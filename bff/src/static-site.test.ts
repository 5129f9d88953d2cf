import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createStaticSite } from './static-site';

const root = mkdtempSync(join(tmpdir(), 'cew-web-'));
const BANNER = '<p class="banner" data-sandbox-only>Sandbox: nothing leaves this machine.</p>';
const html = `<!doctype html><html><head><style>p{}</style></head><body><div id="boot">${BANNER}
<p class="boot">Loading the wizard…</p></div><div id="root"></div></body></html>`;
writeFileSync(join(root, 'index.html'), html);
// The build precompresses every file; index.html's own copies must never be served as they are.
writeFileSync(join(root, 'index.html.gz'), 'stale');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const page = async (sandbox: boolean, path: string, encoding = '') => {
  const res = await createStaticSite(root, { sandbox }).request(path, {
    headers: { 'accept-encoding': encoding },
  });
  const body = Buffer.from(await res.arrayBuffer());
  return res.headers.get('content-encoding') === 'gzip'
    ? gunzipSync(body).toString()
    : String(body);
};

describe("index.html's first paint", () => {
  it('shows the sandbox banner in sandbox mode, at every address, compressed or not', async () => {
    for (const path of ['/', '/index.html', '/step/request-token']) {
      expect(await page(true, path)).toContain(BANNER);
      expect(await page(true, path, 'gzip')).toContain(BANNER);
    }
  });

  it('leaves it out in live mode, and keeps the rest', async () => {
    for (const path of ['/', '/index.html', '/oauth/callback']) {
      for (const encoding of ['', 'gzip, br']) {
        const body = await page(false, path, encoding);
        expect(body).not.toContain('data-sandbox-only');
        expect(body).toContain('Loading the wizard…');
      }
    }
  });
});
