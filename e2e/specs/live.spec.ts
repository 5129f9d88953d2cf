import { expect, test } from '../fixtures';
import { ACCESS_CODE, CANARY, LIVE_DOWN_URL, STANDALONE_SANDBOX_URL } from '../servers';

test('live mode: the whole flow against the standalone sandbox, with no secret in the browser', async ({
  wizard,
  page,
}) => {
  // Shared with a class: the wizard asks for the access code before anything else.
  await page.goto('/');
  await expect(wizard.heading('Sign in to this wizard')).toBeVisible();
  await page.getByLabel('Access code').fill('a wrong guess');
  await wizard.button('Sign in').click();
  await expect(page.getByRole('alert')).toContainText('That access code is not right');
  await page.getByLabel('Access code').fill(ACCESS_CODE);
  await wizard.button('Sign in').click();
  // This server offers several elements: signing in on `/` leads to the screen that asks which
  // (not to a page that failed because the list, refused before, was still loading again).
  await expect(wizard.heading('Choose an element to provision')).toBeVisible();
  await wizard.open('Twitter');
  await expect(wizard.heading('Get a request token')).toBeVisible();
  await expect(page.getByTestId('mode')).toHaveText('Live mode');
  await expect(page.locator('.banner')).toHaveCount(0);
  expect(await (await page.request.get('/step/request-token')).text()).not.toContain(
    'data-sandbox-only',
  );
  await wizard.getRequestToken();
  await wizard.getAuthorizationUrl();
  await expect(page.getByTestId('oauth-url')).toContainText(STANDALONE_SANDBOX_URL);
  await wizard.goToConsentPage();
  expect(page.url()).toContain(STANDALONE_SANDBOX_URL);
  await wizard.button('Authorize app').click();
  await expect(page.getByText('Access granted.')).toBeVisible();
  await wizard.createInstance(`live-e2e-${Date.now()}`);
  await wizard.link('Next: see your instance token').click();
  // The token is not in the page until asked for; then it is the one the BFF holds.
  await expect(page.getByTestId('secret-value')).toHaveText(/^•+$/);
  await wizard.button('Reveal').click();
  await expect(page.getByTestId('secret-value')).toHaveText(/^[A-Za-z0-9+/]{28}=$/);
  await wizard.link('Next: try it with a real call').click();
  await wizard.button('Call through the instance').click();
  await expect(page.getByTestId('try-it-items').getByRole('listitem')).toHaveCount(5);

  // The exchanges show where the secrets went, as markers only.
  await wizard.link(/Create instance/).click();
  await expect(
    page.getByText('User <CE_USER_SECRET>, Organization <CE_ORG_SECRET>').first(),
  ).toBeVisible();
  await wizard.expectNoSecretReceived(Object.values(CANARY));
});

test('live mode: the Salesforce flow (OAuth 2.0) against the standalone sandbox', async ({
  wizard,
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Access code').fill(ACCESS_CODE);
  await wizard.button('Sign in').click();
  await wizard.open('Salesforce');
  await expect(wizard.heading('Get the authorization URL')).toBeVisible();
  await wizard.button('Get authorization URL').click();
  await expect(page.getByTestId('oauth-url')).toContainText(`${STANDALONE_SANDBOX_URL}/sfdc`);
  await wizard.goToConsentPage();
  await wizard.button('Allow').click();
  await expect(page.getByText('Access granted.')).toBeVisible();
  await wizard.createInstance(`live-sf-${Date.now()}`);
  await wizard.link('Next: see your instance token').click();
  await wizard.link('Next: try it with a real call').click();
  await wizard.button('Call through the instance').click();
  await expect(page.getByTestId('try-it-items').getByRole('listitem')).toHaveCount(5);
  await wizard.expectNoSecretReceived(Object.values(CANARY));
});

test('live mode: Cloud Elements down is shown with what to do', async ({ wizard, page }) => {
  // The catalog is read from Cloud Elements: when it cannot be reached, the choice says so.
  await page.goto(`${LIVE_DOWN_URL}/start`);
  await expect(wizard.heading('Choose an element to provision')).toBeVisible();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Cloud Elements could not be read');
  await expect(alert).toContainText('Could not reach Cloud Elements at 127.0.0.1:9 (ECONNREFUSED)');
  await expect(alert).toContainText('Check that Cloud Elements is reachable, then reload.');
  await expect(page.locator('.element-card')).toHaveCount(0);
  await wizard.expectNoSecretReceived(Object.values(CANARY));
});

test('live mode: an OAuth 2.0 and a custom element known only from their definitions, provisioned', async ({
  wizard,
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByLabel('Access code').fill(ACCESS_CODE);
  await wizard.button('Sign in').click();
  await expect(wizard.heading('Choose an element to provision')).toBeVisible();

  // Clover: no app on this server, a required merchant id; the person types all of it.
  await wizard.open('Clover');
  await expect(wizard.heading('Get the authorization URL')).toBeVisible();
  await expect(page.getByText('Fill in the sandbox', { exact: false })).toHaveCount(0);
  await page.getByLabel(/oauth\.api\.key/).fill('sandbox-clover-api-key');
  await page.getByLabel(/oauth\.api\.secret/).fill('sandbox-clover-api-secret');
  await page.getByLabel(/merchantId/).fill('sandbox-clover-merchantid');
  await page.getByLabel(/clover\.sandbox/).fill('sandbox-clover-clover-sandbox');
  await wizard.button('Get authorization URL').click();
  await expect(page.getByTestId('oauth-url')).toContainText(`${STANDALONE_SANDBOX_URL}/clover`);
  await wizard.link('Next: ask for consent').click();
  await wizard.button(/consent page/).click();
  await wizard.button('Allow').click();
  await expect(page.getByText('Access granted.')).toBeVisible();
  await wizard.createInstance(`live-clover-${Date.now()}`);
  await wizard.link('Next: see your instance token').click();
  await wizard.link('Next: try it with a real call').click();
  await wizard.button('Call through the instance').click();
  await expect(page.getByText(/It works\./)).toBeVisible();

  // Expensify: Cloud Elements' `custom` kind; the typed configuration is the credential.
  await wizard.open('Expensify');
  await page.getByLabel(/partner\.user\.id/).fill('learner');
  await page.getByLabel(/partner\.user\.secret/).fill('sandbox-expensify-partner-user-secret');
  await wizard.button('Next: create the instance').click();
  const name = `live-expensify-${Date.now()}`;
  await page.getByLabel('Instance name').fill(name);
  await wizard.button('Create instance').click();
  await expect(page.getByText(`Instance “${name}” created.`)).toBeVisible();
  await expect(page.locator('body')).not.toContainText('sandbox-expensify-partner-user-secret');
  await wizard.link('Next: see your instance token').click();
  await wizard.link('Next: try it with a real call').click();
  await wizard.button('Call through the instance').click();
  await expect(page.getByText(/It works\./)).toBeVisible();
  await wizard.expectNoSecretReceived(
    [
      'sandbox-clover-api-secret',
      'sandbox-expensify-partner-user-secret',
      ...Object.values(CANARY),
    ],
    /\/api\/(flow|instances|labs)\b/,
  );
});
