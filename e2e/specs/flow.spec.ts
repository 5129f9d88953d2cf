import type { Request } from '@playwright/test';
import { expect, test } from '../fixtures';

/** A JSON view's text as JSON: the field notes' ⓘ buttons are not part of it. */
const readJson = (text: string | null) => JSON.parse((text ?? '').replaceAll('ⓘ', ''));

/**
 * Where `sent` differs from `preview`, as "path: preview ≠ sent". A placeholder in the preview
 * (`<…>` or `…`: a value only the BFF knows) stands for any string.
 */
function differences(preview: unknown, sent: unknown, path = 'body'): string[] {
  if (typeof preview === 'string' && /<.*>|…/.test(preview)) {
    return typeof sent === 'string' ? [] : [`${path}: ${preview} ≠ ${JSON.stringify(sent)}`];
  }
  if (Array.isArray(preview) && Array.isArray(sent) && preview.length === sent.length) {
    return preview.flatMap((item, i) => differences(item, sent[i], `${path}[${i}]`));
  }
  if (preview && sent && typeof preview === 'object' && typeof sent === 'object') {
    const keys = [...new Set([...Object.keys(preview), ...Object.keys(sent)])];
    return keys.flatMap((key) =>
      differences(
        (preview as Record<string, unknown>)[key],
        (sent as Record<string, unknown>)[key],
        `${path}.${key}`,
      ),
    );
  }
  return preview === sent ? [] : [`${path}: ${JSON.stringify(preview)} ≠ ${JSON.stringify(sent)}`];
}

