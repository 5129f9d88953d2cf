import { expect, test } from '../fixtures';

test("tampering lab: each changed input refused with Twitter's code, and the flow goes on", async ({
  page,
  wizard,
}) => {
  await wizard.open();
  await wizard.getRequestToken();
  // The request token's life, counted down until step 4 uses it.
  const clock = page.getByTestId('token-clock');
  await expect(clock).toContainText(
    /Request token: (10:00|9:[0-5]\d) left of the sandbox's 10 minutes/,
  );
  // Far down the step, the lab is one link away from the step's result.
  await page.getByRole('button', { name: 'Go to the tampering lab ↓' }).click();
  const labHeading = page.getByRole('heading', { name: /^Tampering lab/ });
  await expect(labHeading).toBeFocused();
  await expect(labHeading).toBeInViewport();
  const outcome = page.getByTestId('tamper-outcome');
  const refusals: [string, RegExp][] = [
    [
      'Change one character of oauth_signature',
      /401 with its error 32: “Could not authenticate you\.”/,
    ],
    ['Send oauth_timestamp an hour old', /401 with its error 135: “Timestamp out of bounds\.”/],
    [
      'Send the same request twice (reuse oauth_nonce)',
      /401 with its error 32: .*Nonce already used/,
    ],
  ];
  for (const [button, refusal] of refusals) {
    await wizard.button(button).click();
    await expect(outcome).toContainText(refusal);
  }
  // The changed parameter is marked in what was sent.
  await outcome.getByText("The Authorization header's parameters, as sent").click();
  await expect(outcome.locator('tr.tamper-changed th')).toHaveText('oauth_nonce');
  await wizard.snapPart(page.locator('.tamper-lab'), 'lab-tampering');

  await wizard.getAuthorizationUrl();
  await wizard.goToConsentPage();
  await wizard.button('Authorize app').click();
  await expect(page.getByText('Access granted.')).toBeVisible();
  await wizard.button('Change one character of oauth_verifier').click();
  await expect(outcome).toContainText('Invalid oauth_verifier');
  await expect(outcome).toContainText('Your flow is untouched');
  // The real verifier still works; the token is spent, so its clock stops.
  await wizard.createInstance(`lab-after-tamper-${Date.now()}`);
  await expect(clock).toBeHidden();
  await wizard.expectNoSecretReceived();
});

test('callback lab: a changed state or oauth_token is refused with the reason; a replay too', async ({
  page,
  wizard,
}) => {
  await wizard.authorizeWithLab(/Lab: stop at the callback/);

  const form = page.getByRole('form', { name: 'The callback, before it is sent' });
  await expect(form).toBeVisible();
  const alert = page.getByRole('alert');
  await form.getByLabel('state', { exact: true }).fill('a-state-from-another-site');
  await form.getByRole('button', { name: 'Send to the BFF' }).click();
  await expect(alert).toContainText("The callback's state does not match this flow's state");
  // The lab lets the values be put back, so the refusal does not send the person to start over.
  await expect(alert.getByTestId('advice')).toContainText('put back what the provider sent');
  await expect(alert).not.toContainText(/start over/i);
  await wizard.snapPart(page.locator('article.step'), 'lab-callback');

  await form.getByRole('button', { name: 'Put back what Twitter sent' }).click();
  await form.getByLabel('oauth_token', { exact: true }).fill('someone-elses-request-token');
  await form.getByRole('button', { name: 'Send to the BFF' }).click();
  await expect(alert).toContainText("The callback's oauth_token is not this flow's request token");

  // A refusal changed nothing: sent as it came, it is accepted.
  await form.getByRole('button', { name: 'Put back what Twitter sent' }).click();
  await form.getByRole('button', { name: 'Send to the BFF' }).click();
  await expect(page.getByText('Access granted.')).toBeVisible();

  await wizard.button('Replay this callback').click();
  await expect(page.getByRole('alert')).toContainText(
    'This callback was already handled (a callback is accepted once)',
  );
  // And the flow goes on.
  await wizard.createInstance(`lab-after-replay-${Date.now()}`);
});

