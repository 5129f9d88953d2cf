import { ELEMENTS, KINDS } from '@cew/shared';
import { DEMO_CREDENTIALS, demoApp } from '@cew/shared/sandbox-credentials';
import {
  type APIRequestContext,
  test as base,
  expect,
  type Locator,
  type Page,
} from '@playwright/test';

/**
 * The sandbox's demo secrets, from the descriptors: the platform's, and every app secret (and an
 * OAuth 1.0a key). None may ever reach the browser, in any form.
 */
export const DEMO_SECRETS = [
  DEMO_CREDENTIALS.userSecret,
  DEMO_CREDENTIALS.orgSecret,
  ...Object.values(ELEMENTS).flatMap((element) => {
    const app = KINDS[element.authType].app;
    if (!app) return [];
    const { apiKey, apiSecret } = demoApp(element.env);
    return [apiSecret, ...(app.keyPublic ? [] : [apiKey])];
  }),
];

/**
 * The sandbox's demo values of the secrets a person types (a basic element's key). The sandbox
 * publishes them (the README, the form's demo button), so only what comes back after they are
 * typed counts: no reply of the flow or instance API may carry one.
 */
export const TYPED_SECRETS = Object.values(ELEMENTS).flatMap((element) =>
  element.fields.flatMap((f) => (f.secret && f.sandboxValue ? [f.sandboxValue] : [])),
);
export const AFTER_TYPING = /\/api\/(flow|instances|labs)\b/;

/** The wizard as a person sees it: role-based locators and the actions of each step. */
export class Wizard {
  /** Every reply the browser received, headers and body, to search for leaked secrets. */
  readonly received: { url: string; text: string }[] = [];
  private readonly pending: Promise<void>[] = [];

  constructor(readonly page: Page) {
    page.on('response', (response) => {
      const read = async () => {
        // A reply still arriving when the test ends can no longer be read: skip it, not fail.
        const headers = await response.allHeaders().then(JSON.stringify, () => null);
        if (headers === null) return;
        const body = await response.text().catch(() => '');
        this.received.push({ url: response.url(), text: `${headers}\n${body}` });
      };
      this.pending.push(read());
    });
  }

  heading = (name: string | RegExp) => this.page.getByRole('heading', { level: 2, name });
  button = (name: string | RegExp) => this.page.getByRole('button', { name });
  link = (name: string | RegExp) => this.page.getByRole('link', { name });
  exchangeStatus = () => this.page.getByTestId('exchange-status').last();
  /** The current page's own heading (the diagram beside it has headings too). */
  stepTitle = () => this.page.locator('h2#step-title');

