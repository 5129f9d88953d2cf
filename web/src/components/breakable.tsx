import { Fragment } from 'react';

/** A token's pieces, each ending after one of / _ . ? & = (the last may end with none). */
const PIECES = /[^/_.?&=]*[/_.?&=]+|[^/_.?&=]+$/g;

/**
 * `text` breakable only between words and after `/`, `_`, `.`, `?`, `&` and `=`, for labels that
 * must not break inside a token (`/oauth/tok|en`, `request-|token`, `<REQUEST_TOKEN_SECR|ET>`):
 * each piece is kept whole (`white-space: nowrap`), with a break opportunity after it.
 */
export function Breakable({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\s+)/).map((chunk, i) =>
        /^\s*$/.test(chunk) ? (
          chunk
        ) : (
          <Fragment key={i}>
            {(chunk.match(PIECES) ?? [chunk]).map((piece, j) => (
              <Fragment key={j}>
                {j > 0 && <wbr />}
                <span className="nobr">{piece}</span>
              </Fragment>
            ))}
          </Fragment>
        ),
      )}
    </>
  );
}

/** Where a long line of code may break first: after a URL's separators and a list's commas. */
const CODE_PIECES = /[^/?&=,]*[/?&=,]+|[^/?&=,]+$/g;
const LONG_LINE = 60;

/**
 * Code whose long lines (over `long` characters) break after `/ ? & = ,` before anywhere else: a
 * URL wraps between its parts and parameters, not inside a word (`…/o|auth2`, `…&s|tate=`). A
 * piece longer than the line still wraps, as its block's `overflow-wrap` allows; the text copied
 * is the text given.
 */
export function BreakableCode({ text, long = LONG_LINE }: { text: string; long?: number }) {
  return (
    <>
      {text.split('\n').map((line, i) => (
        <Fragment key={i}>
          {i > 0 && '\n'}
          {line.length <= long
            ? line
            : (line.match(CODE_PIECES) ?? [line]).map((piece, j) => (
                <Fragment key={j}>
                  {j > 0 && <wbr />}
                  {piece}
                </Fragment>
              ))}
        </Fragment>
      ))}
    </>
  );
}
