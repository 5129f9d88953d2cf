import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { AFTER_TYPING, expect, TYPED_SECRETS, test } from '../fixtures';

const FIVE = ['Twitter', 'Salesforce', 'Dropbox', 'Zendesk', 'Freshdesk'];

test('the choice lists the guided five first and filters by hub and kind, by keyboard', async ({
  page,
  wizard,
}) => {
  await page.goto('/start');
  await expect(wizard.heading('Choose an element to provision')).toBeVisible();
  const cards = page.locator('.element-card');
  for (const [i, name] of FIVE.entries()) await expect(cards.nth(i)).toContainText(name);
  await wizard.snapScreen('element-choice');
  await page.getByLabel('Hub').selectOption('helpdesk');
  await expect(wizard.button(/^Zendesk OAuth/)).toBeVisible();
  await expect(wizard.button(/^Freshdesk Basic/)).toBeVisible();
  const helpdesk = await cards.count();
  // The kind filter is a radio group: arrow keys move through it.
  await page.getByRole('radio', { name: 'Any' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Basic (your API key)' })).toBeChecked();
  await expect(wizard.button(/^Freshdesk Basic/)).toBeVisible();
  await expect(wizard.button(/^Zendesk OAuth/)).toHaveCount(0);
  expect(await cards.count()).toBeLessThan(helpdesk);
  await page.getByLabel('Search').fill('no element is called this');
  await expect(cards).toHaveCount(0);
  await expect(page.getByText('No element offered here matches.')).toBeVisible();
});

test('every element walks to a call through its instance, and no secret reaches the browser', async ({
  page,
  wizard,
}) => {
  test.setTimeout(180_000);
  for (const [i, name] of FIVE.entries()) {
    await wizard.walkToTryIt(name, `e2e-${name.toLowerCase()}-${Date.now()}-${i}`);
    await expect(page.getByTestId('element')).toContainText(name);
  }
  await wizard.expectNoSecretReceived();
  await wizard.expectNoSecretReceived(TYPED_SECRETS, AFTER_TYPING);
  // The comparison page now fills all three columns from this tab's own flows.
  await page.goto('/compare');
  const table = page.getByTestId('comparison');
  for (const header of [
    /Twitter · OAuth 1\.0a/,
    /Salesforce|Dropbox|Zendesk/,
    /Freshdesk · Basic \(your API key\)/,
  ]) {
    await expect(table.getByRole('columnheader', { name: header })).toBeVisible();
  }
  await expect(table.locator('td[data-kind="basic"] .from-flow').first()).toBeVisible();
});

test('Freshdesk: your own key, checked before it is sent, a marker once it is', async ({
  page,
  wizard,
}) => {
  await wizard.open('Freshdesk');
  await expect(wizard.heading('Your Freshdesk credentials')).toBeVisible();
  // The diagram's key names only what this kind can show: no consent page to refuse on, no
  // hidden leg to look behind.
  const key = page.getByTestId('sequence-diagram').locator('.sequence-key');
  await expect(key).toContainText('Green: done');
  await expect(key).not.toContainText('consent page');
  await expect(key).not.toContainText('Behind the scenes');
  const apiKey = page.getByLabel(/^API key/);
  await expect(apiKey).toHaveAttribute('type', 'password');
  await page.getByLabel(/^Subdomain/).fill('acme.evil');
  await apiKey.fill('short');
  await wizard.button('Next: create the instance').click();
  await expect(page.getByText('must be a DNS label')).toBeVisible();
  await expect(page.getByText('must be 16 to 64 letters and digits')).toBeVisible();
  // Focus (and the screen) goes to the first field to mend.
  await expect(page.getByLabel(/^Subdomain/)).toBeFocused();
  await expect(page.getByLabel(/^Subdomain/)).toBeInViewport();
  await expect(wizard.heading('Your Freshdesk credentials')).toBeVisible();
  await wizard.snapScreen('freshdesk-key-form');
  await wizard.button("Fill in the sandbox's demo values").click();
  await wizard.button('Next: create the instance').click();
  await expect(wizard.heading('Create the instance')).toBeVisible();
  // The preview shows the key as its marker, never the key.
  await expect(page.getByText('"username": "<FRESHDESK_API_KEY>"')).toBeVisible();
  await page.getByLabel('Instance name').fill(`e2e-freshdesk-${Date.now()}`);
  await wizard.button('Create instance').click();
  await expect(page.getByText(/Instance “e2e-freshdesk-\d+” created\./)).toBeVisible();
  await expect(page.locator('body')).not.toContainText('sandboxFreshdeskKey0001');
  await wizard.expectNoSecretReceived(TYPED_SECRETS, AFTER_TYPING);
  // The exports carry the key as its marker, never the key, in any form.
  await wizard.link('Timeline').click();
  const exported = async (button: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      wizard.button(button).click(),
    ]);
    const bytes = readFileSync((await file.path()) ?? '');
    return button === 'Export HAR'
      ? bytes.toString('utf8')
      : strFromU8(unzipSync(bytes)['handout.md'] ?? new Uint8Array());
  };
  for (const button of ['Export HAR', 'Download as Markdown (.zip)']) {
    if (button !== 'Export HAR') {
      await page.getByRole('banner').getByRole('link', { name: 'Handout' }).click();
    }
    const text = await exported(button);
    expect(text, button).toContain('<FRESHDESK_API_KEY>');
    for (const form of [
      'sandboxFreshdeskKey0001',
      Buffer.from('sandboxFreshdeskKey0001').toString('base64'),
    ]) {
      expect(text, button).not.toContain(form);
    }
  }
});

