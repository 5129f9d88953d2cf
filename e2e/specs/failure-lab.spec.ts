import type { APIRequestContext } from '@playwright/test';
import { expect, test, type Wizard } from '../fixtures';
import { SANDBOX_MODE_URL } from '../servers';

/** The sandbox's instances, read as a Cloud Elements client would (demo credentials). */
async function instanceCount(request: APIRequestContext): Promise<number> {
  const res = await request.get('/sandbox/elements/api-v2/instances', {
    headers: {
      authorization: 'User sandbox-user-secret-0000, Organization sandbox-org-secret-0000',
    },
  });
  expect(res.status()).toBe(200);
  return ((await res.json()) as unknown[]).length;
}

/** Steps 1–3 with consent granted, then step 4 with the given name. */
async function throughToCreate(wizard: Wizard, name: string) {
  await wizard.getRequestToken();
  await wizard.getAuthorizationUrl();
  await wizard.goToConsentPage();
  await wizard.button('Authorize app').click();
  await expect(wizard.page.getByText('Access granted.')).toBeVisible();
  await wizard.link('Next: create the instance').click();
  await wizard.page.getByLabel('Instance name').fill(name);
  await wizard.button('Create instance').click();
}

const atStepFour: Expected[] = [
  {
    id: 'expired-token',
    status: 400,
    message: 'Invalid or expired token',
    note: 'expires before it is exchanged',
    advice: 'start over for a fresh one',
    broke: 'refused (Cloud Elements passes the reason on)',
  },
  {
    id: 'tampered-verifier',
    status: 400,
    message: 'Invalid oauth_verifier',
    note: 'exact verifier it issued',
    advice: 'start over for a fresh one',
    broke: 'refused (Cloud Elements passes the reason on)',
  },
  {
    id: 'wrong-secret',
    status: 401,
    message: 'Invalid Organization or User secret',
    note: 'check CE_USER_SECRET and CE_ORG_SECRET against your Cloud Elements profile page',
    advice: 'The failure lab made Cloud Elements refuse your secrets this time; they are fine.',
    broke: '401 error',
  },
  {
    id: 'missing-config',
    status: 400,
    message: 'Missing required configuration entries: oauth.callback.url',
    note: 'names every missing entry',
    advice: 'Correct what Cloud Elements’ message names, then press Create instance again',
    broke: '400 error',
  },
  {
    id: 'name-taken',
    status: 409,
    message: 'already exists',
    note: 'Instance names are unique',
    advice: 'the same token still works',
    broke: '409 error',
  },
];

type Expected = {
  id: string;
  status: number;
  message: string;
  note: string;
  /** What the person is told to do: written for this cause, not a catch-all. */
  advice: string;
  /** The diagram's label on the hop where it broke. */
  broke: string;
};

const atStepOne: Expected[] = [
  {
    id: 'ce-down',
    status: 502,
    message: 'Cloud Elements failed on its side',
    note: 'turned it into a 502',
    advice: 'not in your input',
    broke: '500 error',
  },
  {
    id: 'ce-slow',
    status: 504,
    message: 'did not answer within 2 s',
    note: 'answered 504',
    advice: 'Wait a moment and press the button again',
    broke: 'GET /elements/twitter/oauth/token: no reply in time',
  },
];

