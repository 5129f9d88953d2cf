import type { Exchange } from '@cew/shared';
import { Suspense } from 'react';
import { lazyPart } from '../../../lib/lazy-part';
import { travellingValues } from '../../inspector/travel';
import { useFlow } from '../api/flow';
import { useExchanges, useWizard } from '../steps';

const ExchangeInspector = lazyPart(
  () => import('../../inspector/components/exchange-inspector'),
  'The exchange',
);

/** One HTTP exchange; the inspector itself loads on first use to keep the first page light. */
export function ExchangeView({ exchange }: { exchange: Exchange }) {
  const { data: flow } = useFlow();
  const values = travellingValues(flow, useExchanges());
  const { element } = useWizard();
  return (
    <Suspense
      fallback={
        <p aria-live="polite">
          <span className="spinner" aria-hidden="true" /> Loading the exchange…
        </p>
      }
    >
      <ExchangeInspector exchange={exchange} values={values} element={element} />
    </Suspense>
  );
}
