import { readFile, writeFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from '../fixtures';
import { printedPages } from '../pdf-pages';

test('the handout: two flows and the comparison, downloaded as Markdown and printed to PDF', async ({
  page,
  wizard,
}) => {
  // A class walks Twitter, then Salesforce, in one tab.
  await wizard.walkToTryIt('Twitter', `handout-twitter-${Date.now()}`);
  const twitterToken = (await (await page.request.get('/api/flow/instance-token')).json()).token;
  await wizard.walkToTryIt('Salesforce', `handout-sfdc-${Date.now()}`);
  const sfdcToken = (await (await page.request.get('/api/flow/instance-token')).json()).token;
  expect(twitterToken).not.toBe(sfdcToken);

  await page.getByRole('banner').getByRole('link', { name: 'Handout' }).click();
  await expect(wizard.heading('Handout')).toBeVisible();
  const paper = page.getByTestId('handout-paper');
  await expect(
    paper.getByRole('heading', { level: 2, name: 'Twitter · OAuth 1.0a' }),
  ).toBeVisible();
  // Each walked flow keeps what Cloud Elements sent its provider behind the scenes: Twitter's
  // signature walkthrough too, though Salesforce's flow is now the one in the cookie.
  for (const provider of ['Twitter', 'Salesforce']) {
    await expect(
      paper
        .getByRole('heading', {
          name: `Behind the scenes: what Cloud Elements sent ${provider} (sandbox only)`,
        })
        .first(),
    ).toBeVisible();
  }
  await expect(paper).toContainText('signature base string');
  await wizard.snapScreen('handout');

  // The Markdown: one .zip, the diagrams as files it links.
  const downloading = page.waitForEvent('download');
  await wizard.button('Download as Markdown (.zip)').click();
  const zip = unzipSync(await readFile((await (await downloading).path()) as string));
  expect(Object.keys(zip).sort()).toEqual([
    'handout.md',
    'sfdc-exchanges.http',
    'sfdc-sequence.svg',
    'twitter-exchanges.http',
    'twitter-sequence.svg',
  ]);
  // The exchanges in full are in the download: every header, every item the pages shorten.
  const twitterHttp = strFromU8(zip['twitter-exchanges.http'] as Uint8Array);
  expect(twitterHttp).toMatch(/content-length: \d+/);
  expect(twitterHttp).toMatch(/GET \/[^\n]*\/hubs\/social\/statuses/);
  expect(strFromU8(zip['twitter-sequence.svg'] as Uint8Array)).toMatch(/^<svg /);
  const md = strFromU8(zip['handout.md'] as Uint8Array);
  // Both flows, in the order walked, each with its summary and its steps in the app's numbers.
  expect(md.indexOf('## Twitter · OAuth 1.0a')).toBeGreaterThan(0);
  expect(md.indexOf('## Salesforce · OAuth 2.0')).toBeGreaterThan(md.indexOf('## Twitter'));
  expect(md).toContain("![The Twitter flow's sequence diagram](twitter-sequence.svg)");
  expect(md).toContain("![The Salesforce flow's sequence diagram](sfdc-sequence.svg)");
  for (const heading of [
    '### Step 1 of 6. Get a request token',
    '### Step 4 of 6. Create the instance',
    '### Step 1 of 5. Get the authorization URL',
    '### Step 2 of 5. Consent on Salesforce, then the callback',
  ]) {
    expect(md).toContain(heading);
  }
  // Each step in the words its page opens with, and its exchanges in full.
  expect(md).toContain('Your app asks Cloud Elements for a temporary **request token**');
  expect(md).toContain('OAuth 2.0 has no request token: the flow starts here.');
  // On the pages a call is the guide's curl line and what came back; as it went, in the download.
  expect(md).toMatch(/curl -X GET[^`]*\/elements\/twitter\/oauth\/token\?/);
  expect(md).toContain('What came back:');
  expect(twitterHttp).toMatch(/\nGET \/[^\n]*\/elements\/twitter\/oauth\/token\?/);
  expect(twitterHttp).toMatch(/\nPOST \/[^\n]*\/instances HTTP\/1\.1/);
  // Who has seen what, and the kinds side by side, as tables.
  expect(md).toMatch(/\| Secret or token \| Browser \| BFF \| Cloud Elements \| Twitter \|/);
  expect(md).toContain('## Three kinds of authentication, side by side');
  // The same row in every column: the calls to Cloud Elements, walked (Twitter's, Salesforce's)
  // or as the kind's model has them (Freshdesk's, not walked here).
  expect(md).toMatch(
    /\| Its calls to Cloud Elements, in order \| GET \/elements\/twitter\/oauth\/token → .* \| GET \/elements\/sfdc\/oauth\/url → POST \/instances → GET \/hubs\/crm\/accounts.* \| POST \/instances → GET \/hubs\/helpdesk\/incidents \|/,
  );
  // No instance token unless asked for: the markers stand in its place.
  expect(md).toContain('<INSTANCE_TOKEN>');
  expect(md).not.toContain(twitterToken);
  expect(md).not.toContain(sfdcToken);

  // Asked for, the current flow's token stands in the handout.
  await page.getByLabel(/Include Salesforce's instance token/).check();
  await expect(paper).toContainText(sfdcToken);
  await page.getByLabel(/Include Salesforce's instance token/).uncheck();
  await expect(paper).not.toContainText(sfdcToken);

  // On paper: nothing folded, no control, each flow's summary on a page of its own.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('details:not([open])')).toHaveCount(0);
  const buttons = await page.getByRole('button').all();
  for (const button of buttons) await expect(button).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  if (process.env.SCREENSHOTS) {
    // The first printed page, as an A4 sheet at 96 dpi shows it.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: '../docs/images/handout-print.png' });
  }
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  if (process.env.HANDOUT_PDF) await writeFile(process.env.HANDOUT_PDF, pdf);
  const pages = await printedPages(new Uint8Array(pdf));
  console.log(
    `handout: ${pages.length} A4 pages, filled ${pages.map((p) => p.filled.toFixed(2)).join(' ')}`,
  );
  // Two summaries, their steps with the exchanges that teach, the comparison.
  expect(pages.length).toBeGreaterThan(3);
  expect(pages.length).toBeLessThanOrEqual(18);
  // No page a trainer would call wasted: each at least a quarter full.
  for (const [number, printed] of pages.entries()) {
    expect(printed.filled, `page ${number + 1} of ${pages.length}`).toBeGreaterThanOrEqual(0.25);
  }
  // Both diagrams on paper, every label of their hops legible: 8 pt or more.
  for (const label of ['POST /instances (User, Organization)', 'GET /elements/sfdc/oauth/url']) {
    const printed = pages.flatMap((p) => p.texts).filter((t) => t.text.includes(label));
    expect(printed.length, label).toBeGreaterThan(0);
    for (const text of printed) expect(text.points, text.text).toBeGreaterThanOrEqual(8);
  }
});
