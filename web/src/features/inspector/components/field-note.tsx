import type { ElementView } from '@cew/shared';
import { useId, useState } from 'react';
import { noteOf } from '../field-notes';

/**
 * An "i" in a circle, drawn: the ⓘ character is missing from common Linux fonts and showed as an
 * empty box.
 */
export function InfoIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <rect x="7.25" y="7" width="1.5" height="5" rx="0.5" fill="currentColor" />
      <circle cx="8" cy="4.6" r="1" fill="currentColor" />
    </svg>
  );
}

/** An ⓘ beside a field that opens what the field is, where it came from and where it goes. */
export function FieldNoteButton({ field, element }: { field: string; element: ElementView }) {
  const note = noteOf(field, element);
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!note) return null;
  return (
    <span className="field-note">
      <button
        type="button"
        className="note-toggle"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`About ${field}`}
        onClick={(event) => {
          // Inside a <summary>, a click would also fold the object.
          event.preventDefault();
          setOpen(!open);
        }}
      >
        <InfoIcon />
      </button>
      {open && (
        <span id={id} className="note-body" role="note">
          <strong>{field}</strong>: {note.what} <em>From:</em> {note.from} <em>Next:</em>{' '}
          {note.next}
        </span>
      )}
    </span>
  );
}
