/** The sandbox's stand-in for Twitter's "Authorize app" page, as plain HTML with no script. */

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** What the failure lab asks the learner to do on this page. */
const SCENARIO_HINTS: Record<string, (deny: string) => string> = {
  cancel: (deny) => `Failure lab: press <strong>${escapeHtml(deny)}</strong> to refuse access.`,
};

/** How a provider's consent page looks: its brand, what it grants, and its two buttons. */
export type ConsentLook = {
  brand: string;
  provider: string;
  grants: string[];
  allow: string;
  deny: string;
};

/**
 * A provider's "Authorize app?" page: the form posts back to the same address with the hidden
 * fields and the person's decision. `account` is who the person is signed in as there.
 */
export function renderConsent(
  look: ConsentLook,
  hidden: Record<string, string>,
  options: { account: string; site?: string; scenario?: string; css?: string },
): string {
  const hint = options.scenario ? SCENARIO_HINTS[options.scenario]?.(look.deny) : undefined;
  const inputs = Object.entries(hidden)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('\n      ');
  return page(
    `Sandbox ${look.provider}`,
    'Authorize access',
    `<p class="brand">${escapeHtml(look.brand)}</p>
    ${options.site ? `<p class="site">${escapeHtml(options.site)}</p>` : ''}
    ${hint ? `<p class="lab" role="note">${hint}</p>` : ''}
    <h1>Allow <strong>Cloud Elements Instance Wizard</strong> to access your ${escapeHtml(look.provider)} account?</h1>
    <p>You are signed in as <strong>${escapeHtml(options.account)}</strong>.</p>
    <p>This application will be able to:</p>
    <ul>
      ${look.grants.map((grant) => `<li>${escapeHtml(grant)}</li>`).join('\n      ')}
    </ul>
    <form method="post">
      ${inputs}
      <button type="submit" name="decision" value="allow" class="primary">${escapeHtml(look.allow)}</button>
      <button type="submit" name="decision" value="deny">${escapeHtml(look.deny)}</button>
    </form>
    <p class="note">This is the wizard's built-in sandbox, not ${escapeHtml(look.provider)} itself: no real account is involved.</p>`,
    options.css,
  );
}

/** The page a provider shows instead of redirecting, for a request it will not answer. */
export function renderConsentError(
  look: Pick<ConsentLook, 'brand' | 'provider'>,
  lines: string[],
  css?: string,
) {
  return page(
    `Sandbox ${look.provider}`,
    'Something went wrong',
    `<p class="brand">${escapeHtml(look.brand)}</p>
    <h1>This page cannot be used</h1>
    ${lines.map((line) => `<p><code>${escapeHtml(line)}</code></p>`).join('\n    ')}
    <p>Go back to the wizard and start the flow again.</p>`,
    css,
  );
}

function page(brand: string, title: string, body: string, css = 'consent.css'): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ${escapeHtml(brand)}</title>
<link rel="stylesheet" href="${escapeHtml(css)}">
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
.site { font-family: ui-monospace, monospace; }
.lab { border: 2px dashed #b45309; padding: .5rem .75rem; border-radius: .5rem; }
@media (prefers-color-scheme: dark) {
  /* The near-black primary button would vanish on a dark page: invert it. */
  button.primary { background: #e7e9ea; color: #0f1419; border-color: #e7e9ea; }
}
`;