test('you be the BFF: judge the callback first; the BFF then checks and says who was right', async ({
  page,
  wizard,
}) => {
  await wizard.authorizeWithLab(/Lab: you be the BFF/);

  const lab = page.getByRole('region', { name: /You be the BFF/ });
  await expect(lab).toBeVisible();
  // Back from the provider, focus starts at the lab (not on the page's body).
  await expect(lab).toBeFocused();
  // What this flow sent and what came back, side by side: the same state, the same token.
  const sent = await lab.getByTestId('sent-state').textContent();
  await expect(lab.getByTestId('back-state')).toHaveText(sent ?? '');
  await expect(lab.getByTestId('back-oauth_token')).toHaveText(
    (await lab.getByTestId('sent-oauth_token').textContent()) ?? '',
  );
  // A forged callback, accepted: wrong, and the BFF's refusal says why.
  await lab.getByRole('button', { name: /Swap in a forged callback/ }).click();
  await expect(lab.getByTestId('back-state')).not.toHaveText(sent ?? '');
  await wizard.snapPart(lab, 'lab-be-the-bff');
  await lab.getByRole('button', { name: "Accept: it is this browser's" }).click();
  const verdict = page.locator('.judge-verdict');
  await expect(verdict).toContainText('Not this time.');
  await expect(verdict).toContainText("refused it: The callback's state does not match");
  await expect(verdict).toContainText('state: they differ at character');
  await expect(verdict).toBeFocused();
  // The diagram draws the refusal where it happened, with its reason on the hop.
  await expect(page.getByTestId('sequence-diagram').locator('[data-outcome="failed"]')).toHaveText(
    /403: the callback's state does not match this flow's state/,
  );
  // The refusal changed nothing: the real callback, judged right, is accepted and the flow goes on.
  await wizard.button(/Judge again/).click();
  await expect(lab.getByTestId('back-state')).toHaveText(sent ?? '');
  await lab.getByRole('button', { name: "Accept: it is this browser's" }).click();
  await expect(verdict).toContainText('Right.');
  await expect(verdict).toContainText('the BFF accepted it');
  await wizard.button("Go on: the callback's outcome").click();
  await expect(page.getByText('Access granted.')).toBeVisible();
  // The step lists the whole attempt: the redirect, the forged callback refused, the real one.
  await expect(
    page.getByRole('region', { name: 'What happened' }).getByTestId('exchange-status'),
  ).toHaveText(['302', '403', '200']);
  await wizard.createInstance(`lab-judged-${Date.now()}`);
});

test('you be the BFF: refusing the real callback is wrong, and the BFF accepts it anyway', async ({
  page,
  wizard,
}) => {
  await wizard.open('Salesforce');
  await wizard.button('Get authorization URL').click();
  await wizard.link('Next: ask for consent').click();
  await page.getByLabel(/Lab: you be the BFF/).check();
  await wizard.button(/consent page/).click();
  await page.getByRole('button', { name: 'Allow' }).click();
  const lab = page.getByRole('region', { name: /You be the BFF/ });
  // OAuth 2.0 binds the callback with state alone.
  await expect(lab.getByTestId('back-oauth_token')).toHaveCount(0);
  await lab.getByRole('button', { name: 'Refuse: it is not' }).click();
  const verdict = page.locator('.judge-verdict');
  await expect(verdict).toContainText('Not this time.');
  await expect(verdict).toContainText('the BFF accepted it');
  await expect(verdict).toContainText('state: the same value came back');
});

test('on the wire: each page ↔ BFF call as sent, its cookie named not shown; what the BFF hid', async ({
  page,
  wizard,
  context,
}) => {
  await wizard.open();
  await wizard.getRequestToken();
  // One exchange, split: what went upstream at each marker, and what this page sees.
  await page.getByText('What the BFF sent upstream, and what your browser sees').click();
  const redactions = page.getByRole('table', { name: 'Secrets replaced by markers' });
  await expect(
    redactions.getByRole('row', {
      name: /query apiSecret .*TWITTER_API_SECRET.*<TWITTER_API_SECRET>/,
    }),
  ).toBeVisible();
  // The same exchange as the HTTP text that went by, request and reply.
  await page.getByText('As it went on the wire (raw HTTP)').click();
  const raw = page.getByRole('region', { name: 'raw HTTP' });
  await expect(raw).toContainText(
    /GET \/sandbox\/elements\/api-v2\/elements\/twitter\/oauth\/token\?\S+ HTTP\/1\.1/,
  );
  await expect(raw).toContainText('HTTP/1.1 200');
  await expect(raw).toContainText('"secret": "<REQUEST_TOKEN_SECRET>"');
  await wizard.getAuthorizationUrl();

  await wizard.link('Timeline').click();
  const wire = page.getByTestId('raw-wire');
  const call = wire.getByRole('listitem').filter({ hasText: 'POST /api/flow/authorize-url' });
  await call.locator('summary').click();
  const sent = call.getByRole('region', { name: 'request POST /api/flow/authorize-url' });
  const reply = call.getByRole('region', { name: 'reply to POST /api/flow/authorize-url' });
  await expect(call.locator('summary')).toContainText(/\d+ ms round trip, timed by this page/);
  await expect(sent).toContainText('POST /api/flow/authorize-url HTTP/1.1');
  await expect(sent).toContainText(/cookie: cew_flow=<sealed, \d+ bytes>/);
  await expect(reply).toContainText('HTTP/1.1 200');
  await expect(reply).toContainText(
    /set-cookie: cew_flow=<sealed, \d+ bytes>; Max-Age=1800; Path=\/api; HttpOnly; SameSite=Lax/,
  );
  await expect(reply).toContainText('"oauthUrl"');
  await wizard.snapPart(call, 'raw-wire');
  // The sealed value itself is nowhere on the page.
  const flowCookie = (await context.cookies()).find((cookie) => cookie.name === 'cew_flow');
  expect(flowCookie?.value.length).toBeGreaterThan(20);
  expect(await page.content()).not.toContain(flowCookie?.value ?? '');
  await wizard.expectNoSecretReceived();
});
