import { expect, test } from '../fixtures';
import { CANARY, LIVE_DOWN_URL, STANDALONE_SANDBOX_URL } from '../servers';

test('live mode: the whole flow against the standalone sandbox, with no secret in the browser', async ({
  wizard,
  page,
}) => {
  await wizard.open();
  await expect(page.getByTestId('mode')).toHaveText('Live mode');
  await wizard.getRequestToken();
  await wizard.getAuthorizationUrl();
  await expect(page.getByTestId('oauth-url')).toContainText(STANDALONE_SANDBOX_URL);
  await wizard.goToConsentPage();
  expect(page.url()).toContain(STANDALONE_SANDBOX_URL);
  await wizard.button('Authorize app').click();
  await expect(page.getByText('Access granted.')).toBeVisible();
  await wizard.createInstance(`live-e2e-${Date.now()}`);
  await wizard.link('Next: see your instance token').click();
  await expect(page.getByTestId('secret-value')).toBeVisible();
  await wizard.link('Next: try it with a real call').click();
  await wizard.button('Call through the instance').click();
  await expect(page.getByTestId('statuses').getByRole('listitem')).toHaveCount(5);

  // The exchanges show where the secrets went, as markers only.
  await wizard.link(/Create instance/).click();
  await expect(
    page.getByText('User <CE_USER_SECRET>, Organization <CE_ORG_SECRET>').first(),
  ).toBeVisible();
  await wizard.expectNoSecretReceived(Object.values(CANARY));
});

test('live mode: Cloud Elements down is shown with what to do', async ({ wizard, page }) => {
  await page.goto(LIVE_DOWN_URL);
  await wizard.button('Get request token').click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Failed (502)');
  await expect(alert).toContainText('Could not reach Cloud Elements at 127.0.0.1:9 (ECONNREFUSED)');
  await expect(alert).toContainText('What you can do:');
  // The failed exchange is shown with it, and no reply came.
  await expect(alert.getByTestId('exchange-status')).toHaveText('no reply');
  await wizard.expectNoSecretReceived(Object.values(CANARY));
});
