import { ELEMENTS, type ElementKey } from '@cew/shared';
import { useNavigate } from 'react-router';
import { useConfig } from '../../features/wizard/api/config';
import { chooseElement } from '../../features/wizard/element';
import { stepsFor } from '../../features/wizard/steps';

/** The first screen: which element to provision, each saying in one line what differs. */
export default function StartPage() {
  const { data: config } = useConfig();
  const navigate = useNavigate();
  const offered = config?.elements.map((e) => e.key) ?? [];
  const choose = (key: ElementKey) => {
    chooseElement(key);
    navigate(stepsFor(ELEMENTS[key])[0]?.path ?? '/');
  };
  return (
    <article className="step" aria-labelledby="step-title">
      <h2 id="step-title" tabIndex={-1}>
        Choose an element to provision
      </h2>
      <p className="intro">
        Cloud Elements connects to each provider through an <em>element</em>. Twitter's element uses
        OAuth 1.0a, the flow of Cloud Elements' own guide; Salesforce's uses OAuth 2.0, the flow
        most elements use. Walk one, then the other, and compare them side by side.
      </p>
      <ul className="element-choice">
        {(Object.keys(ELEMENTS) as ElementKey[]).map((key) => {
          const element = ELEMENTS[key];
          const available = offered.includes(key);
          return (
            <li key={key}>
              <button
                type="button"
                className="element-card"
                disabled={!available}
                onClick={() => choose(key)}
              >
                <strong>{element.name}</strong>{' '}
                <span className="muted">
                  {element.authType === 'oauth2' ? 'OAuth 2.0' : 'OAuth 1.0a'} ·{' '}
                  {stepsFor(element).length} steps
                </span>
                <span className="element-differs">{element.differs}</span>
                {!available && (
                  <span className="muted">
                    Not offered by this server: its app credentials are not configured.
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </article>
  );
}
