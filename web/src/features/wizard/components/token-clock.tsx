import { useEffect, useState } from 'react';
import { useConfig } from '../api/config';
import { useWizardFrame } from '../steps';

const clock = (ms: number) => {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/**
 * OAuth 1.0a's request token lives minutes: from step 1 until step 4 trades it, how long it has
 * left (the sandbox's 10 minutes), or in live mode how long ago it was issued (providers do not
 * publish its limit).
 */
export function TokenClock() {
  const { flow, element, isDone } = useWizardFrame();
  const { data: config } = useConfig();
  const [now, setNow] = useState(Date.now);
  const issuedAt = flow?.requestTokenIssuedAt;
  const running =
    // Only a flow with a request token has one to count down (its kind keeps when it was issued).
    issuedAt !== undefined && flow?.outcome !== 'denied' && !isDone('create-instance');
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  if (!running || issuedAt === undefined) return null;
  const ttl = config?.requestTokenTtlMs;
  if (ttl === undefined) {
    return (
      <p className="token-clock muted" data-testid="token-clock">
        Request token issued {clock(now - issuedAt)} ago. {element?.provider ?? 'The provider'}'s
        request tokens are short-lived: finish step 4 within minutes.
      </p>
    );
  }
  // Clocks differ by a moment between server and browser: never more than the whole life.
  const left = Math.min(ttl, issuedAt + ttl - now);
  return (
    <p
      className={left > 60_000 ? 'token-clock muted' : 'token-clock token-clock-late'}
      data-testid="token-clock"
    >
      {left > 0
        ? `Request token: ${clock(left)} left of the sandbox's ${ttl / 60_000} minutes before step 4 must use it.`
        : 'The request token has expired: step 4 would be refused. Start over for a fresh one.'}
    </p>
  );
}
