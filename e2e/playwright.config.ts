import { defineConfig } from '@playwright/test';

/** The BFF under test: the production build, in sandbox mode, on a port of its own. */
export const PORT = 8788;
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: './specs',
  // Few, long paths through one server; two cores. Run them one at a time.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node ../bff/dist/index.js',
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    env: { PORT: String(PORT), PUBLIC_URL: BASE_URL },
    stdout: 'ignore',
  },
});
