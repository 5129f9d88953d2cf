import {
  ELEMENTS,
  type ElementKey,
  type ElementView,
  type Exchange,
  fieldMarker,
  type GuidedKey,
  type HoldsRow,
  KINDS,
  type StepId,
} from '@cew/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configuredSecrets } from './secrets';
import { startBff, TestBrowser } from './testing/start-bff';

/**
 * The teaching model of each kind (`KINDS`) against what a walk through the sandbox sends. The
 * diagram, who-holds-what, the comparison and the step texts read the model; this checks the model
 * itself: every call it draws between the browser and the BFF, and between the BFF and Cloud
 * Elements, is made, and every call made is drawn; and each secret or token reaches the browser
 * and the BFF at the step the model says, and never where it says never.
 */

/** What one step put in front of a party (or the reveal, on request): the texts it sent and received. */
type Seen = { step: StepId | 'on-request'; browser: string; bff: string };

/** Each page-to-BFF call, by its path: the step it belongs to (the reveal is on request). */
const STEP_OF: Record<string, Seen['step']> = {
  '/api/flow/request-token': 'request-token',
  '/api/flow/authorize-url': 'authorize-url',
  '/api/flow/callback': 'callback',
  '/api/flow/instance': 'create-instance',
  '/api/flow/try-it': 'try-it',
  '/api/flow/instance-token': 'on-request',
};

/** A walk of an element's flow, step by step, with what each party was shown. */
async function walkRecorded(origin: string, element: ElementView) {
  const browser = new TestBrowser(origin);
  const calls: string[] = [];
  const exchanges: Exchange[] = [];
  const seen: Seen[] = [];
  const call = browser.call.bind(browser);
  browser.call = async (...args: Parameters<TestBrowser['call']>) => {
    const [method, path, body] = args;
    const step = STEP_OF[path];
    if (!step) throw new Error(`${path} belongs to no step`);
    const reply = await call(...args);
    if (step !== 'on-request') calls.push(`${method} ${path}`);
    const exchange = reply.json?.exchange ?? reply.json?.error?.exchange;
    if (exchange) exchanges.push(exchange);
    seen.push({
      step,
      // The browser is shown the reply; the BFF, what the browser sent and what came back to it.
      browser: `${reply.text} ${JSON.stringify([...reply.headers])}`,
      bff: `${JSON.stringify(body ?? '')} ${JSON.stringify(exchange ?? '')}`,
    });
    return reply;
  };
  const consent = browser.consent.bind(browser);
  browser.consent = async (...args: Parameters<TestBrowser['consent']>) => {
    // The provider's redirect to the callback: the browser sees its query before the BFF does.
    const query = await consent(...args);
    seen.push({ step: 'callback', browser: JSON.stringify(query), bff: '' });
    return query;
  };
  const replies = await browser.walk(element);
  // The instance token reaches the browser only when the person asks (step 5's reveal).
  const token = (await browser.call('GET', '/api/flow/instance-token')).json.token as string;
  return { calls, exchanges, seen, replies, token };
}

/** A hop's request as "METHOD /path", without the diagram's note in brackets. */
const requestOf = (label: string) => label.replace(/\s*\(.*\)$/, '').replace(/\?.*$/, '');

