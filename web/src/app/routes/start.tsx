import { AUTH_LABEL, type AuthType, type ElementView } from '@cew/shared';
import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Term } from '../../components/term';
import { useCatalog } from '../../features/wizard/api/elements';
import { useFlow } from '../../features/wizard/api/flow';
import { chooseElement, stepUrl } from '../../features/wizard/element';
import { resumePath, stepsFor } from '../../features/wizard/steps';

const ALL = 'all';

/** Whether an element's name, key or hub holds the search words (case-insensitive). */
const matches = (query: string, element: { name: string; key: string; hub?: string }) =>
  query
    .toLowerCase()
    .split(/\s+/)
    .every((word) =>
      `${element.name} ${element.key} ${element.hub ?? ''}`.toLowerCase().includes(word),
    );

/**
 * The first screen: which element to provision, each saying in one line what differs. The list
 * comes from the server, which read it from Cloud Elements' own definitions: the guided elements
 * first, searchable by name, key or hub and filtered by hub and kind of authentication; the ones
 * the wizard cannot walk are listed apart, each with the reason.
 */
export default function StartPage() {
  const { data: catalog } = useCatalog();
  const elements = catalog?.elements ?? [];
  // A flow in progress: choosing another element leaves it; say which, and offer the way back.
  const { data: flow } = useFlow();
  const inProgress = flow?.done ? elements.find((e) => e.key === flow.element) : undefined;
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [hub, setHub] = useState(ALL);
  const [kind, setKind] = useState<AuthType | typeof ALL>(ALL);
  const hubId = useId();
  const searchId = useId();
  const hubs = [...new Set(elements.map((e) => e.hub))].sort();
  const kinds = [...new Set(elements.map((e) => e.authType))];
  const shown = elements.filter(
    (e) =>
      (hub === ALL || e.hub === hub) &&
      (kind === ALL || e.authType === kind) &&
      matches(query.trim(), e),
  );
  const unavailable = (catalog?.unavailable ?? []).filter(
    (e) => (hub === ALL || e.hub === hub) && matches(query.trim(), e),
  );
  const choose = (element: ElementView) => {
    chooseElement(element.key);
    const first = stepsFor(element)[0]?.path;
    navigate(first ? stepUrl(first, element.key) : '/');
  };
  return (
    <article className="step" aria-labelledby="step-title">
      <h2 id="step-title" tabIndex={-1}>
        Choose an element to provision
      </h2>
      <p className="intro">
        Cloud Elements puts many providers behind one API. Each provider is an{' '}
        <Term id="element">element</Term>, in a <Term id="hub">hub</Term> of providers alike (CRM,
        documents, help desk…), and connecting an account to one makes an{' '}
        <Term id="instance">instance</Term>. Elements authenticate in one of three ways: OAuth 1.0a
        (the flow of Cloud Elements' own guide), OAuth 2.0 (the flow most use), or your own API key.
        Walk one of each, then compare them side by side.
      </p>
      {inProgress && (
        <p className="notice" data-testid="flow-in-progress">
          You have a {inProgress.name} flow in progress ({AUTH_LABEL[inProgress.authType]}).
          Choosing another element starts a new flow and leaves that one.{' '}
          <Link to={stepUrl(resumePath(flow, inProgress), inProgress.key)}>
            Back to the {inProgress.name} flow
          </Link>
        </p>
      )}
      {catalog?.error && (
        <p className="notice" role="alert">
          {catalog.error}
        </p>
      )}
      <div className="element-filters">
        <div>
          <label htmlFor={searchId}>Search</label>{' '}
          <input
            id={searchId}
            type="search"
            value={query}
            placeholder="name, key or hub"
            onChange={(event) => setQuery(event.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div>
          <label htmlFor={hubId}>Hub</label>{' '}
          <select id={hubId} value={hub} onChange={(event) => setHub(event.target.value)}>
            <option value={ALL}>Every hub</option>
            {hubs.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>Authentication</legend>
          {[ALL, ...kinds].map((value) => (
            <label key={value} className="radio">
              <input
                type="radio"
                name="kind"
                value={value}
                checked={kind === value}
                onChange={() => setKind(value as AuthType | typeof ALL)}
              />{' '}
              {value === ALL ? 'Any' : AUTH_LABEL[value as AuthType]}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="muted" aria-live="polite">
        {shown.length} of {elements.length} elements offered
      </p>
      <ul className="element-choice">
        {shown.map((element) => (
          <li key={element.key}>
            <button type="button" className="element-card" onClick={() => choose(element)}>
              <strong>{element.name}</strong>{' '}
              <span className="muted">
                {AUTH_LABEL[element.authType]}
                {element.ceAuthType !== element.authType && ` (${element.ceAuthType})`} ·{' '}
                {element.hub} hub · {stepsFor(element).length} steps
                {element.guided ? ' · guided' : ` · ${element.key}`}
              </span>
              <span className="element-differs">{element.differs}</span>
            </button>
          </li>
        ))}
      </ul>
      {shown.length === 0 && (
        <p className="notice">
          No element offered here matches. Clear the search, or choose another hub or kind of
          authentication.
        </p>
      )}
      {unavailable.length > 0 && (
        <details className="unavailable">
          <summary>
            {unavailable.length} element{unavailable.length === 1 ? '' : 's'} Cloud Elements lists
            that the wizard cannot walk
          </summary>
          <ul>
            {unavailable.map((element) => (
              <li key={element.key} aria-disabled="true">
                <strong>{element.name}</strong>{' '}
                <span className="muted">
                  {element.key}
                  {element.hub ? ` · ${element.hub} hub` : ''}
                </span>
                : {element.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
