import { Navigate } from 'react-router';
import { useFlow } from '../../features/wizard/api/flow';
import { resumePath } from '../../features/wizard/steps';

/** `/` takes a person to the step their flow is on. */
export default function Resume() {
  const { data: flow } = useFlow();
  return <Navigate to={resumePath(flow)} replace />;
}
