import { Navigate } from 'react-router';
import { useElements } from '../../features/wizard/api/elements';
import { useFlow } from '../../features/wizard/api/flow';
import { useHasChosen } from '../../features/wizard/element';
import { resumePath, useWizard } from '../../features/wizard/steps';

/**
 * `/` takes a person to the step their flow is on; someone new (no flow, no element chosen in
 * this tab) first chooses the element, unless this server offers only one.
 */
export default function Resume() {
  const { data: flow } = useFlow();
  const { data: elements } = useElements();
  const { element } = useWizard();
  const chosen = useHasChosen();
  // With one element offered there is nothing to choose: useElement already shows it.
  if (!chosen && !flow?.done && elements?.length !== 1) return <Navigate to="/start" replace />;
  return <Navigate to={resumePath(flow, element)} replace />;
}