/** One scenario end to end: the error, its explanation, and no instance made. */
for (const [scenarios, step] of [
  [atStepOne, 1],
  [atStepFour, 4],
] as const) {
  for (const scenario of scenarios) {
    test(`failure lab: ${scenario.id} fails step ${step} with ${scenario.status} and an explanation`, async ({
      wizard,
      page,
      request,
    }) => {
      const before = await instanceCount(request);
      await wizard.open();
      await wizard.chooseScenario(scenario.id);
      if (step === 1) await wizard.button('Get request token').click();
      else await throughToCreate(wizard, `lab-${scenario.id}-${Date.now()}`);
      if (scenario.id === 'ce-slow') {
        // While it waits: how long so far, and how long the BFF will wait.
        await expect(page.getByTestId('pending-clock')).toContainText('waits up to 2 s');
      }
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(`Failed (${scenario.status})`);
      await expect(alert).toContainText(scenario.message);
      await expect(alert.getByTestId('advice')).toContainText(scenario.advice);
      await expect(
        page.getByTestId('sequence-diagram').locator('[data-outcome="failed"]').first(),
      ).toContainText(scenario.broke);
      const note = page.getByTestId('scenario-note');
      await expect(note).toContainText(scenario.note);
      await expect(note).toContainText('How a real integration should handle it.');
      // A flow exists (and shows its scenario) only once step 1 succeeded.
      if (step === 4) await expect(page.getByTestId('scenario-badge')).toBeVisible();
      expect(await instanceCount(request)).toBe(before);
      if (step === 1) {
        // The lab says how to leave it, and leaving it makes the same button work.
        await note.getByRole('button', { name: 'Leave the failure lab' }).click();
        await expect(page.getByLabel('Failure lab (sandbox only)')).toHaveValue('none');
        await wizard.getRequestToken();
      } else if (scenario.id !== 'name-taken') {
        await expect(
          note.getByRole('button', { name: 'Start over without the failure lab' }),
        ).toBeVisible();
      }
      if (scenario.id === 'name-taken') {
        // As with a real 409: another name, the same token, and the instance is made.
        const retry = `lab-name-taken-retry-${Date.now()}`;
        await page.getByLabel('Instance name').fill(retry);
        await wizard.button('Create instance').click();
        await expect(page.getByText(`Instance “${retry}” created.`)).toBeVisible();
        expect(await instanceCount(request)).toBe(before + 1);
      }
    });
  }
}

test('failure lab: the person cancels, the denial is explained', async ({
  wizard,
  page,
  request,
}) => {
  const before = await instanceCount(request);
  await wizard.open();
  await wizard.chooseScenario('cancel');
  await wizard.getRequestToken();
  await wizard.getAuthorizationUrl();
  await wizard.goToConsentPage();
  await expect(page.getByRole('note')).toContainText('press Cancel');
  await wizard.button('Cancel').click();
  await expect(page.getByTestId('denied')).toContainText('Access was denied.');
  await expect(page.getByTestId('scenario-note')).toContainText('Treat denied as a normal outcome');
  expect(await instanceCount(request)).toBe(before);
});

test('sandbox: the hidden leg shows how Cloud Elements signed its calls to Twitter', async ({
  wizard,
  page,
}) => {
  await wizard.open();
  await wizard.getRequestToken();
  const leg = page.getByRole('region', {
    name: 'Cloud Elements → Twitter: POST /oauth/request_token',
  });
  await expect(leg).toBeVisible();
  await expect(leg.getByTestId('signing-key')).toHaveText('<TWITTER_API_SECRET>&');
  await expect(leg).toContainText('token secret (empty here: no token exists yet');
  await expect(leg.getByTestId('signature')).toHaveText(/^[A-Za-z0-9+/]{27}=$/);
  await expect(
    leg.getByRole('region', { name: 'request_token signature base string' }),
  ).toContainText(
    `POST&${encodeURIComponent(`${SANDBOX_MODE_URL}/sandbox/twitter/oauth/request_token`)}&`,
  );
  // The words of the walkthrough are explained where they first appear.
  await expect(leg).toContainText('oauth_version says 1.0: OAuth 1.0a kept the number');
  await leg.getByRole('link', { name: 'signature base string' }).click();
  await expect(page.locator('#signature')).toHaveClass('glossary-current');
  await expect(page.locator('#signature')).toContainText('HMAC-SHA1 is a keyed hash');
  await page.goBack();
  await wizard.getAuthorizationUrl();
  await wizard.goToConsentPage();
  await wizard.button('Authorize app').click();
  await wizard.createInstance(`leg-${Date.now()}`);
  const access = page.getByRole('region', {
    name: 'Cloud Elements → Twitter: POST /oauth/access_token',
  });
  await expect(access.getByTestId('signing-key')).toHaveText(
    '<TWITTER_API_SECRET>&<REQUEST_TOKEN_SECRET>',
  );
  await expect(access).not.toContainText('empty here');
  await expect(access).toContainText('oauth_token_secret=<ACCESS_TOKEN_SECRET>');
  await wizard.expectNoSecretReceived();
});
