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
