import { readFileSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { LIVE_MODE_URL, SANDBOX_MODE_URL, webServers } from './servers';

const chromium: { path: string; args: string[] } = JSON.parse(
  readFileSync(new URL('./chromium.json', import.meta.url), 'utf8'),
);

export default defineConfig({
  testDir: './specs',
  // Few, long paths through one server; two cores. Run them one at a time.
  workers: 1,
  // Three times the longest test on a quiet machine (~25 s), so a busy one still passes.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
  projects: [
    {
      name: 'sandbox mode',
      testMatch: [
        'flow.spec.ts',
        'failure-lab.spec.ts',
        'after-provisioning.spec.ts',
        'learn.spec.ts',
        'teaching.spec.ts',
        'labs.spec.ts',
        'salesforce.spec.ts',
        'bundle.spec.ts',
        'elements.spec.ts',
        'handout.spec.ts',
        'catalog.spec.ts',
        'presenter.spec.ts',
      ],
      use: { baseURL: SANDBOX_MODE_URL },
    },
    { name: 'live mode', testMatch: 'live.spec.ts', use: { baseURL: LIVE_MODE_URL } },
  ],
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? chromium.path,
      args: chromium.args,
    },
  },
  webServer: webServers,
});
