import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test, Wizard } from '../fixtures';

const STEP_PAGES = [
  '/step/request-token',
  '/step/authorization-url',
  '/step/consent',
  '/step/create-instance',
];

/** Code blocks that scroll sideways, or reach under their Copy button: none may. */
async function overflowingCode(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('pre, .scroll, .request-line, .json-tree')]
      .filter((el) => el.scrollWidth - el.clientWidth > 1)
      .map((el) => `${el.className || el.tagName}: ${el.textContent?.slice(0, 40)}`),
  );
}

/** The smallest computed font size of the diagram's labels, in CSS pixels. */
async function smallestLabel(page: Page) {
  return page
    .getByTestId('sequence-diagram')
    .evaluate((diagram) =>
      Math.min(
        ...[...diagram.querySelectorAll('.sequence-label')].map((label) =>
          Number.parseFloat(getComputedStyle(label).fontSize),
        ),
      ),
    );
}

/**
 * The diagram beside the step keeps the step's own hops in sight: each lies inside the panel's
 * visible part and inside the window. Returns how many there are, so a step with none cannot
 * pass unnoticed.
 */
async function currentHopsInView(page: Page) {
  return page.evaluate(() => {
    const panel = document.querySelector<HTMLElement>('aside.learn');
    const rows = [...(panel?.querySelectorAll<HTMLElement>('[aria-current="step"]') ?? [])];
    if (!panel || rows.length === 0) return 'no hops of this step';
    const box = panel.getBoundingClientRect();
    const top = Math.max(box.top, 0);
    const bottom = Math.min(box.bottom, window.innerHeight);
    const out = rows.filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top < top - 1 || r.bottom > bottom + 1;
    });
    return out.length === 0 ? rows.length : `${out.length} of ${rows.length} out of sight`;
  });
}

/** Steps 1–4 in a fresh context of the given width, then each step page in light and dark. */
async function walkAt(browser: Browser, width: number, check: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const wizard = new Wizard(page);
  await wizard.throughConsent();
  await wizard.createInstance(`teaching-${width}-${Date.now()}`);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const path of STEP_PAGES) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await expect(page.getByTestId('exchange-status').first()).toBeVisible();
      expect(await overflowingCode(page), `${path} at ${width} px, ${colorScheme}`).toEqual([]);
      await check(page);
    }
  }
  await context.close();
}

test('on a projector (1280 px) the diagram sits beside the step, labels at 13 px or more', async ({
  browser,
}) => {
  await walkAt(browser, 1280, async (page) => {
    const main = await page.locator('main').boundingBox();
    const aside = await page
      .getByRole('complementary', { name: /How the flow fits/ })
      .boundingBox();
    expect(main && aside && aside.x >= main.x + main.width).toBe(true);
    // In view without scrolling, at the top of the page.
    expect(aside && aside.y < 800).toBe(true);
    expect(await smallestLabel(page)).toBeGreaterThanOrEqual(13);
    // The pages above any one flow have no diagram beside them, and take the width.
    if (page.url().endsWith('/step/create-instance')) {
      for (const path of ['/start', '/compare']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
        const width = (await page.locator('main').boundingBox())?.width ?? 0;
        expect(width, path).toBeGreaterThan(1200);
      }
    }
  });
});

