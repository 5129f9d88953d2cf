import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, Wizard } from '../fixtures';

/** Steps 1–2 of the Salesforce flow (OAuth 2.0): the authorization URL, then the consent page. */
async function toConsent(wizard: Wizard, scenario?: string) {
  await wizard.open('Salesforce');
  await expect(wizard.heading('Get the authorization URL')).toBeVisible();
  if (scenario) await wizard.chooseScenario(scenario);
  await wizard.button('Get authorization URL').click();
  await expect(wizard.page.getByTestId('oauth-url')).toBeVisible();
  await wizard.goToConsentPage();
}

test('salesforce: from the element choice to a call through the instance, over OAuth 2.0', async ({
  wizard,
  page,
}) => {
  await wizard.page.goto('/');
  await expect(wizard.heading('Choose an element to provision')).toBeVisible();
  await wizard.open('Salesforce');
  // Five steps, no request token: the step bar is the OAuth 2.0 flow's.
  await expect(page.getByTestId('element')).toContainText('Salesforce · OAuth 2.0');
  const trail = page.getByRole('navigation', { name: 'Steps' }).getByRole('listitem');
  await expect(trail).toHaveCount(5);
  await expect(trail.first()).toContainText('Authorization URL');
  // The consent address's parameters, named on the step that asks for it, with their meaning.
  await expect(page.locator('.intro a.term[data-term="oauth2-authorize"]')).toContainText(
    'redirect_uri',
  );
  await wizard.button('Get authorization URL').click();
  await expect(page.getByTestId('oauth-url')).toContainText(
    '/sandbox/sfdc/services/oauth2/authorize',
  );
  await expect(page.getByTestId('oauth-url')).not.toContainText('client_secret');
  await wizard.goToConsentPage();
  await wizard.snap('salesforce-consent-page');
  const callback = page.waitForRequest('**/api/flow/callback');
  await wizard.button('Allow').click();
  const code: string = (await callback).postDataJSON().code;
  // Back from Salesforce: the code is gone from the address bar, the flow goes on.
  await expect(page.getByText('Access granted.')).toBeVisible();
  expect(page.url()).not.toContain('code=');
  // One rule for the code, on every card: in clear, as the callback brought it (the browser
  // carried it; single use, it is worth nothing without the client secret). The callback's
  // exchange, the next step's preview, its exchange and the token endpoint behind the scenes.
  await expect(page.getByRole('region', { name: 'Exchange: POST Browser → BFF' })).toContainText(
    code,
  );
  await wizard.link('Next: create the instance').click();
  await expect(page.getByRole('region', { name: 'Body to be sent' })).toContainText(
    `"code": "${code}"`,
  );
  const name = `sf-e2e-${Date.now()}`;
  await page.getByLabel('Instance name').fill(name);
  await wizard.button('Create instance').click();
  await expect(page.getByText(`Instance “${name}” created.`)).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Exchange: POST BFF → Cloud Elements' }),
  ).toContainText(code);
  // Behind the scenes: the code traded at the token endpoint, the client secret as a marker.
  const leg = page.getByRole('region', {
    name: 'Cloud Elements → Salesforce: POST /services/oauth2/token',
  });
  await expect(leg).toContainText('<SALESFORCE_CLIENT_SECRET>');
  await expect(leg).toContainText(code);
  await expect(leg.getByRole('link', { name: 'grant_type=authorization_code' })).toHaveAttribute(
    'href',
    '/glossary#token-endpoint',
  );
  await expect(page.locator('main')).not.toContainText(
    /<AUTHORIZATION_CODE>|sealed in the flow cookie>/,
  );
  await wizard.link('Next: see your instance token').click();
  await expect(page.getByTestId('secret-value')).toHaveText(/^•+$/);
  await wizard.link('Next: try it with a real call').click();
  await wizard.button('Call through the instance').click();
  await expect(page.getByTestId('try-it-items').getByRole('listitem')).toHaveCount(5);
  await expect(page.getByText('GET /hubs/crm/accounts').first()).toBeVisible();
  await wizard.expectNoSecretReceived();
});

