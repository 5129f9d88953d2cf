import { Link } from 'react-router';
import { Term } from '../../components/term';
import { ComparisonTable, compareColumns } from '../../features/learn/components/comparison-table';
import { useElements } from '../../features/wizard/api/elements';
import { useExchangesByElement } from '../../features/wizard/api/flow';
import { stepUrl } from '../../features/wizard/element';
import { stepsFor } from '../../features/wizard/steps';

const firstStepPath = (element: Parameters<typeof stepsFor>[0]) =>
  stepsFor(element)[0]?.path ?? '/start';

/** The three kinds of authentication side by side, row by row. */
export default function ComparePage() {
  const walked = useExchangesByElement();
  const { data: elements = [] } = useElements();
  const columns = compareColumns(elements, walked);
  const empty = columns.filter((column) => !column.exchanges);
  return (
    <article className="step" aria-labelledby="step-title">
      <h2 id="step-title" tabIndex={-1}>
        Three kinds of authentication, side by side
      </h2>
      <p className="intro">
        The same <Term id="hub">hub</Term> API, three ways to let Cloud Elements act for you. A cell
        marked <span className="from-flow">your flow</span> comes from the exchanges of a flow you
        walked in this tab; the others from the kind's model.{' '}
        {empty.length > 0 && (
          <>
            Walk{' '}
            {empty.map((column, i) => (
              <span key={column.kind}>
                {i > 0 && (i === empty.length - 1 ? ' or ' : ', ')}
                <Link to={stepUrl(firstStepPath(column.element), column.element.key)}>
                  {column.element.name}
                </Link>
              </span>
            ))}{' '}
            in this tab to fill {empty.length > 1 ? 'its' : 'that'} column.{' '}
            {/* Exchanges are kept per tab: one walked in another tab does not show here. */}A flow
            walked in another tab stays in that tab.
          </>
        )}
      </p>
      <ComparisonTable columns={columns} />
    </article>
  );
}
