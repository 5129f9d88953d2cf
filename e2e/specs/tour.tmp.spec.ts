import { expect, test } from '../fixtures';

const OUT = process.env.TOUR_OUT ?? '/tmp/tour';
const variants = (process.env.TOUR_VARIANTS ?? '1280-light,1280-dark,375-light,375-dark').split(
  ',',
);
for (const element of (process.env.TOUR_ELEMENTS ?? 'Twitter,Salesforce,Freshdesk').split(',')) {
  for (const variant of variants) {
    test(`${element} ${variant}`, async ({ page, wizard }) => {
      test.setTimeout(120_000);
      const [width, scheme] = variant.split('-');
      await page.setViewportSize({ width: Number(width), height: Number(width) > 600 ? 900 : 800 });
      await page.emulateMedia({ colorScheme: scheme as 'light' | 'dark' });
      let n = 0;
      const snap = async (what: string) => {
        n++;
        await page.screenshot({
          path: `${OUT}/${element}-${variant}-${n}-${what}.png`,
          fullPage: true,
        });
      };
      await wizard.open(element);
      const name = `tour-${Date.now()}`;
      for (let step = 0; step < 8; step++) {
        const heading = (await wizard.stepTitle().textContent()) ?? '';
        await snap('before');
        if (heading === 'Get a request token') {
          await wizard.getRequestToken();
          await snap('after');
          await wizard.link('Next: get the authorization URL').click();
        } else if (heading === 'Get the authorization URL') {
          const demo = wizard.button("Fill in the sandbox's demo values");
          if (await demo.isVisible()) await demo.click();
          await wizard.button('Get authorization URL').click();
          await expect(page.getByTestId('oauth-url')).toBeVisible();
          await snap('after');
          await wizard.link('Next: ask for consent').click();
        } else if (heading.startsWith('Consent on')) {
          await wizard.button(/consent page/).click();
          await snap('consent');
          await wizard.button(/^(Authorize app|Allow)$/).click();
          await expect(page.getByText('Access granted.')).toBeVisible();
          await snap('after');
          await wizard.link('Next: create the instance').click();
        } else if (heading.endsWith('credentials')) {
          await wizard.button("Fill in the sandbox's demo values").click();
          await snap('after');
          await wizard.button('Next: create the instance').click();
        } else if (heading === 'Create the instance') {
          await page.getByLabel('Instance name').fill(name);
          await wizard.button('Create instance').click();
          await expect(page.getByText(`Instance “${name}” created.`)).toBeVisible();
          await snap('after');
          await wizard.link('Next: see your instance token').click();
        } else if (heading === 'Your instance token') {
          await wizard.button('Reveal').click();
          await snap('after');
          await wizard.link('Next: try it with a real call').click();
        } else if (heading.startsWith('Try it')) {
          await wizard.button('Call through the instance').click();
          await expect(page.getByTestId('try-it-items')).toBeVisible();
          await snap('after');
          break;
        }
        await expect(wizard.stepTitle()).not.toHaveText(heading);
      }
      await page.goto('/compare');
      await snap('compare');
    });
  }
}
