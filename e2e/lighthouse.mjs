// `pnpm lighthouse`: Lighthouse on the production build in sandbox mode, with Debian's Chromium.
// Scores the first page a visitor sees (/ → step 1) for performance and accessibility, on
// Lighthouse's mobile preset (simulated slow 4G and a 4× slower CPU) and on its desktop preset.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktop from 'lighthouse/core/config/desktop-config.js';

const chromium = JSON.parse(readFileSync(join(import.meta.dirname, 'chromium.json'), 'utf8'));
const PORT = 8797;
const url = `http://127.0.0.1:${PORT}/step/request-token`;
const goals = { performance: 95, accessibility: 100 };
// Five runs: a score must reach its goal in four of them (one may be a busy machine's noise).
const RUNS = 5;
const MUST_MEET = 4;

const server = spawn(process.execPath, [join(import.meta.dirname, '../bff/dist/index.js')], {
  env: { ...process.env, PORT: String(PORT), PUBLIC_URL: `http://127.0.0.1:${PORT}` },
  stdio: 'ignore',
});
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? chromium.path,
  // Lighthouse needs the new headless mode; the other flags are the suite's.
  chromeFlags: ['--headless=new', ...chromium.args.filter((flag) => flag !== '--headless')],
});
let failed = false;
try {
  for (let i = 0; i < 50; i++) {
    const ok = await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const [preset, config] of [
    ['mobile', undefined],
    ['desktop', desktop],
  ]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(
        url,
        {
          port: chrome.port,
          output: 'json',
          onlyCategories: Object.keys(goals),
          logLevel: 'error',
        },
        config,
      );
      runs.push(result.lhr);
      // A run Lighthouse could not score counts as 0: say why, or the 0 is a mystery.
      const error = result.lhr.runtimeError;
      if (error) console.log(`${preset} run ${i + 1} not scored: ${error.code}: ${error.message}`);
    }
    const each = Object.fromEntries(
      Object.keys(goals).map((c) => [
        c,
        runs.map((lhr) => Math.round(lhr.categories[c].score * 100)),
      ]),
    );
    // The score four runs of five reach: the second lowest.
    const scores = Object.fromEntries(
      Object.entries(each).map(([c, all]) => [c, [...all].sort((a, b) => a - b)[RUNS - MUST_MEET]]),
    );
    const middle = runs[Math.floor(RUNS / 2)];
    const metrics = Object.fromEntries(
      [
        'first-contentful-paint',
        'largest-contentful-paint',
        'total-blocking-time',
        'cumulative-layout-shift',
      ].map((id) => [id, middle.audits[id].displayValue]),
    );
    console.log(JSON.stringify({ preset, runs: each, metrics }, null, 2));
    for (const [category, goal] of Object.entries(goals)) {
      if (scores[category] < goal) {
        failed = true;
        console.log(
          `MISSED  ${preset} ${category}: ${each[category].join(', ')} (goal ${goal} in ${MUST_MEET} of ${RUNS})`,
        );
        for (const audit of Object.values(middle.audits)) {
          if (
            audit.score !== null &&
            audit.score < 0.9 &&
            audit.scoreDisplayMode !== 'informative'
          ) {
            console.log(`  - ${audit.id}: ${audit.title} ${audit.displayValue ?? ''}`);
          }
        }
      } else {
        console.log(
          `met     ${preset} ${category}: ${each[category].join(', ')} (goal ${goal} in ${MUST_MEET} of ${RUNS})`,
        );
      }
    }
  }
} finally {
  await chrome.kill();
  server.kill();
}
process.exit(failed ? 1 : 0);
