import { useNavigate } from 'react-router';
import { useResetFlow } from '../api/flow';
import { STEP } from '../steps';

/** Forgets this browser's flow (the BFF clears its cookie) and returns to step 1. */
export function StartOverButton({ className = '' }: { className?: string }) {
  const reset = useResetFlow();
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className={className}
      disabled={reset.isPending}
      onClick={() =>
        reset.mutate(undefined, { onSuccess: () => navigate(STEP['request-token'].path) })
      }
    >
      {reset.isPending ? 'Starting over…' : 'Start over'}
    </button>
  );
}