test('approve: from a fresh browser to an instance token, with every exchange shown', async ({
  wizard,
  page,
}) => {
  await wizard.open();
  await expect(page).toHaveURL(/\/step\/request-token(\?element=\w+)?$/);
  await expect(wizard.heading('Get a request token')).toBeVisible();
  await expect(page.getByTestId('mode')).toHaveText('Sandbox mode');
  // The first paint's boot view (with the sandbox banner) gave way to the page: one banner.
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.locator('.banner')).toHaveCount(1);
  // …and the banner was in the HTML itself, painted before any script ran.
  const html = await (await page.request.get('/step/request-token')).text();
  expect(html).toContain('<p class="banner" data-sandbox-only>Sandbox: a built-in emulator');

  // Each page links the first use of a term to the glossary.
  await wizard.expectTermsLinked(['bff']);

  // Step 1: the exchange is shown, with the app secret replaced by a marker.
  await wizard.getRequestToken();
  await expect(wizard.exchangeStatus()).toHaveText('200');
  await expect(page.getByRole('row', { name: /^apiSecret/ })).toContainText('<TWITTER_API_SECRET>');
  const requestToken = (await page.getByTestId('request-token').textContent()) ?? '';
  await wizard.snapScreen('step-1-request-token');

  // Step 2: the authorization URL carries this flow's token.
  await wizard.getAuthorizationUrl();
  await expect(page.getByTestId('oauth-url')).toContainText(`oauth_token=${requestToken}`);
  await wizard.expectTermsLinked(['bff']);
  await expect(wizard.exchangeStatus()).toHaveText('200');

  // Step 3: the provider's consent page, then back through the callback.
  await wizard.link('Next: ask for consent').click();
  await expect(wizard.heading('Consent on Twitter, then the callback')).toBeVisible();
  await wizard.expectTermsLinked(['bff', 'state']);
  await wizard.button(/consent page/).click();
  await expect(page.getByRole('heading', { name: /Allow .* to access your/ })).toBeVisible();
  await wizard.snap('step-3-consent-page');
  await wizard.button('Authorize app').click();
  await expect(page).toHaveURL(/\/step\/consent(\?element=\w+)?$/);
  await expect(page.getByText('Access granted.')).toBeVisible();
  // Both hops are shown as they happened: Twitter's redirect as the browser saw it, then the
  // browser's call to the BFF; and the verifier did not stay in the address bar.
  const redirect = page.getByRole('region', { name: 'Exchange: POST Browser → Twitter' });
  await expect(redirect.getByTestId('exchange-status')).toHaveText('302');
  await expect(redirect).toContainText('Recorded by your browser');
  const report = page.getByRole('region', { name: 'Exchange: POST Browser → BFF' });
  await expect(report).toContainText('/api/flow/callback');
  await expect(report.getByTestId('exchange-status')).toHaveText('200');
  // Its duration says what the BFF timed (its own handling); the browser's redirect has none.
  await expect(report.locator('.exchange-head')).toContainText(/\d+ ms in the BFF/);
  await expect(redirect.locator('.exchange-head')).not.toContainText(' ms');
  expect(page.url()).not.toContain('oauth_verifier');

  // Step 4: what the preview says will be sent is what was sent (a placeholder stands where only
  // the BFF knows the value); the request token secret is never shown.
  await wizard.link('Next: create the instance').click();
  const name = `e2e-approve-${Date.now()}`;
  await page.getByLabel('Instance name').fill(name);
  await page.getByLabel('Tags (comma-separated, optional)').fill('class-3');
  const preview = readJson(await page.getByLabel('Body to be sent').textContent());
  const created = page.waitForResponse((r) => r.url().endsWith('/api/flow/instance'));
  await wizard.button('Create instance').click();
  await expect(page.getByText(`Instance “${name}” created.`)).toBeVisible();
  // The body as the exchange below shows it: the BFF's record of what it sent.
  const sent = (await (await created).json()).exchange.requestBody;
  expect(differences(preview, sent)).toEqual([]);
  await wizard.snapScreen('step-4-create-instance');
  await expect(page.getByLabel('request body', { exact: true })).toContainText(
    /"secret"ⓘ?: "<REQUEST_TOKEN_SECRET>"/,
  );
  await expect(wizard.exchangeStatus()).toHaveText('200');
  await wizard.expectTermsLinked(['instance']);
  // The card says what its marks mean, each linked to the glossary.
  await expect(page.getByTestId('exchange-key').last()).toContainText('a secret the BFF hid');
  await expect(page.getByTestId('exchange-key').last()).toContainText(
    '********: a secret Cloud Elements itself masks',
  );
  // And how to read a card at all: its badge, its time, ⓘ, the highlights.
  await page.getByRole('link', { name: 'How to read a card' }).click();
  await expect(page.locator('#exchange-card')).toContainText(
    'ms round trip” is a call the BFF made',
  );
  await page.goBack();
  await expect(wizard.heading('Create the instance')).toBeVisible();

  // Step 5: the token, masked until revealed.
  await wizard.link('Next: see your instance token').click();
  await expect(wizard.heading('Your instance token')).toBeVisible();
  await wizard.expectTermsLinked(['instance', 'instance-token']);
  // A term's link opens its meaning; the glossary leads back to the step.
  await page.locator('.intro a.term[data-term="instance-token"]').click();
  await expect(page.locator('#instance-token')).toHaveClass('glossary-current');
  await wizard.link('Back to your step').click();
  await expect(wizard.heading('Your instance token')).toBeVisible();
  const token = page.getByTestId('secret-value');
  await expect(token).toContainText('••••');
  await wizard.snap('step-5-instance-token');
  await wizard.button('Reveal').click();
  await expect(token).not.toContainText('•');
  expect((await token.textContent())?.length).toBeGreaterThan(20);

  await wizard.expectNoSecretReceived();

  // Start over forgets the flow.
  await wizard.button('Start over').first().click();
  await expect(page).toHaveURL(/\/step\/request-token(\?element=\w+)?$/);
  await expect(page.getByTestId('request-token')).toHaveCount(0);
});

test('cancel: a refusal on the consent page is shown as a denial and ends the flow', async ({
  wizard,
  page,
}) => {
  await wizard.open();
  await wizard.getRequestToken();
  await wizard.getAuthorizationUrl();
  await wizard.goToConsentPage();
  await wizard.button('Cancel').click();

  await expect(page).toHaveURL(/\/step\/consent(\?element=\w+)?$/);
  await expect(page.getByTestId('denied')).toContainText('Access was denied.');
  await expect(page.getByTestId('denied')).toContainText('no instance was created');
  // The create step is closed: its link is gone and its page refuses.
  await expect(
    page.getByRole('navigation', { name: 'Steps' }).getByRole('link', { name: /Create instance/ }),
  ).toHaveCount(0);
  await page.goto('/step/create-instance');
  await expect(page.getByText('This step needs the earlier ones first.')).toBeVisible();
  await expect(wizard.button('Create instance')).toHaveCount(0);
  await wizard.expectNoSecretReceived();
});