  /**
   * The first use of each glossary term in the page's introduction links to its meaning: the
   * first text that names it sits inside that term's link. Returns the terms found, so a page
   * that names none cannot pass unnoticed.
   */
  async expectTermsLinked(expected: string[]) {
    const intro = this.page.locator('article .intro').first();
    await expect(intro).toBeVisible();
    const found = await intro.evaluate((root) => {
      const words: Record<string, RegExp> = {
        bff: /\bBFF\b/,
        element: /\belements?\b/,
        hub: /\bhubs?\b/,
        instance: /\binstances?\b(?! token)/,
        'instance-token': /\binstance tokens?\b/,
        state: /^state$/,
      };
      const result: Record<string, string> = {};
      for (const [id, word] of Object.entries(words)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!word.test(node.textContent ?? '')) continue;
          // Its own link, or a longer term's that it is part of (the header naming the token).
          const link = node.parentElement?.closest('a.term');
          result[id] = link ? 'linked' : `not linked: "${node.textContent}"`;
          break;
        }
      }
      return result;
    });
    expect(found).toEqual(Object.fromEntries(expected.map((id) => [id, 'linked'])));
  }

  /**
   * Every control a finger must hit is at least 24 × 24 px (WCAG 2.5.8): buttons, boxes, selects,
   * folds, the step bar and its "change", the diagram's hop links. (Links inside running text
   * are exempt, as the criterion exempts them.)
   */
  async expectTouchTargets() {
    const small = await this.page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'button, input[type=checkbox], input[type=radio], select, summary, .stepper a, .element-line a, .sequence-label a',
        ),
      ]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(
          ({ el, box }) =>
            `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        ),
    );
    expect(small).toEqual([]);
  }

  /** With SCREENSHOTS=1, saves the page for the README (docs/images/NAME.png). */
  async snap(name: string) {
    if (!process.env.SCREENSHOTS) return;
    await this.page.screenshot({ path: `../docs/images/${name}.png`, fullPage: true });
  }

  /** With SCREENSHOTS=1, saves what the window shows now, at its own size (a phone's screen). */
  async snapView(name: string) {
    if (!process.env.SCREENSHOTS) return;
    await this.page.screenshot({ path: `../docs/images/${name}.png` });
  }

  /** With SCREENSHOTS=1, saves the page's first screen (the viewport) for the README. */
  async snapScreen(name: string) {
    if (!process.env.SCREENSHOTS) return;
    const size = this.page.viewportSize();
    // A laptop's screen: the step and the diagram beside it, as a person first sees them, from
    // the step's top (after an action the page has brought its result up).
    await this.page.setViewportSize({ width: 1280, height: 960 });
    await this.page.evaluate(() => window.scrollTo(0, 0));
    await this.page.screenshot({ path: `../docs/images/${name}.png` });
    if (size) await this.page.setViewportSize(size);
  }

  /** With SCREENSHOTS=1, saves one part of the page for the README. */
  async snapPart(part: Locator, name: string) {
    if (!process.env.SCREENSHOTS) return;
    await part.screenshot({ path: `../docs/images/${name}.png` });
  }

  /** The first screen, where a new visitor lands: choose the element (Twitter's is the guide's). */
  async open(element = 'Twitter') {
    await this.page.goto('/start');
    await expect(this.heading('Choose an element to provision')).toBeVisible();
    // The card's name, then its kind: "Salesforce" is not "Salesforce Files".
    const name = element.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await this.page.getByRole('button', { name: new RegExp(`^${name} (OAuth|Basic)`) }).click();
    // Step 1's code loads on this click: a test that goes offline next must not cut that load.
    await expect(this.page.getByText(/^Step 1 of \d$/)).toBeVisible();
    await expect(this.stepTitle()).not.toHaveText('Choose an element to provision');
  }

  /**
   * Any element's whole flow, from the choice to a first call through its instance, as a person
   * walks it: each step's page says what to do next, and its heading says which step it is.
   */
  async walkToTryIt(element: string, instanceName: string) {
    await this.open(element);
    for (let step = 0; step < 8; step++) {
      const heading = (await this.stepTitle().textContent()) ?? '';
      if (heading === 'Get a request token') {
        await this.getRequestToken();
        await this.link('Next: get the authorization URL').click();
      } else if (heading === 'Get the authorization URL') {
        const demo = this.button("Fill in the sandbox's demo values");
        if (await demo.isVisible()) await demo.click();
        await this.button('Get authorization URL').click();
        await expect(this.page.getByTestId('oauth-url')).toBeVisible();
        await this.link('Next: ask for consent').click();
      } else if (heading.startsWith('Consent on')) {
        await this.button(/consent page/).click();
        await this.button(/^(Authorize app|Allow)$/).click();
        await expect(this.page.getByText('Access granted.')).toBeVisible();
        await this.link('Next: create the instance').click();
      } else if (heading.endsWith('credentials')) {
        await this.button("Fill in the sandbox's demo values").click();
        await this.button('Next: create the instance').click();
      } else if (heading === 'Create the instance') {
        await this.page.getByLabel('Instance name').fill(instanceName);
        await this.button('Create instance').click();
        await expect(this.page.getByText(`Instance “${instanceName}” created.`)).toBeVisible();
        await this.link('Next: see your instance token').click();
      } else if (heading === 'Your instance token') {
        await this.link('Next: try it with a real call').click();
      } else if (heading.startsWith('Try it')) {
        await this.button('Call through the instance').click();
        await expect(this.page.getByTestId('try-it-items')).toBeVisible();
        return;
      } else {
        throw new Error(`No way on from the step “${heading}”`);
      }
      await expect(this.stepTitle()).not.toHaveText(heading);
    }
    throw new Error(`${element}: try-it not reached in eight steps`);
  }

  /** Sandbox mode: pick a failure-lab scenario before step 1. */
  async chooseScenario(id: string) {
    await this.page.getByLabel('Failure lab (sandbox only)').selectOption(id);
  }

  async getRequestToken() {
    await this.button('Get request token').click();
    await expect(this.page.getByTestId('request-token')).toBeVisible();
  }

  async getAuthorizationUrl() {
    await this.link('Next: get the authorization URL').click();
    await this.button('Get authorization URL').click();
    await expect(this.page.getByTestId('oauth-url')).toBeVisible();
  }

  async goToConsentPage() {
    await this.link('Next: ask for consent').click();
    await this.button(/consent page/).click();
    await expect(
      this.page.getByRole('heading', { name: /(Authorize|Allow) .* to access your/ }),
    ).toBeVisible();
  }

  /**
   * Twitter's steps 1–2, then the consent page with one of the callback's labs chosen (`lab`, its
   * label), and Authorize app: the lab has the callback when this returns.
   */
  async authorizeWithLab(lab: RegExp) {
    await this.open();
    await this.getRequestToken();
    await this.getAuthorizationUrl();
    await this.link('Next: ask for consent').click();
    await this.page.getByLabel(lab).check();
    await this.button(/consent page/).click();
    await this.button('Authorize app').click();
  }

  /** Steps 1–3 from a fresh page: request token, authorization URL, and access granted. */
  async throughConsent() {
    await this.open();
    await this.getRequestToken();
    await this.getAuthorizationUrl();
    await this.goToConsentPage();
    await this.button('Authorize app').click();
    await expect(this.page.getByText('Access granted.')).toBeVisible();
  }

  async createInstance(name: string) {
    await this.link('Next: create the instance').click();
    await this.page.getByLabel('Instance name').fill(name);
    await this.button('Create instance').click();
    await expect(this.page.getByText(`Instance “${name}” created.`)).toBeVisible();
  }

  /**
   * Fails if any of `secrets`, plain, URL-encoded or base64, reached the browser. Waits for every
   * reply seen so far to be read, and fails too if it scanned no API reply at all: a check that
   * looked at nothing proves nothing.
   */
  async expectNoSecretReceived(secrets: string[] = DEMO_SECRETS, from = /./) {
    await Promise.all(this.pending);
    const apiReplies = this.received.filter((r) => r.url.includes('/api/')).length;
    expect(apiReplies, 'no reply of the API was scanned').toBeGreaterThan(0);
    const everything = this.received
      .filter((r) => from.test(r.url))
      .map((r) => r.text)
      .join('\n');
    for (const secret of secrets) {
      const forms = [
        secret,
        encodeURIComponent(secret),
        new URLSearchParams({ v: secret }).toString().slice(2),
        Buffer.from(secret).toString('base64'),
      ];
      for (const form of forms) {
        expect(everything, `secret ${secret} reached the browser`).not.toContain(form);
      }
    }
  }
}

/** Steps 1–4 through the API alone (the page's cookies), as the wizard makes them: a new instance. */
export async function createInstanceThroughApi(api: APIRequestContext, name: string) {
  await api.post('/api/flow/request-token', { data: { element: 'twitter' } });
  const { oauthUrl } = await (await api.post('/api/flow/authorize-url', { data: {} })).json();
  const consent = await api.post(oauthUrl, {
    form: {
      oauth_token: new URL(oauthUrl).searchParams.get('oauth_token') ?? '',
      decision: 'allow',
    },
    maxRedirects: 0,
  });
  const callback = Object.fromEntries(new URL(consent.headers().location ?? '').searchParams);
  await api.post('/api/flow/callback', { data: callback });
  const created = await api.post('/api/flow/instance', { data: { name, tags: ['a', 'b'] } });
  expect(created.status()).toBe(200);
}

export const test = base.extend<{ wizard: Wizard }>({
  wizard: async ({ page }, use) => {
    await use(new Wizard(page));
  },
});

export { expect };