test('salesforce: Deny on the consent page ends the flow with error=access_denied', async ({
  wizard,
  page,
}) => {
  await toConsent(wizard);
  await wizard.button('Deny').click();
  await expect(page.getByTestId('denied')).toContainText('Access was denied.');
  await expect(page.getByTestId('denied')).toContainText('error=access_denied');
  await expect(page.getByRole('link', { name: /Create instance/ })).toHaveCount(0);
});

test('salesforce failure lab: an authorization URL carrying the client secret is refused', async ({
  wizard,
  page,
}) => {
  await wizard.open('Salesforce');
  await wizard.chooseScenario('secret-in-url');
  await wizard.button('Get authorization URL').click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Failed (502)');
  await expect(alert).toContainText("carries the app's secret");
  await expect(page.getByTestId('scenario-note')).toContainText('Never put a client secret');
  await expect(page.getByTestId('oauth-url')).toHaveCount(0);
  await wizard.expectNoSecretReceived();
});

test('salesforce failure lab: a redirect_uri mismatch stops at Salesforce’s own error page', async ({
  wizard,
  page,
}) => {
  await wizard.open('Salesforce');
  await wizard.chooseScenario('redirect-mismatch');
  await wizard.button('Get authorization URL').click();
  await wizard.link('Next: ask for consent').click();
  await wizard.button(/consent page/).click();
  await expect(page.getByText('error=redirect_uri_mismatch')).toBeVisible();
  await expect(page.getByText('redirect_uri must match configuration')).toBeVisible();
});

for (const scenario of ['code-reused', 'code-expired']) {
  test(`salesforce failure lab: ${scenario} fails step 3 with Salesforce's invalid_grant`, async ({
    wizard,
    page,
  }) => {
    await toConsent(wizard, scenario);
    await wizard.button('Allow').click();
    await wizard.link('Next: create the instance').click();
    await page.getByLabel('Instance name').fill(`lab-${scenario}-${Date.now()}`);
    await wizard.button('Create instance').click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Failed (400)');
    await expect(alert).toContainText('Failed to exchange the authorization code with Salesforce');
    await expect(alert).toContainText('invalid_grant: expired authorization code');
    await expect(page.getByTestId('scenario-note')).toContainText('How a real integration');
  });
}

test('compare: OAuth 1.0a and 2.0 side by side, from both flows walked in this tab', async ({
  wizard,
  page,
}) => {
  await page.goto('/compare');
  const table = page.getByTestId('comparison');
  // Not walked yet: every cell comes from the flow definitions.
  await expect(table.getByText('your flow')).toHaveCount(0);
  await wizard.throughConsent();
  await wizard.createInstance(`cmp-tw-${Date.now()}`);
  await toConsent(wizard);
  await wizard.button('Allow').click();
  await wizard.createInstance(`cmp-sf-${Date.now()}`);
  await page.goto('/compare');
  const callbackRow = table.getByRole('row', { name: /What the callback carries/ });
  await expect(callbackRow.locator('td[data-element="twitter"]')).toContainText(
    'oauth_token, oauth_verifier, state',
  );
  await expect(callbackRow.locator('td[data-element="sfdc"]')).toContainText('code, state');
  const providerData = table.getByRole('row', { name: /providerData/ });
  await expect(providerData.locator('td[data-element="sfdc"]')).toContainText('code');
  await expect(providerData.locator('td[data-element="twitter"]')).toContainText(
    'oauth_token, oauth_verifier, secret',
  );
  await expect(table.getByText('your flow').first()).toBeVisible();
  // The one column not walked here says how to fill it, once.
  const intro = page.locator('.intro');
  await expect(intro).toContainText(
    'Walk Freshdesk in this tab to fill that column. A flow walked in another tab stays in that tab.',
  );
  await expect(intro.getByRole('link', { name: 'Freshdesk' })).toHaveAttribute(
    'href',
    /\/step\/credentials\?element=freshdeskv2$/,
  );
  await wizard.snap('compare');
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => v.id)).toEqual([]);
  await wizard.expectNoSecretReceived();
});