test('Zendesk: a subdomain that is not a DNS label is refused before any call', async ({
  page,
  wizard,
}) => {
  await wizard.open('Zendesk');
  let calls = 0;
  page.on('request', (request) => {
    if (request.url().includes('/api/flow/authorize-url')) calls++;
  });
  await page.getByLabel(/^Subdomain/).fill('acme corp!');
  await wizard.button('Get authorization URL').click();
  await expect(page.getByText('must be a DNS label')).toBeVisible();
  // The field to mend has focus, and nothing shows the invalid value as the host to be used.
  await expect(page.getByLabel(/^Subdomain/)).toBeFocused();
  await expect(page.locator('.intro')).not.toContainText('acme corp!');
  expect(calls).toBe(0);
  await page.getByLabel(/^Subdomain/).fill('acme');
  await wizard.button('Get authorization URL').click();
  await expect(page.getByTestId('oauth-url')).toContainText(
    '/zendesk/sites/acme/oauth/authorizations/new',
  );
  await wizard.link('Next: ask for consent').click();
  await wizard.button(/consent page/).click();
  await expect(page.getByText('acme.zendesk.com (the sandbox plays it')).toBeVisible();
});

test('your own call through the instance: a read of the hub, and a write or a path off it refused', async ({
  page,
  wizard,
}) => {
  await wizard.walkToTryIt('Salesforce', `e2e-own-call-${Date.now()}`);
  await page.getByLabel("The hub's resources").selectOption('/hubs/crm/contacts');
  await expect(page.getByLabel('Path and query')).toHaveValue('/hubs/crm/contacts');
  await wizard.button('Send').click();
  await expect(page.getByTestId('hub-call-status')).toHaveText('200');
  await expect(
    page.getByRole('region', { name: /Exchange: GET BFF → Cloud Elements/ }).last(),
  ).toContainText('/hubs/crm/contacts');
  await page.getByLabel('Method').selectOption('DELETE');
  await wizard.button('Send').click();
  await expect(page.getByRole('alert')).toContainText('only reads (GET) go through the wizard');
  await page.getByLabel('Method').selectOption('GET');
  await page.getByLabel('Path and query').fill('/hubs/crm/../../instances');
  await wizard.button('Send').click();
  await expect(page.getByRole('alert')).toContainText("is not in this element's hub");
  await wizard.expectNoSecretReceived();
});

