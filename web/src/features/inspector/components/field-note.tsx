import type { ElementKey } from '@cew/shared';
import { useId, useState } from 'react';
import { noteOf } from '../field-notes';

/** An ⓘ beside a field that opens what the field is, where it came from and where it goes. */
export function FieldNoteButton({ field, element }: { field: string; element: ElementKey }) {
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
        ⓘ
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
