import { type ElementView, KINDS, type StepId } from '@cew/shared';
import { ScrollX } from '../../../components/scroll-x';
import { PARTIES, partyName } from '../arrows';

/** What a cell says of a party and a secret. */
const CELL = {
  seen: '✓ seen',
  never: '✕ never',
  'not-yet': '· not yet',
  'on-request': '◐ if you reveal it',
} as const;

/** Each secret and token, and which parties have seen it so far: why a BFF exists. */
export function WhoHoldsWhat({
  element,
  isDone,
}: {
  element: ElementView;
  /** Whether the flow shown has done a step: the party has seen what that step brought. */
  isDone: (step: StepId) => boolean;
}) {
  return (
    <ScrollX label="Who holds what table">
      <div className="holds-box">
        <table className="holds" data-testid="who-holds-what">
          <caption>Who has seen what, so far</caption>
          <thead>
            <tr>
              <th scope="col">Secret or token</th>
              {PARTIES.map((party) => (
                <th scope="col" key={party}>
                  {partyName(party, element)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {KINDS[element.authType].holds(element).map((row) => (
              <tr key={row.what}>
                <th scope="row">
                  {row.what}
                  <span className="muted holds-why">{row.why}</span>
                </th>
                {PARTIES.map((party) => {
                  const from = row.seen[party];
                  const state =
                    from === undefined
                      ? 'never'
                      : from === 'on-request'
                        ? 'on-request'
                        : from === 'start' || isDone(from)
                          ? 'seen'
                          : 'not-yet';
                  return (
                    <td
                      key={party}
                      className={`holds-${state}`}
                      data-party={partyName(party, element)}
                    >
                      {CELL[state]}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ScrollX>
  );
}
