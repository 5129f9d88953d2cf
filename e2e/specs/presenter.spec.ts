import type { Locator } from '@playwright/test';
import { expect, test, Wizard } from '../fixtures';

/** Wholly on the screen: what a room reads off the projector without anyone scrolling. */
const onScreen = (locator: Locator) => expect(locator).toBeInViewport({ ratio: 1 });

for (const element of ['Twitter', 'Salesforce', 'Freshdesk']) {
  test(`presenter mode at 1024×768: every ${element} step opens at its heading, its button and then its result on the first screen`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    const wizard = new Wizard(page);
    await wizard.open(element);
    await page.keyboard.press('p');
    await expect(page.getByText('Presenter mode:')).toBeVisible();
    const result = page.getByRole('region', { name: 'Result' });
    /** The step's button on the first screen; pressed, its result on the first screen. */
    const press = async (button: Locator) => {
      await onScreen(button);
      await button.click();
      await expect(result).toBeVisible();
      await onScreen(result);
    };
    const seen: string[] = [];
    for (let step = 0; step < 8; step++) {
      const heading = (await wizard.stepTitle().textContent()) ?? '';
      seen.push(heading);
      await onScreen(wizard.stepTitle());
      if (heading === 'Get a request token') {
        // An abbreviation is spelled out at its first use on the page, not only behind a link.
        await expect(page.locator('.intro')).toContainText(
          "BFF (backend-for-frontend: the wizard's own server)",
        );
        await press(wizard.button('Get request token'));
        await onScreen(page.getByTestId('request-token'));
        // Type for the back of the room: the value pointed at, the diagram's labels and key, and
        // the exchange's notes at least as large as the body text.
        const size = (locator: Locator) =>
          locator.first().evaluate((node) => Number.parseFloat(getComputedStyle(node).fontSize));
        const body = await size(page.locator('.shell'));
        expect(body).toBeGreaterThanOrEqual(20);
        for (const part of [
          page.getByTestId('request-token'),
          page.locator('.sequence-label'),
          page.locator('.sequence-key'),
          page.locator('.exchange-note'),
        ]) {
          expect(await size(part)).toBeGreaterThanOrEqual(body);
        }
        await wizard.link('Next: get the authorization URL').click();
      } else if (heading === 'Get the authorization URL') {
        const demo = wizard.button("Fill in the sandbox's demo values");
        if (await demo.isVisible()) await demo.click();
        await press(wizard.button('Get authorization URL'));
        await wizard.link('Next: ask for consent').click();
      } else if (heading.startsWith('Consent on')) {
        await onScreen(wizard.button(/consent page/));
        await wizard.button(/consent page/).click();
        await wizard.button(/^(Authorize app|Allow)$/).click();
        await expect(page.getByText('Access granted.')).toBeVisible();
        await onScreen(result);
        await wizard.link('Next: create the instance').click();
      } else if (heading.endsWith('credentials')) {
        await wizard.button("Fill in the sandbox's demo values").click();
        await onScreen(wizard.button('Next: create the instance'));
        await wizard.button('Next: create the instance').click();
      } else if (heading === 'Create the instance') {
        await page.getByLabel('Instance name').fill(`presenter-${element}-${Date.now()}`);
        await press(wizard.button('Create instance'));
        await wizard.link('Next: see your instance token').click();
      } else if (heading === 'Your instance token') {
        // This step's button is the reveal: the token the trainer points at, on the first screen.
        await onScreen(wizard.button('Reveal'));
        await wizard.button('Reveal').click();
        await expect(page.getByTestId('secret-value')).not.toHaveText(/•|\*/);
        await onScreen(page.getByTestId('secret-value'));
        await wizard.link('Next: try it with a real call').click();
      } else if (heading.startsWith('Try it')) {
        await press(wizard.button('Call through the instance'));
        break;
      } else {
        throw new Error(`No way on from the step “${heading}”`);
      }
      await expect(wizard.stepTitle()).not.toHaveText(heading);
    }
    expect(seen.at(-1)).toMatch(/^Try it/);
    await context.close();
  });
}
