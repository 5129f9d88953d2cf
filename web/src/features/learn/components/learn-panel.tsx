import { useLocation } from 'react-router';
import { useWizard } from '../../wizard/steps';
import { SequenceDiagram } from './sequence-diagram';
import { WhoHoldsWhat } from './who-holds-what';

/** The picture beside the steps: the sequence so far and who holds which secret. */
export default function LearnPanel() {
  const { flow, element } = useWizard();
  const { pathname } = useLocation();
  return (
    <aside className="learn" aria-label="How the flow fits together">
      <details open>
        <summary>
          <h2>The sequence</h2>
        </summary>
        <SequenceDiagram flow={flow} element={element} currentPath={pathname} />
      </details>
      <details>
        <summary>
          <h2>Who holds what</h2>
        </summary>
        <WhoHoldsWhat flow={flow} element={element} />
      </details>
    </aside>
  );
}
