import { useLocation } from 'react-router';
import { useFlow } from '../../wizard/api/flow';
import { SequenceDiagram } from './sequence-diagram';
import { WhoHoldsWhat } from './who-holds-what';

/** The picture beside the steps: the sequence so far and who holds which secret. */
export default function LearnPanel() {
  const { data: flow } = useFlow();
  const { pathname } = useLocation();
  return (
    <aside className="learn" aria-label="How the flow fits together">
      <details open>
        <summary>
          <h2>The sequence</h2>
        </summary>
        <SequenceDiagram flow={flow} currentPath={pathname} />
      </details>
      <details>
        <summary>
          <h2>Who holds what</h2>
        </summary>
        <WhoHoldsWhat flow={flow} />
      </details>
    </aside>
  );
}
