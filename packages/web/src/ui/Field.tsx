// A labelled form field: its hint and its error are tied to the control (aria-describedby,
// aria-invalid), so a screen reader says what is wrong where it is wrong. Every area uses
// this one; the control is passed as a function that receives the attributes to spread.
import type { ReactNode } from 'react';

export interface FieldAria {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** The attributes for a control with this id, hint and error. */
function fieldAria(id: string, error?: string, hint?: boolean): FieldAria {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) };
}

export function Field(props: { id: string; label: string; hint?: string | undefined; error?: string | undefined; children: (a: FieldAria) => ReactNode }) {
  const { id, label, hint, error } = props;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {props.children(fieldAria(id, error, Boolean(hint)))}
      {error && (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** An error about the whole form (not one field): announced, and focusable so it can be reached. */
export function FormError({ text }: { text?: string | undefined }) {
  if (!text) return null;
  return (
    <p className="error form-error" role="alert" tabIndex={-1}>
      {text}
    </p>
  );
}

/** A choice of one of a fixed list (a domain table's values), each shown by its catalogue text. */
export function Choice<V extends string>(props: { a: FieldAria; value: string; options: readonly V[]; text: (v: V) => string; onChange: (v: V) => void }) {
  return (
    <select {...props.a} value={props.value} onChange={(e) => props.onChange(e.target.value as V)}>
      {props.options.map((v) => (
        <option key={v} value={v}>
          {props.text(v)}
        </option>
      ))}
    </select>
  );
}
