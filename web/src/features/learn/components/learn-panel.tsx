import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useExchanges, useWizardFrame } from '../../wizard/steps';
import { SequenceDiagram } from './sequence-diagram';
import { WhoHoldsWhat } from './who-holds-what';

/** The picture beside the steps: the sequence so far and who holds which secret. */
export default function LearnPanel() {
  const { flow, element, isDone } = useWizardFrame();
  const exchanges = useExchanges();
  const { pathname } = useLocation();
  const panel = useRef<HTMLElement>(null);

  // Beside the step (1024 px and up) the panel scrolls on its own: bring this step's arrows into
  // it, without moving the page.
  // Runs on each navigation (pathname), to show the new step's hops.
  useEffect(() => {
    const box = panel.current;
    const rows = box?.querySelectorAll<HTMLElement>('[aria-current="step"]');
    const first = rows?.[0];
    const last = rows?.[rows.length - 1];
    if (!box || !first || !last || box.scrollHeight <= box.clientHeight) return;
    const origin = box.getBoundingClientRect().top;
    const top = first.getBoundingClientRect().top - origin;
    const bottom = last.getBoundingClientRect().bottom - origin;
    // Scrolled so all of this step's hops show, the first near the top, when some do not.
    if (top < 60 || bottom > box.clientHeight) box.scrollTop += top - 90;
  }, [pathname]);

  if (!element) return null;
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
        <WhoHoldsWhat element={element} isDone={isDone} />
      </details>
    </aside>
  );
}
