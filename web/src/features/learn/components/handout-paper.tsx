import { AUTH_LABEL, type Exchange, KINDS, type StepId } from '@cew/shared';
import { BreakableCode } from '../../../components/breakable';
import { durationText } from '../../inspector/duration';
import { callLine, rawHttp } from '../../inspector/raw-http';
import { ProviderLegs } from '../../wizard/components/provider-leg-view';
import { StepIntro } from '../../wizard/intros';
import { stepsFor } from '../../wizard/steps';
import { guideCalls, type WalkedFlow } from '../handout';
import { type CompareColumn, ComparisonTable } from './comparison-table';
import { SequenceColours, SequenceLanes } from './sequence-diagram';
import { WhoHoldsWhat } from './who-holds-what';

/** Which exchanges a step's section shows: its own, and after try-it the calls of your own. */
const STEP_EXCHANGES: Partial<Record<StepId, Exchange['step'][]>> = {
  'request-token': ['request-token'],
  'authorize-url': ['authorize-url'],
  callback: ['callback'],
  'create-instance': ['create-instance'],
  'try-it': ['try-it', 'hub-call'],
};

/**
 * On paper a list shows its first items and an object its first fields (a whole instance is
 * some thirty); every item and field is in the download's exchanges file.
 */
const PRINTED_ITEMS = 2;
const PRINTED_FIELDS = 10;
function shortened(value: unknown, more: (count: number) => string): unknown {
  if (Array.isArray(value)) {
    const kept = value.slice(0, PRINTED_ITEMS).map((item) => shortened(item, more));
    return value.length > PRINTED_ITEMS ? [...kept, more(value.length - PRINTED_ITEMS)] : kept;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    const kept = entries.slice(0, PRINTED_FIELDS).map(([k, v]) => [k, shortened(v, more)]);
    if (entries.length > PRINTED_FIELDS) kept.push(['…', more(entries.length - PRINTED_FIELDS)]);
    return Object.fromEntries(kept);
  }
  return value;
}

/**
 * A block of code on paper: one short enough (a third of a page) is kept whole on one page;
 * a longer one may run on to the next, a few lines at least on each.
 */
const WHOLE_LINES = 25;
function PrintedCode({ text, language }: { text: string; language?: string }) {
  const whole = text.split('\n').length <= WHOLE_LINES;
  return (
    <pre className={whole ? 'keep-whole' : undefined}>
      <code className={language && `language-${language}`}>
        <BreakableCode text={text} />
      </code>
    </pre>
  );
}

/** The file of the download that holds a flow's exchanges in full. */
export const exchangesFile = (elementKey: string) => `${elementKey}-exchanges.http`;

/**
 * One exchange as text that prints: who to whom, then the HTTP that went by, without the
 * connection's own headers and with long lists cut to their first items (in full in `file`).
 */
function ExchangeText({ exchange, file }: { exchange: Exchange; file: string }) {
  const took = durationText(exchange);
  const printed = {
    ...exchange,
    responseBody: shortened(exchange.responseBody, (count) => `… ${count} more, in ${file}`),
  };
  return (
    <div className="handout-exchange">
      <p>
        <strong>{exchange.parties}</strong>: {exchange.status ?? 'no reply'}
        {took && `, ${took}`}
      </p>
      {exchange.note && <p className="muted">{exchange.note}</p>}
      {exchange.curl && (
        <>
          <p>As the guide writes it:</p>
          <PrintedCode text={exchange.curl} language="bash" />
          <p>What came back:</p>
        </>
      )}
      {/* Where the guide's curl line shows the request, the reply alone follows it. */}
      <PrintedCode text={rawHttp(printed, { transport: false, request: !exchange.curl })} />
    </div>
  );
}

