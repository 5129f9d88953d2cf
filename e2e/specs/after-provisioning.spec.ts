import { createInstanceThroughApi, expect, test } from '../fixtures';

test('after provisioning: settings sent, a call through the instance, then the instance deleted', async ({
  wizard,
  page,
}) => {
  const name = `after-${Date.now()}`;
  await wizard.throughConsent();
  await wizard.link('Next: create the instance').click();

  // Optional settings go into configuration, as strings, and are explained.
  await page.getByText('Optional instance settings (sent in configuration)').click();
  await page.getByLabel('event.poller.refresh_interval').fill('30');
  await page.getByLabel('filter.response.nulls').selectOption('false');
  await expect(page.getByRole('region', { name: 'Body to be sent' })).toContainText(
    '"event.poller.refresh_interval": "30"',
  );
  await page.getByLabel('Instance name').fill(name);
  await wizard.button('Create instance').click();
  await expect(page.getByText(`Instance “${name}” created.`)).toBeVisible();
  await expect(page.getByLabel('request body', { exact: true })).toContainText(
    '"filter.response.nulls": "false"',
  );

  // Try it: one real call through the instance, with its token hidden in the exchange.
  await wizard.link('Next: see your instance token').click();
  await wizard.link('Next: try it with a real call').click();
  await wizard.button('Call through the instance').click();
  await expect(page.getByTestId('try-it-items').getByRole('listitem')).toHaveCount(5);
  await expect(page.getByText('Element <INSTANCE_TOKEN>').first()).toBeVisible();

  // The instances page lists it; deleting asks first.
  await wizard.link('Your instances').click();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('twitter');
  await row.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(row).toContainText(`Delete “${name}”?`);
  await row.getByRole('button', { name: 'Keep it' }).click();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: `Delete ${name}` }).click();
  await row.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByRole('status')).toContainText('Deleted instance');
  await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);

  // The end of a class: every instance the wizard made, deleted in one confirmed go.
  await createInstanceThroughApi(page.request, `${name}-left-behind`);
  await wizard.button('Refresh').click();
  await expect(page.getByRole('row', { name: new RegExp(`${name}-left-behind`) })).toBeVisible();
  const deleteAll = wizard.button(/Delete all instances this wizard made \(\d+\)/);
  await expect(deleteAll).toBeEnabled();
  await deleteAll.click();
  await wizard.button(/Yes, delete all \d+/).click();
  await expect(
    page.getByRole('status').filter({ hasText: /Deleted \d+ instances; kept 0/ }),
  ).toBeVisible();
  await expect(wizard.button('Delete all instances this wizard made (0)')).toBeDisabled();

  // The deleted instance's token no longer works.
  await page.goto('/step/try-it');
  await wizard.button('Call through the instance').click();
  await expect(page.getByRole('alert')).toContainText('Failed (401)');
  await expect(page.getByRole('alert')).toContainText('Invalid Element token');
  await wizard.expectNoSecretReceived();
});