/** Serious or critical axe findings, and sideways scrolling, on the page as it is now. */
async function problemsOn(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  // Down to the bottom first: below the step, the diagram is drawn once scrolled near.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  if (await page.locator('.learn-marker').count()) {
    await expect(page.getByTestId('sequence-diagram')).toBeVisible();
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  if (overflow > 0) found.push(`${where} scrolls sideways by ${overflow}px`);
  for (const v of (await new AxeBuilder({ page }).analyze()).violations) {
    if (v.impact === 'serious' || v.impact === 'critical') found.push(`${where}: ${v.id}`);
  }
  return found;
}

test('at 375 px, axe-clean: the choice, the comparison, step 1 and Salesforce’s consent page', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  const problems: string[] = [];
  for (const [path, heading] of [
    ['/', 'Choose an element to provision'],
    ['/compare', 'Three kinds of authentication, side by side'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    problems.push(...(await problemsOn(page, path)));
  }
  // Scrolled sideways to the last kind's column, every row still shows its label.
  await page.goto('/compare');
  const table = page.getByTestId('comparison');
  // The first row in the middle of the screen (it is tall at this width: its calls wrap).
  await table
    .locator('tbody tr')
    .first()
    .evaluate((row) => row.scrollIntoView({ block: 'center' }));
  await table.evaluate((node) => {
    const strip = node.parentElement;
    if (strip) strip.scrollLeft = strip.scrollWidth;
  });
  await expect(table.locator('tbody tr').first().locator('td').last()).toBeInViewport();
  await expect(table.getByRole('rowheader').first()).toBeInViewport({ ratio: 1 });
  await page.goto('/start');
  await page.getByRole('button', { name: /^Salesforce OAuth/ }).click();
  await page.getByRole('button', { name: 'Get authorization URL' }).click();
  await expect(page.getByTestId('oauth-url')).toBeVisible();
  problems.push(...(await problemsOn(page, 'step 1')));
  await page.getByRole('link', { name: 'Next: ask for consent' }).click();
  problems.push(...(await problemsOn(page, 'step 2')));
  await page.getByRole('button', { name: /consent page/ }).click();
  await expect(page.getByRole('button', { name: 'Allow' })).toBeVisible();
  problems.push(...(await problemsOn(page, "Salesforce's consent page")));
  expect(problems).toEqual([]);
  await context.close();
});

test('at 375 px, axe-clean: Salesforce steps 3–5, light and dark', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    colorScheme: 'dark',
  });
  const page = await context.newPage();
  const wizard = new Wizard(page);
  await toConsent(wizard);
  await wizard.button('Allow').click();
  await wizard.link('Next: create the instance').click();
  const problems = await problemsOn(page, 'step 3 (dark)');
  await page.getByLabel('Instance name').fill(`narrow-sf-${Date.now()}`);
  await wizard.button('Create instance').click();
  await expect(page.getByText(/Instance “.*” created\./)).toBeVisible();
  await wizard.link('Next: see your instance token').click();
  await expect(page.getByTestId('secret-value')).toBeVisible();
  problems.push(...(await problemsOn(page, 'step 4 (dark)')));
  await page.emulateMedia({ colorScheme: 'light' });
  await wizard.link('Next: try it with a real call').click();
  await wizard.button('Call through the instance').click();
  await expect(page.getByTestId('try-it-items')).toBeVisible();
  problems.push(...(await problemsOn(page, 'step 5')));
  expect(problems).toEqual([]);
  await context.close();
});