describe('each kind’s model against the wire, every element', () => {
  let bff: Awaited<ReturnType<typeof startBff>>;
  let elements: ElementView[];
  beforeAll(async () => {
    bff = await startBff();
    elements = (await new TestBrowser(bff.origin).call('GET', '/api/elements')).json
      .elements as unknown as ElementView[];
  });
  afterAll(() => bff.close());

  it.each(Object.keys(ELEMENTS) as ElementKey[])(
    '%s: the calls drawn are the calls made, and each secret is seen where the model says',
    async (key) => {
      const element = elements.find((e) => e.key === key);
      if (!element) throw new Error(`${key} is not offered`);
      const kind = KINDS[element.authType];
      const { calls, exchanges, seen, replies, token } = await walkRecorded(bff.origin, element);
      for (const [step, reply] of Object.entries(replies)) expect(reply.status, step).toBe(200);

      // The browser's calls to the BFF, and the BFF's to Cloud Elements: drawn = made.
      const hops = kind.hops(element).filter((hop) => hop.kind === 'call');
      const drawn = (from: string, to: string) =>
        hops.filter((h) => h.from === from && h.to === to).map((h) => requestOf(h.label));
      expect(calls).toEqual(drawn('Browser', 'BFF'));
      const made = exchanges
        .filter((e) => e.parties === 'BFF → Cloud Elements')
        .map((e) => `${e.method} ${new URL(e.url).pathname}`);
      const drawnUpstream = drawn('BFF', 'Cloud Elements');
      expect(made).toHaveLength(drawnUpstream.length);
      drawnUpstream.forEach((request, i) => {
        // The diagram names the path below Cloud Elements' base URL.
        expect(made[i]?.endsWith(request.split(' ')[1] ?? ''), `${made[i]} is ${request}`).toBe(
          true,
        );
        expect(made[i]?.split(' ')[0]).toBe(request.split(' ')[0]);
      });

      // Each row of who-holds-what: the step at which the browser and the BFF first had it.
      const oauthUrl = new URL(replies['authorize-url']?.json.oauthUrl ?? 'http://none.invalid/');
      const callback = JSON.parse(seen.find((s) => s.step === 'callback')?.browser ?? '{}');
      const config = configuredSecrets(bff.config);
      const secretOf = (marker: RegExp) => config.find((s) => marker.test(s.marker));
      const typed = element.fields.find((field) => field.secret);
      /** A row's value as the browser would see it in clear, and as the BFF's records name it. */
      const valuesIn = (row: HoldsRow): { clear?: string; named: string } => {
        const what = row.what;
        if (/user and organization secrets/.test(what)) {
          return { clear: secretOf(/^<CE_USER_SECRET>$/)?.value, named: '<CE_USER_SECRET>' };
        }
        if (/\(apiSecret\)/.test(what)) {
          const secret = secretOf(new RegExp(`^<${element.env}_${kind.app?.secretMarker}>$`));
          return { clear: secret?.value, named: secret?.marker ?? '' };
        }
        if (/^Client id/.test(what)) {
          const id = oauthUrl.searchParams.get('client_id') ?? '';
          return { clear: id, named: id };
        }
        if (what === 'Request token') {
          const value = replies['request-token']?.json.requestToken as string;
          return { clear: value, named: value };
        }
        if (what === 'Request token secret') return { named: '<REQUEST_TOKEN_SECRET>' };
        if (what === 'state') {
          const value = callback.state as string;
          return { clear: value, named: value };
        }
        if (what === 'oauth_verifier' || what === 'Authorization code') {
          const value = (callback.oauth_verifier ?? callback.code) as string;
          return { clear: value, named: value };
        }
        if (what === 'Instance token') return { clear: token, named: '<INSTANCE_TOKEN>' };
        if (typed && what === `Your ${element.provider} ${typed.title}`) {
          return {
            clear: typed.sandboxValue,
            named: fieldMarker(ELEMENTS[key as GuidedKey], typed),
          };
        }
        // The provider's own tokens stay with Cloud Elements: nothing to look for.
        return { named: '' };
      };
      const firstStep = (value: string | undefined, party: 'browser' | 'bff') =>
        value ? seen.find((s) => s[party].includes(value))?.step : undefined;

      for (const row of kind.holds(element)) {
        const { clear, named } = valuesIn(row);
        const claimed = row.seen;
        // The browser: 'start' is what the person typed; otherwise the first reply that showed it.
        if (claimed.Browser !== 'start') {
          expect(firstStep(clear, 'browser'), `${row.what}: the browser`).toBe(claimed.Browser);
        }
        // The BFF: its configuration from the start; otherwise the first step that brought it.
        if (claimed.BFF === 'start') {
          expect(clear ?? named, `${row.what}: the BFF's configuration`).toBeTruthy();
        } else {
          expect(firstStep(named || undefined, 'bff'), `${row.what}: the BFF`).toBe(claimed.BFF);
        }
      }
    },
  );
});
