import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useExchanges } from '../../wizard/api/flow';
import { useWizard } from '../../wizard/steps';
import { SequenceDiagram } from './sequence-diagram';
import { WhoHoldsWhat } from './who-holds-what';

/** The picture beside the steps: the sequence so far and who holds which secret. */
export default function LearnPanel() {
  const { flow, element } = useWizard();
  const exchanges = useExchanges();
  const { pathname } = useLocation();
  const panel = useRef<HTMLElement>(null);

  // Beside the step (1024 px and up) the panel scrolls on its own: bring this step's arrows into
  // it, without moving the page.
  useEffect(() => {
    const box = panel.current;
    const row = box?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!box || !row || box.scrollHeight <= box.clientHeight || pathname === '') return;
    const top = row.getBoundingClientRect().top - box.getBoundingClientRect().top;
    if (top < 40 || top > box.clientHeight - 80) box.scrollTop += top - 80;
  }, [pathname]);

  return (
    <aside className="learn" aria-label="How the flow fits together" ref={panel}>
      <details open>
        <summary>
          <h2>The sequence</h2>
        </summary>
        <SequenceDiagram
          flow={flow}
          element={element}
          exchanges={exchanges}
          currentPath={pathname}
        />
      </details>
      <details open>
        <summary>
          <h2>Who holds what</h2>
        </summary>
        <WhoHoldsWhat flow={flow} element={element} />
      </details>
    </aside>
  );
}