test('on a phone (375 px) the diagram is a readable list under the step', async ({ browser }) => {
  await walkAt(browser, 375, async (page) => {
    // Below the step, it is drawn once the reader scrolls near it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const diagram = page.getByTestId('sequence-diagram');
    // Each hop names who talks to whom in words, not by lanes a few pixels wide.
    await expect(diagram.getByText('BFF → Cloud Elements').first()).toBeVisible();
    expect(await smallestLabel(page)).toBeGreaterThanOrEqual(13);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test('on a phone (375 × 812) the step and its outcome are on the first screen; targets are 24 px', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  const wizard = new Wizard(page);
  await wizard.open();
  await page.evaluate(() => window.scrollTo(0, 0));
  // The compact header leaves the step's number and heading on the first screen.
  await expect(page.getByText('Step 1 of 6')).toBeInViewport({ ratio: 1 });
  await expect(wizard.heading('Get a request token')).toBeInViewport({ ratio: 1 });
  await wizard.snapView('phone-step-1');
  await wizard.getRequestToken();
  await expect(page.getByRole('region', { name: 'Result' })).toBeFocused();
  await expect(page.getByTestId('request-token')).toBeInViewport();
  await wizard.expectTouchTargets();
  // Cancel on the consent page: back in the wizard, the denial is what the screen shows.
  await wizard.getAuthorizationUrl();
  await wizard.goToConsentPage();
  await wizard.button('Cancel').click();
  await expect(page.getByTestId('denied')).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Result' })).toBeFocused();
  await wizard.snapView('phone-denied');
  // Start over and Presenter mode lead the header's sideways strip: reachable without scrolling it.
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const name of ['Start over', 'Presenter mode']) {
    await expect(page.locator('.top-actions').getByRole('button', { name })).toBeInViewport({
      ratio: 1,
    });
  }
  await wizard.expectTouchTargets();
  for (const path of ['/timeline', '/handout', '/compare', '/start', '/instances']) {
    await page.goto(path);
    await expect(page.locator('h2#step-title')).toBeVisible();
    await wizard.expectTouchTargets();
  }
  await context.close();
});

test('focus and title follow each step; a restart asks first; no console warnings', async ({
  page,
  wizard,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
  });
  const expectAt = async (title: string) => {
    const heading = page.getByRole('heading', { level: 2, name: title });
    await expect(heading).toBeFocused();
    await expect(page).toHaveTitle(`${title} · Cloud Elements Instance Wizard`);
  };
  await wizard.open();
  await expectAt('Get a request token');
  await wizard.getRequestToken();
  await wizard.link('Next: get the authorization URL').click();
  await expectAt('Get the authorization URL');
  await wizard.button('Get authorization URL').click();
  await wizard.link('Next: ask for consent').click();
  await expectAt('Consent on Twitter, then the callback');
  await wizard.button(/consent page/).click();
  await wizard.button('Authorize app').click();
  await expect(page.getByText('Access granted.')).toBeVisible();
  // Back from the provider, focus is on the outcome the person came back for.
  await expect(page.getByRole('region', { name: 'Result' })).toBeFocused();
  await expect(page).toHaveTitle(
    'Consent on Twitter, then the callback · Cloud Elements Instance Wizard',
  );

  // Back on step 1, a new request token would throw this flow away: a secondary button that asks.
  await page
    .getByRole('navigation', { name: 'Steps' })
    .getByRole('link', { name: /Request token/ })
    .click();
  await expectAt('Get a request token');
  const token = await page.getByTestId('request-token').textContent();
  const restart = wizard.button('Get a new request token (restarts the flow)');
  await expect(restart).not.toHaveClass(/primary/);
  await restart.click();
  const confirm = page.getByRole('region', { name: 'Start a new flow?' });
  await expect(confirm).toContainText('The current one is forgotten');
  await confirm.getByRole('button', { name: 'Keep this flow' }).click();
  await expect(page.getByTestId('request-token')).toHaveText(token ?? '');
  await expect(
    page.getByRole('navigation', { name: 'Steps' }).getByRole('link', { name: /Create instance/ }),
  ).toBeVisible();
  await restart.click();
  await confirm.getByRole('button', { name: 'Yes, start a new flow' }).click();
  await expect(page.getByTestId('request-token')).not.toHaveText(token ?? '');
  expect(warnings).toEqual([]);
});

test('the diagram and the panels tell what happened: a refusal on the consent page', async ({
  page,
  wizard,
}) => {
  await wizard.open();
  await wizard.chooseScenario('cancel');
  await wizard.getRequestToken();
  await wizard.getAuthorizationUrl();
  await wizard.goToConsentPage();
  // The consent page's colours pass in both schemes.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const contrast = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    expect(contrast.violations.map((v) => v.nodes.map((n) => n.target).join(' '))).toEqual([]);
  }
  await wizard.button('Cancel').click();
  await expect(page.getByTestId('denied')).toContainText('Access was denied.');
  const diagram = page.getByTestId('sequence-diagram');
  // The press drawn as the refusing button it was, then the redirect carrying the refusal.
  await expect(diagram.locator('[data-outcome="denied"]')).toHaveText([
    /POST \/oauth\/authorize \(Cancel\)/,
    /302 → callback\?denied/,
  ]);
  await expect(diagram).not.toContainText('(Authorize app)');
  // The callback's 200 answers "not accepted": its badge is not the green of success.
  const callback = page.getByRole('region', { name: 'Exchange: POST Browser → BFF' }).last();
  await expect(callback.getByTestId('exchange-status')).toHaveText(/200/);
  await expect(callback.getByTestId('exchange-status')).not.toHaveClass(/status-ok/);
  await wizard.snapPart(
    page.getByRole('complementary', { name: /How the flow fits/ }),
    'diagram-denied',
  );
  await expect(diagram).not.toContainText('oauth_verifier');
  await expect(diagram.locator('[data-outcome="skipped"]').first()).toContainText(
    'POST /api/flow/instance',
  );
  // The redirect the browser saw carries the denial, too.
  const redirect = page.getByRole('region', { name: 'Exchange: POST Browser → Twitter' });
  await redirect.getByText('Response headers (1)').click();
  await expect(redirect.getByRole('table', { name: 'Response headers' })).toContainText('denied=');
});

