// Shared pieces of the regulator console: the signed-in officer, API errors in the reader's
// language tied to their fields, a labelled field, and form state kept across a reload.
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { MessageKey } from '@nalish/domain';
import { ApiError } from '../../api.ts';
import type { UiKey } from '../../i18n/en.ts';

export interface Officer {
  officerId: string;
  officeId: string;
  name: string | null;
  email: string | null;
  officeName: string | null;
  officeNameBn: string | null;
}

export const OfficerContext = createContext<Officer | null>(null);
export function useOfficer(): Officer {
  const o = useContext(OfficerContext);
  if (!o) throw new Error('useOfficer outside the console');
  return o;
}

type T = (k: UiKey | MessageKey, p?: Record<string, string | number>) => string;

/** The message for an error, in the reader's language (the server localises by Accept-Language). */
export function errorText(t: T, e: unknown): string {
  if (e instanceof ApiError) {
    if (e.offline) return t('regulator.err.offline');
    return e.message || t(`error.${e.code}` as MessageKey);
  }
  return t('error.internal');
}

/** Errors per field path from an API error; '' holds the message for the form as a whole. */
export function fieldErrors(t: T, e: unknown, known: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (e instanceof ApiError && e.details.fields?.length) {
    for (const f of e.details.fields) {
      const path = known.find((k) => f.path === k || f.path.startsWith(`${k}.`));
      if (path && !out[path]) out[path] = f.message;
    }
  }
  out[''] = errorText(t, e);
  return out;
}

/** Focus the first field marked invalid in a form, else its error summary. */
export function focusFirstError(form: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.r-form-error');
    el?.focus();
  });
}

export function Field(props: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (a: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="r-field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <p className="muted r-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children({ id: props.id, ...(props.error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {props.error && (
        <p className="error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** The form-level error, focusable so it can be announced and reached. */
export function FormError({ text }: { text?: string | undefined }) {
  if (!text) return null;
  return (
    <p className="error r-form-error" role="alert" tabIndex={-1}>
      {text}
    </p>
  );
}

/** A step of the case: POST it with the version seen; null when done, else errors per field ('' for the form). */
export type Post = (action: string, body: Record<string, unknown>, fields: string[]) => Promise<Record<string, string> | null>;

export function useFormState<T extends Record<string, string>>(key: string, initial: T) {
  // Kept in sessionStorage: a reload or a lost connection never loses what was typed.
  const [v, setV] = useState<T>(() => {
    try {
      const saved = sessionStorage.getItem(key);
      return saved ? { ...initial, ...(JSON.parse(saved) as T) } : initial;
    } catch {
      return initial;
    }
  });
  const set = (k: keyof T, value: string) =>
    setV((old) => {
      const next = { ...old, [k]: value };
      sessionStorage.setItem(key, JSON.stringify(next));
      return next;
    });
  const clear = () => {
    sessionStorage.removeItem(key);
    setV(initial);
  };
  return [v, set, clear] as const;
}
