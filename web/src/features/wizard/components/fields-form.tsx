import { checkFields, type ElementView } from '@cew/shared';
import { type FormEvent, type ReactNode, useId, useState } from 'react';

/**
 * The fields a person types for an element, as its descriptor lists them: each with its title,
 * help, example and pattern, a secret one masked with a Show toggle. Checked as the BFF checks
 * them before anything is sent; in sandbox mode one button fills in the sandbox's demo values.
 */
export function FieldsForm({
  id,
  element,
  values,
  onChange,
  onSubmit,
  disabled,
  sandbox,
  children,
}: {
  id: string;
  element: ElementView;
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  onSubmit: () => void;
  disabled?: boolean;
  sandbox: boolean;
  children?: ReactNode;
}) {
  const [shown, setShown] = useState<Record<string, boolean>>({});
  const [tried, setTried] = useState(false);
  const base = useId();
  const problems = checkFields(element, values);
  const problemOf = (key: string) => problems.find((problem) => problem.startsWith(`${key}:`));
  const demo = Object.fromEntries(
    element.fields.flatMap((field) =>
      field.sandboxValue !== undefined ? [[field.key, field.sandboxValue]] : [],
    ),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problems.length === 0) return onSubmit();
    // Nothing is sent: focus (and so the screen) goes to the first field to mend, its message
    // beside it, rather than staying on a button far below it.
    const first = element.fields.find((field) => problemOf(field.key));
    if (first) document.getElementById(`${base}-${first.key}`)?.focus();
  };
  return (
    <form id={id} className="form fields-form" onSubmit={submit} noValidate>
      {element.fields.map((field) => {
        const inputId = `${base}-${field.key}`;
        const problem = tried ? problemOf(field.key) : undefined;
        return (
          <div key={field.key} className="field">
            <label htmlFor={inputId}>
              {field.title} <code className="muted">{field.key}</code>
              {field.secret && <span className="badge">secret</span>}
              {!field.required && (
                <span className="muted">
                  {field.requiredUnknown
                    ? ' (optional: the definition does not say)'
                    : ' (optional)'}
                </span>
              )}
            </label>
            <span className="field-row">
              {field.type === 'boolean' ? (
                <input
                  id={inputId}
                  type="checkbox"
                  checked={values[field.key] === 'true'}
                  onChange={(event) =>
                    onChange({ ...values, [field.key]: event.target.checked ? 'true' : 'false' })
                  }
                  disabled={disabled}
                  aria-describedby={`${inputId}-help`}
                />
              ) : (
                <input
                  id={inputId}
                  type={field.secret && !shown[field.key] ? 'password' : 'text'}
                  value={values[field.key] ?? ''}
                  onChange={(event) => onChange({ ...values, [field.key]: event.target.value })}
                  required={field.required}
                  placeholder={field.example ? `e.g. ${field.example}` : undefined}
                  maxLength={field.maxLength}
                  autoComplete="off"
                  spellCheck={false}
                  disabled={disabled}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={`${inputId}-help${problem ? ` ${inputId}-error` : ''}`}
                />
              )}
              {field.secret && (
                <button
                  type="button"
                  aria-pressed={shown[field.key] === true}
                  onClick={() => setShown({ ...shown, [field.key]: !shown[field.key] })}
                  disabled={disabled}
                >
                  {shown[field.key] ? 'Hide' : 'Show'}
                </button>
              )}
            </span>
            <span id={`${inputId}-help`} className="muted field-help">
              {field.help}
            </span>
            {problem && (
              <span id={`${inputId}-error`} className="field-error" role="alert">
                {problem.slice(problem.indexOf(':') + 1).trim()}
              </span>
            )}
          </div>
        );
      })}
      {sandbox && Object.keys(demo).length > 0 && (
        <p className="actions">
          <button
            type="button"
            onClick={() => onChange({ ...values, ...demo })}
            disabled={disabled}
          >
            Fill in the sandbox's demo values
          </button>{' '}
          <span className="muted">
            They are published in the README: the sandbox knows no others.
          </span>
        </p>
      )}
      {children}
    </form>
  );
}
