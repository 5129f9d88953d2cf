import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { createInstanceThroughApi, expect, test } from '../fixtures';

/** Serious and critical accessibility violations on the page as it is now. */
async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Moves focus with Tab (only) until the named control has it, then presses Enter. */
async function tabToAndPress(page: Page, name: string | RegExp) {
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      // innerText, not textContent: the name a sighted keyboard user reads, without hidden text.
      // biome-ignore lint/performance/useDomNodeTextContent: visible text is what is compared
      return (el?.getAttribute('aria-label') ?? el?.innerText ?? '').trim();
    });
    if (typeof name === 'string' ? focused === name : name.test(focused)) {
      // Focus is visible where it lands.
      const outline = await page.evaluate(
        () => getComputedStyle(document.activeElement as Element).outlineStyle,
      );
      expect(outline).not.toBe('none');
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`could not reach "${name}" with Tab`);
}

test('inspector, field notes, linked values, diagram, who holds what, and the exports', async ({
  wizard,
  page,
}) => {
  await wizard.open();
  await wizard.getRequestToken();

  // The inspector: the query as a table, every parameter there.
  const query = page.getByRole('table', { name: 'Query parameters' });
  for (const name of ['apiKey', 'apiSecret', 'callbackUrl', 'state']) {
    await expect(query.getByRole('rowheader', { name: new RegExp(`^${name}`) })).toBeVisible();
  }
  // A field explains itself on demand.
  await page.getByRole('button', { name: 'About token' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'token:' })).toContainText(
    'From: Twitter, via Cloud Elements',
  );

  // The diagram highlights this step's arrows; who-holds-what shows the request token secret in the BFF only.
  const diagram = page.getByTestId('sequence-diagram');
  // Step 1's three calls and their three replies, each reply with what it carries.
  await expect(diagram.locator('[aria-current="step"]')).toHaveCount(6);
  await expect(diagram.locator('[aria-current="step"]').nth(1)).toContainText(
    'GET /elements/twitter/oauth/token',
  );
  await expect(diagram.locator('[aria-current="step"]').nth(4)).toContainText(
    '200 { token, secret: <REQUEST_TOKEN_SECRET> }',
  );
  const secretRow = page
    .getByTestId('who-holds-what')
    .getByRole('row', { name: /^Request token secret/ });
  await expect(secretRow.locator('[data-party="Browser"]')).toHaveText('✕ never');
  await expect(secretRow.locator('[data-party="BFF"]')).toHaveText('✓ seen');
  // In the side panel the table fits: no party's name or cell is cut at its edge.
  const holds = page.getByTestId('who-holds-what');
  const overflow = await holds.evaluate((table) => {
    const box = table.closest('.scroll-x') as HTMLElement;
    const cut = [...table.querySelectorAll('th, td')].filter(
      (cell) => cell.scrollWidth > cell.clientWidth + 1,
    );
    const caption = table.querySelector('caption') as HTMLElement;
    return {
      wide: box.scrollWidth - box.clientWidth,
      cut: cut.map((c) => c.textContent),
      // Its caption reads across the table, not one word per line.
      captionLines: Math.round(
        caption.offsetHeight / parseFloat(getComputedStyle(caption).lineHeight),
      ),
    };
  });
  expect(overflow).toEqual({ wide: 0, cut: [], captionLines: 1 });

  await wizard.getAuthorizationUrl();
  await wizard.goToConsentPage();
  await wizard.button('Authorize app').click();
  await wizard.createInstance(`learn-${Date.now()}`);

  // The request token is the same value in step 4's body: marked, and it tells its route.
  const body = page.getByRole('region', { name: 'request body', exact: true });
  await body.locator('button.travel.tone-a').first().click();
  await expect(page.getByTestId('travel-route').first()).toContainText(
    'request token travels: step 1 token → step 2 requestToken',
  );
  await expect(body.locator('button.travel.tone-b')).toHaveCount(1);

  // A past arrow opens its exchange.
  await diagram
    .getByRole('link', { name: /Browser → BFF: POST \/api\/flow\/request-token/ })
    .click();
  await expect(page).toHaveURL(/\/step\/request-token(\?element=\w+)?$/);

  // The handout: the flow in the guide's curl lines, Cloud Elements' signed calls to Twitter
  // behind the scenes, and the diagram as an SVG file that parses.
  await page.getByRole('banner').getByRole('link', { name: 'Handout' }).click();
  const handout = async () => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      wizard.button('Download as Markdown (.zip)').click(),
    ]);
    const zip = unzipSync(readFileSync((await file.path()) ?? ''));
    return {
      md: strFromU8(zip['handout.md'] ?? new Uint8Array()),
      svg: strFromU8(zip['twitter-sequence.svg'] ?? new Uint8Array()),
    };
  };
  const { md, svg } = await handout();
  expect(md).toMatch(/curl -X GET[^`]*\/elements\/twitter\/oauth\/token\?/);
  expect(md).toMatch(/curl -X GET[^`]*\/elements\/twitter\/oauth\/url\?/);
  expect(md).toMatch(/curl -X POST[^`]*\/instances'/);
  expect(md).toContain('### Step 4 of 6. Create the instance');
  expect(md).toContain('Behind the scenes: what Cloud Elements sent Twitter');
  // (Markdown escapes an underscore in text, and writes a marker's brackets as entities.)
  expect(md).toMatch(/Cloud Elements → Twitter: POST \/oauth\/request\\_token 200/);
  expect(md).toMatch(/Cloud Elements → Twitter: POST \/oauth\/access\\_token 200/);
  expect(md).toMatch(/\| oauth\\_signature \| \S+/);
  expect(md).toContain('`<TWITTER_API_SECRET>&<REQUEST_TOKEN_SECRET>`');
  const drawn = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      broken: doc.getElementsByTagName('parsererror').length,
      arrows: doc.querySelectorAll('line[marker-end]').length,
      labels: [...doc.querySelectorAll('text')].map((t) => t.textContent),
    };
  }, svg);
  expect(drawn.broken).toBe(0);
  // 28 hops: the consent page is a GET, and the answer to its form a POST that redirects.
  expect(drawn.arrows).toBe(28);
  expect(drawn.labels).toContain('POST /oauth/access_token (signed)');
  // The instance token stays a marker unless the person opts in, knowing it is a credential.
  expect(md).toContain('"token": "<INSTANCE_TOKEN>"');
  await page.getByLabel(/Include Twitter's instance token/).check();
  const { md: mdWithToken } = await handout();
  expect(mdWithToken).toMatch(/"token": "[A-Za-z0-9+/]{28}="/);
  expect(mdWithToken).toContain('keep this handout like a password');
  // The wire record of that reveal keeps the token as a marker, in the tab's storage and on the page.
  const token = /"token": "([A-Za-z0-9+/]{28}=)"/.exec(mdWithToken)?.[1] ?? '';
  const wireRecord = await page.evaluate(() => sessionStorage.getItem('cew-wire') ?? '');
  expect(wireRecord).toContain('/api/flow/instance-token');
  expect(wireRecord).not.toContain(token);
  await page.getByLabel(/Include Twitter's instance token/).uncheck();
  expect(await page.content()).not.toContain(token);

  // Printed, the timeline keeps its exchanges and the diagram after them, and no control.
  await wizard.link('Timeline').click();
  await page.emulateMedia({ media: 'print' });
  await expect(wizard.button('Export HAR')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Steps' })).toBeHidden();
  await expect(page.getByTestId('raw-wire')).toBeHidden();
  await expect(page.getByTestId('sequence-diagram')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  const [harFile] = await Promise.all([
    page.waitForEvent('download'),
    wizard.button('Export HAR').click(),
  ]);
  const har = JSON.parse(readFileSync((await harFile.path()) ?? '', 'utf8'));
  expect(har.log.version).toBe('1.2');
  // Step 1, step 2, Twitter's redirect, the browser's callback call, step 4.
  expect(har.log.entries.map((e: { request: { method: string } }) => e.request.method)).toEqual([
    'GET',
    'GET',
    'POST',
    'POST',
    'POST',
  ]);
  await wizard.expectNoSecretReceived();
  for (const secret of ['sandbox-user-secret-0000', 'sandbox-twitter-api-secret']) {
    expect(md).not.toContain(secret);
    expect(JSON.stringify(har)).not.toContain(secret);
  }
});

test('keyboard only: the approve path, with visible focus wherever it lands', async ({
  page,
  wizard,
}) => {
  await wizard.open();
  await expect(wizard.heading('Get a request token')).toBeVisible();
  await tabToAndPress(page, 'Get request token');
  await expect(page.getByTestId('request-token')).toBeVisible();
  await tabToAndPress(page, 'Next: get the authorization URL');
  // Each next page is there before the keys go on: tabbing through the one it replaces proves nothing.
  await expect(wizard.heading('Get the authorization URL')).toBeVisible();
  await tabToAndPress(page, 'Get authorization URL');
  await expect(page.getByTestId('oauth-url')).toBeVisible();
  await tabToAndPress(page, 'Next: ask for consent');
  await expect(wizard.heading(/^Consent on/)).toBeVisible();
  await tabToAndPress(page, /consent page$/);
  await expect(page.getByRole('button', { name: 'Authorize app' })).toBeVisible();
  await tabToAndPress(page, 'Authorize app');
  await expect(page.getByText('Access granted.')).toBeVisible();
  await tabToAndPress(page, 'Next: create the instance');
  await expect(wizard.heading('Create the instance')).toBeVisible();
  await tabToAndPress(page, 'Create instance');
  await expect(page.getByText(/Instance “.*” created\./)).toBeVisible();
  await tabToAndPress(page, 'Next: see your instance token');
  await expect(page.getByTestId('secret-value')).toBeVisible();
  await tabToAndPress(page, 'Next: try it with a real call');
  await expect(wizard.heading(/^Try it/)).toBeVisible();
  await tabToAndPress(page, 'Call through the instance');
  await expect(page.getByTestId('try-it-items')).toBeVisible();
});

// The axe scans are the slow part: split in two, so neither test comes near its timeout.
test('axe: no serious violation on steps 1–3 and the consent page', async ({ page, wizard }) => {
  const violations: string[] = [];
  const scan = async (where: string) => {
    for (const v of await axeViolations(page)) violations.push(`${where}: ${v}`);
  };
  await wizard.open();
  await expect(wizard.heading('Get a request token')).toBeVisible();
  await scan('step 1');
  await wizard.getRequestToken();
  await scan('step 1 done');
  await wizard.getAuthorizationUrl();
  await scan('step 2');
  await wizard.link('Next: ask for consent').click();
  await expect(wizard.heading(/Consent on Twitter/)).toBeVisible();
  await scan('step 3');
  await wizard.button(/consent page/).click();
  await expect(page.getByRole('button', { name: 'Authorize app' })).toBeVisible();
  await scan('consent page');
  await wizard.button('Authorize app').click();
  await expect(page.getByText('Access granted.')).toBeVisible();
  await scan('callback');
  expect(violations).toEqual([]);
});

test('axe: no serious violation on steps 4–6', async ({ page, wizard }) => {
  const violations: string[] = [];
  const scan = async (where: string) => {
    for (const v of await axeViolations(page)) violations.push(`${where}: ${v}`);
  };
  await wizard.throughConsent();
  await wizard.link('Next: create the instance').click();
  await expect(wizard.heading('Create the instance')).toBeVisible();
  await scan('step 4');
  await wizard.page.getByLabel('Instance name').fill(`axe-${Date.now()}`);
  await wizard.button('Create instance').click();
  await expect(page.getByText(/Instance “.*” created\./)).toBeVisible();
  await wizard.link('Next: see your instance token').click();
  await expect(page.getByTestId('secret-value')).toBeVisible();
  await scan('step 5');
  await wizard.link('Next: try it with a real call').click();
  await wizard.button('Call through the instance').click();
  await expect(page.getByTestId('try-it-items')).toBeVisible();
  await scan('try it');
  expect(violations).toEqual([]);
});

test('axe: no serious violation on the timeline, the instances, and in dark mode', async ({
  page,
  wizard,
}) => {
  const violations: string[] = [];
  const scan = async (where: string) => {
    for (const v of await axeViolations(page)) violations.push(`${where}: ${v}`);
  };
  await wizard.open();
  await wizard.getRequestToken();
  await page.goto('/timeline');
  await expect(page.getByText('All 1 exchanges this page received for this flow')).toBeVisible();
  await scan('timeline');
  await page.goto('/instances');
  await expect(page.getByRole('table', { name: 'Instances of this organization' })).toBeVisible();
  await scan('instances');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/step/request-token');
  await expect(wizard.heading('Get a request token')).toBeVisible();
  await scan('step 1, dark mode');
  expect(violations).toEqual([]);
});

test('usable at 375 px: no sideways scrolling on any step page', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  // An instance, so the instances table is there to measure (made through the API, as the UI would).
  await createInstanceThroughApi(page.request, `narrow-screen-check-${Date.now()}`);
  for (const path of [
    '/step/request-token',
    '/step/authorization-url',
    '/timeline',
    '/instances',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    // Down to the bottom: the diagram below the step is drawn once scrolled near, and measured.
    // The step can still grow after its heading shows (its data arrives) and push the diagram's
    // place out of reach again: scroll once more then, as a reader would.
    const toBottom = () =>
      page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await toBottom();
    if (path.startsWith('/step/')) {
      await expect(async () => {
        await toBottom();
        await expect(page.getByTestId('sequence-diagram')).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 10_000 });
    }
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    if (path === '/instances') {
      // Each instance is a card: its Delete button within the screen, not off to the right.
      const remove = await page
        .getByRole('button', { name: /^Delete/ })
        .first()
        .boundingBox();
      expect(remove && remove.x + remove.width).toBeLessThanOrEqual(375);
    }
  }
  await context.close();
});
