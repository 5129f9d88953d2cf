import type { TamperInput, TamperResult } from '@cew/shared';
import { useRef } from 'react';
import { Breakable } from '../../../components/breakable';
import { useTamper } from '../api/flow';
import { useFocusOnSettle } from '../settle-focus';
import { useWizard } from '../steps';
import { ErrorNotice } from './error-notice';

type Change = TamperInput['change'];

/** Each change, and why the provider refuses it (`{provider}`: the element's provider). */
const CHANGES: Record<Change, { button: string; why: string }> = {
  signature: {
    button: 'Change one character of oauth_signature',
    why: '{provider} computed the HMAC-SHA1 signature itself, over the same base string with the secrets it shares with the app. One character differs, so it cannot tell the request came from the app, and refuses it. The signature covers the method, the address and every parameter: change any of them and it no longer matches.',
  },
  timestamp: {
    button: 'Send oauth_timestamp an hour old',
    why: 'The changed timestamp was signed, so the signature is valid. {provider} still refuses: it accepts only requests stamped within a few minutes of its own clock. That limits how long a captured request stays usable, and it is why a server with a wrong clock fails every call.',
  },
  nonce: {
    button: 'Send the same request twice (reuse oauth_nonce)',
    why: 'The first copy was accepted. The second, identical down to its nonce and timestamp, was refused: {provider} remembers each nonce for as long as its timestamp is acceptable, so a request captured on the way cannot be replayed.',
  },
  verifier: {
    button: 'Change one character of oauth_verifier',
    why: 'The request was signed correctly, but the verifier is not the one {provider} issued at consent, so it will not trade the request token. Only the browser that came back from the consent page has the verifier. Your flow is untouched: step 4 still works with the real one.',
  },
};

/** The provider's error code and message from its reply, e.g. `{"errors":[{"code":135,…}]}`. */
function providerError(reply: string): { code: number; message: string } | null {
  try {
    const error = (JSON.parse(reply) as { errors?: { code: number; message: string }[] })
      .errors?.[0];
    return error ?? null;
  } catch {
    return null;
  }
}

function Outcome({ result, change }: { result: TamperResult; change: Change }) {
  const error = providerError(result.reply);
  const { element } = useWizard();
  return (
    <div className="tamper-outcome" data-testid="tamper-outcome" tabIndex={-1}>
      {result.change.from === result.change.to ? (
        <p>
          Sent <code>POST /oauth/{result.endpoint}</code> twice, the second exactly as the first:{' '}
          <code>{result.change.name}</code> <code>{result.change.to}</code> both times.
        </p>
      ) : (
        <p>
          Sent <code>POST /oauth/{result.endpoint}</code> with <code>{result.change.name}</code>{' '}
          changed from <code>{result.change.from}</code> to <code>{result.change.to}</code>.
        </p>
      )}
      <p className={result.status < 300 ? 'tamper-accepted' : 'tamper-refused'}>
        <strong>
          {element.provider} answered {result.status}
          {error ? ` with its error ${error.code}: “${error.message}”` : `: ${result.reply}`}
        </strong>
      </p>
      <p>{CHANGES[change].why.replaceAll('{provider}', element.provider)}</p>
      <details>
        <summary>The Authorization header's parameters, as sent</summary>
        <table className="headers">
          <caption className="visually-hidden">Parameters sent</caption>
          <tbody>
            {result.sent.map(([name, value]) => (
              <tr key={name} className={name === result.change.name ? 'tamper-changed' : undefined}>
                <th scope="row">
                  <Breakable text={name} />
                </th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

/**
 * The tampering lab (sandbox mode): send the sandbox's OAuth 1.0a provider a correctly signed
 * request with one input changed, and see it refused with the provider's own code and the reason. It changes
 * nothing in this flow.
 */
export function TamperLab({ changes, intro }: { changes: Change[]; intro: string }) {
  const tamper = useTamper();
  const { element } = useWizard();
  const lab = useRef<HTMLElement>(null);
  useFocusOnSettle(tamper.isPending, lab, '.error-notice, .tamper-outcome');
  return (
    <section className="tamper-lab" aria-labelledby="tamper-title" ref={lab}>
      <h3 id="tamper-title">Tampering lab: break the signed request (sandbox only)</h3>
      <p className="muted">{intro}</p>
      <p className="actions">
        {changes.map((change) => (
          <button
            key={change}
            type="button"
            disabled={tamper.isPending}
            aria-pressed={tamper.variables === change && !tamper.isPending}
            onClick={() => tamper.mutate(change)}
          >
            {CHANGES[change].button}
          </button>
        ))}
      </p>
      {tamper.isPending && (
        <p aria-live="polite">
          <span className="spinner" aria-hidden="true" /> Sending {element.provider} the changed
          request…
        </p>
      )}
      {tamper.isError && <ErrorNotice error={tamper.error} />}
      {tamper.isSuccess && tamper.variables && (
        <Outcome result={tamper.data} change={tamper.variables} />
      )}
    </section>
  );
}