test('a glossary reachable from every page, and the diagram’s colours in a legend beside it', async ({
  page,
  wizard,
}) => {
  await wizard.open('Twitter');
  const legend = page.getByTestId('sequence-diagram');
  for (const colour of [
    'Green: done',
    'blue: this step',
    'red: where it failed',
    'struck through',
  ]) {
    await expect(legend).toContainText(colour);
  }
  // The footer's "BFF" is the glossary's first entry.
  await page.getByRole('contentinfo').getByRole('link', { name: 'BFF' }).click();
  await expect(wizard.heading('Glossary')).toBeVisible();
  await expect(page.locator('#bff')).toContainText('backend for frontend');
  await expect(page.locator('#bff')).toHaveClass(/glossary-current/);
  for (const term of [
    'Hub',
    'Instance',
    'oauth_callback_confirmed',
    'How a value is shown',
    'Reading an exchange card',
  ]) {
    await expect(page.getByRole('term').filter({ hasText: term }).first()).toBeVisible();
  }
  await page.goto('/instances');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Glossary' })).toBeVisible();
  // Each page's first use of a term links to it.
  await wizard.expectTermsLinked(['instance']);
  await page.goto('/start');
  await wizard.expectTermsLinked(['element', 'hub', 'instance']);
  await page.goto('/compare');
  await wizard.expectTermsLinked(['hub']);
  await page.goto('/timeline');
  await wizard.expectTermsLinked(['bff', 'instance-token']);
});

/**
 * Every place a line of `selector`'s text breaks inside a token, as "…before|after…": a break is
 * allowed only after a space or one of / _ . ? & = (or before a space).
 */
async function midTokenBreaks(page: import('@playwright/test').Page, selector: string) {
  return page.evaluate((sel) => {
    const bad: string[] = [];
    for (const element of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      // Every character with the top of its line box; a space at a wrap has no box of its own.
      const chars: { ch: string; top: number | null }[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          chars.push({
            ch: text[i] ?? '',
            top: rect && rect.width > 0 ? Math.round(rect.top) : null,
          });
        }
      }
      const word = chars.map((c) => c.ch).join('');
      let last = -1;
      for (let i = 0; i < chars.length; i++) {
        const top = chars[i]?.top;
        if (top === null || top === undefined) continue;
        const before = chars[last];
        if (last >= 0 && before?.top !== null && before !== undefined && top > (before.top ?? 0)) {
          const between = word.slice(last, i + 1);
          if (!/[\s/_.?&=]/.test(between.slice(0, -1)) && !/\s/.test(between.at(-1) ?? '')) {
            bad.push(`${word.slice(Math.max(0, i - 12), i)}|${word.slice(i, i + 12)}`);
          }
        }
        last = i;
      }
    }
    return bad;
  }, selector);
}

test('at 1024 px, the diagram and the comparison break lines only between tokens', async ({
  page,
  wizard,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await wizard.walkToTryIt('Dropbox', `e2e-breaks-${Date.now()}`);
  expect(await midTokenBreaks(page, '.sequence-label')).toEqual([]);
  await wizard.open('Twitter');
  expect(await midTokenBreaks(page, '.sequence-label')).toEqual([]);
  await page.goto('/compare');
  await expect(page.getByTestId('comparison')).toBeVisible();
  expect(await midTokenBreaks(page, 'table.compare td, table.compare th')).toEqual([]);
});

test('the failure lab stays reachable once a flow exists: a new scenario restarts, after asking', async ({
  page,
  wizard,
}) => {
  await wizard.open('Twitter');
  await wizard.getRequestToken();
  // The flow exists: the picker is still there, beside the button that restarts it.
  await wizard.chooseScenario('ce-down');
  await wizard.button('Get a new request token (restarts the flow)').click();
  await expect(page.getByRole('region', { name: 'Start a new flow?' })).toBeVisible();
  await wizard.button('Yes, start a new flow').click();
  await expect(page.getByTestId('scenario-note')).toContainText('Cloud Elements answered 500');
});
