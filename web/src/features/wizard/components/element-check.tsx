import type { ElementView } from '@cew/shared';
import { useQuery } from '@tanstack/react-query';
import { api, send } from '../../../lib/api-client';

/**
 * Live mode, on an element's first step: Cloud Elements' own description of the element
 * (`GET /elements/{key}`) held against the wizard's descriptor, before any instance is tried.
 */
export function ElementCheck({ element }: { element: ElementView }) {
  const check = useQuery({
    queryKey: ['element-check', element.key],
    queryFn: () => send(api.elements[':key'].check.$get({ param: { key: element.key } })),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (check.isPending) {
    return (
      <p className="muted" aria-live="polite">
        <span className="spinner" aria-hidden="true" /> Checking {element.name} against Cloud
        Elements…
      </p>
    );
  }
  if (check.isError) {
    // Not an alert: the step's own call will say what is wrong with Cloud Elements, if anything.
    return (
      <p className="muted" data-testid="element-check">
        Could not check {element.name} against Cloud Elements: {check.error.message}
      </p>
    );
  }
  if (check.data.ok) {
    return (
      <p className="muted" data-testid="element-check">
        Checked: Cloud Elements describes {element.name} as the wizard does (its kind of
        authentication, and the fields it asks for).
      </p>
    );
  }
  return (
    <div className="notice" role="alert" data-testid="element-check">
      <p>
        <strong>Cloud Elements describes {element.name} otherwise than this wizard.</strong> An
        instance would likely be refused:
      </p>
      <ul>
        {check.data.problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
