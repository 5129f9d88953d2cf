import type { Exchange } from '@cew/shared';
import { lazy, Suspense } from 'react';

const ExchangeInspector = lazy(() => import('../../inspector/components/exchange-inspector'));

/** One HTTP exchange; the inspector itself loads on first use to keep the first page light. */
export function ExchangeView({ exchange }: { exchange: Exchange }) {
  return (
    <Suspense
      fallback={
        <p aria-live="polite">
          <span className="spinner" aria-hidden="true" /> Loading the exchange…
        </p>
      }
    >
      <ExchangeInspector exchange={exchange} />
    </Suspense>
  );
}