test('offline, a step says so and what to do, instead of spinning', async ({
  page,
  wizard,
  context,
}) => {
  await wizard.open();
  await context.setOffline(true);
  await wizard.button('Get request token').click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This browser is offline');
  await expect(alert.getByTestId('advice')).toContainText('Reconnect this device');
  await context.setOffline(false);
  await wizard.getRequestToken();
});

test('a page whose code cannot load says so inside the frame, and the rest still works', async ({
  page,
  wizard,
}) => {
  await wizard.open();
  // The timeline's code has not been loaded yet: it fails to arrive (a new version deployed, say).
  await page.route('**/assets/timeline-*.js', (route) => route.abort());
  await page.getByRole('link', { name: 'Timeline' }).click();
  await expect(page.getByRole('status')).toContainText(
    'This page could not be loaded (is this device offline?). Reload the page to try again.',
  );
  // The frame stays: the title, the links, and the steps.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Cloud Elements Instance Wizard',
  );
  await page.unroute('**/assets/timeline-*.js');
  await page
    .getByRole('navigation', { name: 'Steps' })
    .getByRole('link', { name: /Request token/ })
    .click();
  await wizard.getRequestToken();
});

test('presenter mode: large type, the diagram beside the step, moved by keyboard alone', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  const wizard = new Wizard(page);
  await wizard.open();
  await expect(wizard.heading('Get a request token')).toBeFocused();
  await page.keyboard.press('p');
  await expect(page).toHaveURL(/\/step\/request-token\?(element=\w+&)?present$/);
  await expect(page.getByText('Presenter mode:')).toBeVisible();
  const base = await page
    .locator('.shell')
    .evaluate((shell) => Number.parseFloat(getComputedStyle(shell).fontSize));
  expect(base).toBeGreaterThanOrEqual(20);
  // Step 1 by keyboard: Tab from the step's heading to its button, then Enter.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (name === 'Get request token') break;
  }
  await expect(wizard.button('Get request token')).toBeFocused();
  // On a 768 px tall projector the button is on the first screen...
  await expect(wizard.button('Get request token')).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('request-token')).toBeVisible();
  // ...and after it, focus is on what the call brought, whole on the screen.
  const result = page.getByRole('region', { name: 'Result' });
  await expect(result).toBeFocused();
  await expect(result).toBeInViewport({ ratio: 1 });
  // The diagram beside it shows the step's own hops, as it does after each move below.
  await expect.poll(() => currentHopsInView(page)).toBe(6);
  // So is each lab's outcome.
  await wizard.button('Change one character of oauth_signature').click();
  const outcome = page.getByTestId('tamper-outcome');
  await expect(outcome).toBeFocused();
  await expect(outcome.getByText(/answered 401/)).toBeInViewport();
  // → goes to the next step, keeping presenter mode in the address; ← comes back.
  await page.locator('body').press('ArrowRight');
  await expect(page).toHaveURL(/\/step\/authorization-url\?(element=\w+&)?present$/);
  await expect(wizard.heading('Get the authorization URL')).toBeFocused();
  await expect.poll(() => currentHopsInView(page)).toBe(4);
  const main = await page.locator('main').boundingBox();
  const aside = await page.getByRole('complementary', { name: /How the flow fits/ }).boundingBox();
  expect(main && aside && aside.x >= main.x + main.width).toBe(true);
  await wizard.snapScreen('presenter-mode');
  // Step 3 is not open yet: → stays.
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/\/step\/authorization-url\?(element=\w+&)?present$/);
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/\/step\/request-token\?(element=\w+&)?present$/);
  // Through the provider and back: the callback's query still reaches the BFF.
  await page.keyboard.press('ArrowRight');
  await wizard.button('Get authorization URL').click();
  await wizard.goToConsentPage();
  await wizard.button('Authorize app').click();
  await expect(page.getByText('Access granted.')).toBeVisible();
  await expect(page).toHaveURL(/\/step\/consent\?(element=\w+&)?present$/);
  // Back from the provider, focus and the screen are on the outcome, not the page's top.
  await expect(page.getByRole('region', { name: 'Result' })).toBeFocused();
  await expect(page.getByText('Access granted.')).toBeInViewport();
  await expect.poll(() => currentHopsInView(page)).toBe(6);
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/\/step\/authorization-url\?(element=\w+&)?present$/);
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/\/step\/request-token\?(element=\w+&)?present$/);
  // A reload keeps it (a bookmark opens it); P leaves it.
  await page.reload();
  await expect(page.getByText('Presenter mode:')).toBeVisible();
  await expect(wizard.heading('Get a request token')).toBeVisible();
  await page.keyboard.press('p');
  await expect(page).toHaveURL(/\/step\/request-token(\?element=\w+)?$/);
  await expect(page.getByText('Presenter mode:')).toBeHidden();
  await context.close();
});