/** One element's flow: its diagram, its calls and who has seen what, then each step. */
function FlowSection({ flow, sandbox }: { flow: WalkedFlow; sandbox: boolean }) {
  const { element, exchanges, diagram } = flow;
  const steps = stepsFor(element);
  const calls = guideCalls(exchanges);
  const instanceLeg = KINDS[element.authType].instanceLeg;
  return (
    <section className="handout-flow" aria-labelledby={`handout-${element.key}`}>
      <h2 id={`handout-${element.key}`}>
        {element.name} · {AUTH_LABEL[element.authType]}
      </h2>
      <p>{element.differs}</p>
      <figure className="sequence handout-figure" aria-labelledby={`handout-${element.key}-seq`}>
        <figcaption id={`handout-${element.key}-seq`}>
          The {element.name} flow, hop by hop, as it went
        </figcaption>
        <div data-markdown-skip="">
          <SequenceLanes arrows={flow.arrows} element={element} links={false} />
          <p className="sequence-key muted">
            <SequenceColours element={element} current={false} />
          </p>
        </div>
        {/* Markdown shows the diagram as its SVG file, the same arrows as the lanes above. */}
        <img
          className="markdown-only"
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(diagram.svg)}`}
          alt={`The ${element.name} flow's sequence diagram`}
          data-file={diagram.file}
        />
      </figure>
      <div className="handout-summary">
        <div>
          <h3>Its calls to Cloud Elements</h3>
          <ol>
            {calls.map((exchange) => (
              <li key={exchange.startedAt + exchange.url}>
                <code>{callLine(exchange)}</code> → {exchange.status ?? 'no reply'}
              </li>
            ))}
          </ol>
        </div>
        <div>
          <h3>Who has seen what</h3>
          <WhoHoldsWhat element={element} isDone={flow.isDone} />
        </div>
      </div>
      {steps.map((step) => {
        const shown = exchanges.filter((e) => STEP_EXCHANGES[step.id]?.includes(e.step));
        return (
          <section key={step.id} className="handout-step">
            <h3>
              Step {step.number} of {steps.length}. {step.title}
            </h3>
            <StepIntro id={step.id} element={element} fields={flow.fields} />
            {shown.map((exchange) => (
              <ExchangeText
                key={exchange.startedAt + exchange.url}
                exchange={exchange}
                file={exchangesFile(element.key)}
              />
            ))}
            {sandbox && step.id === 'request-token' && (
              <ProviderLegs name="request_token" element={element} />
            )}
            {sandbox && step.id === 'create-instance' && instanceLeg && (
              <ProviderLegs name={instanceLeg} element={element} />
            )}
          </section>
        );
      })}
    </section>
  );
}

/**
 * The handout on paper: every flow this tab walked, each with its summary and its steps in the
 * app's own numbers and words, then the kinds side by side. Printed as it is; converted to
 * Markdown from the same page.
 */
export function HandoutPaper({
  flows,
  columns,
  mode,
  tokenOf,
}: {
  flows: WalkedFlow[];
  columns: CompareColumn[];
  mode: 'sandbox' | 'live';
  /** The element whose instance token the person chose to include, if any. */
  tokenOf?: string;
}) {
  return (
    <div className="handout-paper" data-testid="handout-paper">
      <h1>Creating a Cloud Elements instance: {flows.map((f) => f.element.name).join(', ')}</h1>
      <p>
        Recorded by the Cloud Elements Instance Wizard in {mode} mode on{' '}
        {new Date().toISOString().slice(0, 10)}. Every secret appears as a marker such as{' '}
        <code>&lt;CE_USER_SECRET&gt;</code>: the wizard's server replaced it before anything reached
        the browser
        {tokenOf
          ? `, except ${tokenOf}'s instance token, which you chose to include: keep this handout like a password.`
          : '; an instance token shows as its marker, <INSTANCE_TOKEN>.'}
      </p>
      {flows.map((flow) => (
        <FlowSection key={flow.element.key} flow={flow} sandbox={mode === 'sandbox'} />
      ))}
      <section className="handout-compare" aria-labelledby="handout-compare">
        <h2 id="handout-compare">Three kinds of authentication, side by side</h2>
        <ComparisonTable columns={columns} />
      </section>
    </div>
  );
}
