import { useNavigate } from 'react-router';
import { useResetFlow } from '../api/flow';
import { stepUrl, useElement } from '../element';
import { STEP, stepsFor } from '../steps';

/**
 * Forgets this browser's flow (the BFF clears its cookie) and returns to the first step of the
 * element on screen, whatever its kind (Salesforce's is the authorization URL, Freshdesk's your
 * credentials), with the element in the address so a reload stays on it.
 */
export function StartOverButton({
  className = '',
  label = 'Start over',
}: {
  className?: string;
  label?: string;
}) {
  const reset = useResetFlow();
  const navigate = useNavigate();
  const element = useElement();
  const first = element ? stepsFor(element)[0]?.path : undefined;
  return (
    <button
      type="button"
      className={className}
      disabled={reset.isPending}
      onClick={() =>
        reset.mutate(undefined, {
          onSuccess: () =>
            navigate(element && first ? stepUrl(first, element.key) : STEP['request-token'].path),
        })
      }
    >
      {reset.isPending ? 'Starting over…' : label}
    </button>
  );
}
