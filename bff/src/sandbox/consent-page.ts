/** The sandbox's stand-in for Twitter's "Authorize app" page, as plain HTML with no script. */

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** What the failure lab asks the learner to do on this page. */
const SCENARIO_HINTS: Record<string, string> = {
  cancel: 'Failure lab: press <strong>Cancel</strong> to refuse access.',
};

export function renderConsentPage(token: string, appName: string, scenario?: string): string {
  const hint = scenario ? SCENARIO_HINTS[scenario] : undefined;
  return page(
    'Sandbox Twitter',
    'Authorize access',
    `<p class="brand">𝕏 Sandbox Twitter</p>
    ${hint ? `<p class="lab" role="note">${hint}</p>` : ''}
    <h1>Authorize <strong>${escapeHtml(appName)}</strong> to access your account?</h1>
    <p>You are signed in as <strong>@sandbox_learner</strong>.</p>
    <p>This application will be able to:</p>
    <ul>
      <li>Read Tweets from your timeline.</li>
      <li>See who you follow.</li>
      <li>Post Tweets for you.</li>
    </ul>
    <form method="post">
      <input type="hidden" name="oauth_token" value="${escapeHtml(token)}">
      <button type="submit" name="decision" value="allow" class="primary">Authorize app</button>
      <button type="submit" name="decision" value="deny">Cancel</button>
    </form>
    <p class="note">This is the wizard's built-in sandbox, not twitter.com: no real account is involved.</p>`,
  );
}

export function renderConsentError(message: string): string {
  return page(
    'Sandbox Twitter',
    'Something went wrong',
    `<p class="brand">𝕏 Sandbox Twitter</p>
    <h1>This page is no longer valid</h1>
    <p>${escapeHtml(message)}</p>
    <p>Go back to the wizard and start the flow again.</p>`,
  );
}

/** The fields of the authorize request that the consent form sends back with the answer. */
const AUTHORIZE_FIELDS = ['response_type', 'client_id', 'redirect_uri', 'state', 'scope'];

/** Salesforce's "Allow Access?" page for a connected app (OAuth 2.0). */
export function renderSalesforceConsent(query: Record<string, string | undefined>): string {
  const hidden = AUTHORIZE_FIELDS.filter((name) => query[name] !== undefined)
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(query[name] ?? '')}">`)
    .join('\n      ');
  return page(
    'Sandbox Salesforce',
    'Allow access?',
    `<p class="brand">☁ Sandbox Salesforce</p>
    <h1>Allow <strong>Cloud Elements Instance Wizard</strong> to access your Salesforce data?</h1>
    <p>You are logged in as <strong>learner@sandbox.example</strong>.</p>
    <p>This application will be able to:</p>
    <ul>
      <li>Access and manage your data (full).</li>
      <li>Perform requests on your behalf at any time (refresh_token).</li>
    </ul>
    <form method="post">
      ${hidden}
      <button type="submit" name="decision" value="allow" class="primary">Allow</button>
      <button type="submit" name="decision" value="deny">Deny</button>
    </form>
    <p class="note">This is the wizard's built-in sandbox, not salesforce.com: no real account is involved.</p>`,
  );
}

/** The page Salesforce shows instead of redirecting, for a request it will not answer. */
export function renderSalesforceError(error: string, description: string): string {
  return page(
    'Sandbox Salesforce',
    'Authorization error',
    `<p class="brand">☁ Sandbox Salesforce</p>
    <h1>OAuth error</h1>
    <p><code>error=${escapeHtml(error)}</code></p>
    <p><code>error_description=${escapeHtml(description)}</code></p>
    <p>Go back to the wizard and start the flow again.</p>`,
  );
}

function page(brand: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ${escapeHtml(brand)}</title>
<link rel="stylesheet" href="consent.css">
</head>
<body><main>${body}</main></body>
</html>`;
}

export const CONSENT_CSS = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0; display: grid; place-items: center; min-height: 100vh; background: Canvas; }
main { max-width: 28rem; padding: 2rem; border: 1px solid #8884; border-radius: 1rem; margin: 1rem; }
.brand { font-weight: 700; font-size: 1.25rem; }
h1 { font-size: 1.3rem; }
form { display: flex; gap: .75rem; margin: 1.5rem 0; }
button { font: inherit; padding: .6rem 1.2rem; border-radius: 999px; border: 1px solid #8888; background: transparent; color: inherit; cursor: pointer; }
button.primary { background: #0f1419; color: #fff; border-color: #0f1419; }
button:focus-visible { outline: 3px solid #1d9bf0; outline-offset: 2px; }
.note { font-size: .85rem; opacity: .8; }
.lab { border: 2px dashed #b45309; padding: .5rem .75rem; border-radius: .5rem; }
@media (prefers-color-scheme: dark) {
  /* The near-black primary button would vanish on a dark page: invert it. */
  button.primary { background: #e7e9ea; color: #0f1419; border-color: #e7e9ea; }
}
`;
