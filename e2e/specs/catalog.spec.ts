import { AFTER_TYPING, expect, test } from '../fixtures';

/**
 * Any element Cloud Elements documents, walked from its definition alone: the sandbox serves the
 * documented catalog as definitions, and the wizard derives each element's steps from it.
 */
test('the choice finds any documented element by name, key or hub, and says which it cannot walk', async ({
  page,
  wizard,
}) => {
  await page.goto('/start');
  await expect(wizard.heading('Choose an element to provision')).toBeVisible();
  const cards = page.locator('.element-card');
  // The guided five first, then well over a hundred from the catalog.
  await expect(cards.first()).toContainText('Twitter');
  expect(await cards.count()).toBeGreaterThan(100);
  await expect(cards.nth(4)).toContainText('guided');
  await page.getByLabel('Search').fill('close');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Close.io');
  await expect(page.getByText(/^1 of \d+ elements offered$/)).toBeVisible();
  await wizard.snapScreen('catalog-search');
  await page.getByLabel('Search').fill('crm');
  expect(await cards.count()).toBeGreaterThan(10);
  // Those it cannot walk are listed apart, each with the reason.
  await page.getByLabel('Search').fill('');
  const unavailable = page.locator('details.unavailable');
  await unavailable.locator('summary').click();
  await expect(unavailable).toContainText('does not say how it authenticates');
});

test('one catalog element of each kind walks to try-it from its definition alone', async ({
  page,
  wizard,
}) => {
  test.setTimeout(180_000);
  for (const [name, key, first] of [
    ['Close.io', 'closeio', 'Your Close.io credentials'],
    ['Greenhouse', 'greenhouse', 'Your Greenhouse credentials'],
    ['Pardot', 'pardot', 'Your Pardot credentials'],
    ['FreshBooks Classic', 'freshbooks', 'Get a request token'],
    ['Clover', 'clover', 'Get the authorization URL'],
  ] as const) {
    await wizard.open(name);
    // Its first step says what came from Cloud Elements' definition, not from anyone's teaching.
    await expect(page.getByLabel("From Cloud Elements' definition")).toContainText(
      `GET /elements/${key}`,
    );
    if (key === 'clover') await wizard.snapScreen('catalog-first-step');
    await wizard.walkToTryIt(name, `e2e-catalog-${key}-${Date.now()}`);
    await expect(page.getByText(/It works\./)).toBeVisible();
    // The hub's sample records, each named by its first values (no record shows blank).
    await expect(page.getByTestId('try-it-items').locator('li strong').first()).toHaveText(/\w/);
    if (key === 'closeio') await wizard.snapScreen('catalog-try-it');
    // Start over lands on this element's own first step, and a reload stays there.
    await wizard.button('Start over').first().click();
    await expect(wizard.stepTitle()).toHaveText(first);
    await expect(page).toHaveURL(new RegExp(`element=${key}`));
    await page.reload();
    await expect(wizard.stepTitle()).toHaveText(first);
  }
  await wizard.expectNoSecretReceived();
});

test('an OAuth 2.0 element with no app on the server: the person types their app’s key and secret', async ({
  page,
  wizard,
}) => {
  await wizard.open('HubSpot CRM');
  await expect(wizard.heading('Get the authorization URL')).toBeVisible();
  const secret = page.getByLabel(/^Your app's client secret/);
  await expect(secret).toHaveAttribute('type', 'password');
  // The callback URL to register is on the page.
  await expect(page.getByText(/oauth\/callback/).first()).toBeVisible();
  await wizard.walkToTryIt('HubSpot CRM', `e2e-typed-app-${Date.now()}`);
  // The typed secret never comes back in clear.
  await wizard.expectNoSecretReceived(['sandbox-hubspotcrm-api-secret'], AFTER_TYPING);
});

test('the choice mid-flow says which flow it leaves, and leads back to it', async ({
  page,
  wizard,
}) => {
  await wizard.walkToTryIt('Close.io', `e2e-back-${Date.now()}`);
  await wizard.link('change').first().click();
  const notice = page.getByTestId('flow-in-progress');
  await expect(notice).toContainText('You have a Close.io flow in progress');
  await notice.getByRole('link', { name: 'Back to the Close.io flow' }).click();
  await expect(wizard.stepTitle()).toHaveText('Try it: a first call through the instance');
});