test('reload: at every step the flow resumes where it was, with every exchange still shown', async ({
  wizard,
  page,
}) => {
  // Which requests carry the flow cookie: the API's, and no page, asset or sandbox stand-in.
  const carried: Promise<{ path: string; flowCookie: boolean } | null>[] = [];
  const watch = (request: Request) => {
    carried.push(
      request.headerValue('cookie').then(
        (cookie) => ({
          path: new URL(request.url()).pathname,
          flowCookie: cookie?.includes('cew_flow=') ?? false,
        }),
        // A request still in flight as the page moves on can no longer be read: it proves nothing.
        () => null,
      ),
    );
  };
  page.on('request', watch);
  /** Reloads, then checks the page still shows its step's exchange and the flow's count. */
  const reloadAndCheck = async (heading: string, exchanges: number) => {
    await page.reload();
    await expect(wizard.heading(heading)).toBeVisible();
    await expect(wizard.exchangeStatus()).toHaveText('200');
    const trail = page.getByRole('navigation', { name: 'Steps' });
    await expect(trail).toBeVisible();
    const timeline = await page.evaluate(() => sessionStorage.getItem('cew-exchanges') ?? '');
    expect((timeline.match(/"parties":/g) ?? []).length).toBe(exchanges);
  };

  await wizard.open();
  await wizard.getRequestToken();
  const requestToken = (await page.getByTestId('request-token').textContent()) ?? '';
  await reloadAndCheck('Get a request token', 1);
  await expect(page.getByTestId('request-token')).toHaveText(requestToken);

  await wizard.getAuthorizationUrl();
  await reloadAndCheck('Get the authorization URL', 2);
  await expect(page.getByTestId('oauth-url')).toContainText(requestToken);

  // Opening the app's root takes the person to the step they are on.
  await page.goto('/');
  await expect(page).toHaveURL(/\/step\/consent(\?element=\w+)?$/);

  // Away to the provider's page and back: the exchanges are still there.
  await wizard.button(/consent page/).click();
  await wizard.button('Authorize app').click();
  await expect(page.getByText('Access granted.')).toBeVisible();
  await reloadAndCheck('Consent on Twitter, then the callback', 4);
  await expect(page.getByText('Access granted.')).toBeVisible();

  await wizard.createInstance('e2e-reload');
  await reloadAndCheck('Create the instance', 5);
  await expect(page.getByText('Instance “e2e-reload” created.')).toBeVisible();

  await wizard.link('Next: see your instance token').click();
  // Route code loads on first visit: the address changes once it has.
  await expect(page).toHaveURL(/\/step\/instance-token(\?element=\w+)?$/);
  await page.reload();
  await expect(page.getByTestId('secret-value')).toBeVisible();
  await expect(page.getByText('e2e-reload').first()).toBeVisible();

  await wizard.link('Next: try it with a real call').click();
  await wizard.button('Call through the instance').click();
  await expect(page.getByTestId('try-it-items')).toBeVisible();
  await reloadAndCheck('Try it: a first call through the instance', 6);

  // The timeline lists all six (step 3 has two: the redirect and the callback call), in order,
  // from this tab's own record.
  await page.goto('/timeline');
  await expect(page.getByText('All 6 exchanges this page received for this flow')).toBeVisible();

  page.off('request', watch);
  const requests = (await Promise.all(carried)).filter((r) => r !== null);
  const withCookie = requests.filter((r) => r.flowCookie).map((r) => r.path);
  expect(withCookie).toContain('/api/flow');
  expect(withCookie).toContain('/api/flow/instance');
  expect(withCookie.filter((path) => !path.startsWith('/api/'))).toEqual([]);
  // The reloads fetched pages and assets, and the consent page came from the sandbox's Twitter.
  expect(requests.some((r) => r.path.startsWith('/assets/'))).toBe(true);
  expect(requests.some((r) => r.path.startsWith('/sandbox/twitter/'))).toBe(true);
});
