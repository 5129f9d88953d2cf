import { useId, useState } from 'react';
import { useConfig } from '../api/config';
import { useSignIn } from '../api/session';
import { ErrorNotice } from './error-notice';

/**
 * A code traded for the access cookie (`POST /api/session`): the class's code on the sign-in
 * screen, or the trainer's on the instances page.
 */
export function CodeForm({ label, submit }: { label: string; submit: string }) {
  const signIn = useSignIn();
  const [code, setCode] = useState('');
  const field = useId();
  return (
    <>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          signIn.mutate(code);
        }}
      >
        <label htmlFor={field}>{label}</label>
        <input
          id={field}
          type="password"
          autoComplete="current-password"
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        <p className="actions">
          <button type="submit" className="primary" disabled={signIn.isPending || !code}>
            {signIn.isPending ? 'Checking…' : submit}
          </button>
        </p>
      </form>
      {signIn.isError && <ErrorNotice error={signIn.error} />}
    </>
  );
}

/** The sign-in screen of a wizard shared with a class (ACCESS_CODE is set on the server). */
export function SignIn() {
  const { data: config } = useConfig();
  return (
    <article className="step" aria-labelledby="step-title">
      <h2 id="step-title" tabIndex={-1}>
        Sign in to this wizard
      </h2>
      <p className="intro">
        This wizard is shared with a class
        {config?.mode === 'live'
          ? " and holds an organization's Cloud Elements secrets"
          : ' (in sandbox mode: its secrets are the published demo ones)'}
        , so it asks for the access code your trainer gave you. It is kept in an encrypted cookie
        for 12 hours.
      </p>
      <CodeForm label="Access code" submit="Sign in" />
    </article>
  );
}
