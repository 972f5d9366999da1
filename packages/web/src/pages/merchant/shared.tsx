// What the merchant pages share: the signed-in staff member, the API with the reader's
// language, headings that take focus on a page change, and field errors from the API.
import type { MessageKey } from '@nalish/domain';
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { ApiError, type FieldError, api } from '../../api.ts';
import type { UiKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export interface Staff {
  role: 'merchant';
  merchantId: string;
  merchantName: string | null;
  userId: string | null;
  name: string | null;
  staffRole: 'owner' | 'agent' | null;
  email: string | null;
}

export const StaffContext = createContext<Staff | null>(null);
export function useStaff(): Staff {
  const s = useContext(StaffContext);
  if (!s) throw new Error('useStaff outside the merchant portal');
  return s;
}

/** The API with error messages in the reader's language. */
export function useApi() {
  const { locale } = useI18n();
  return <T,>(method: string, path: string, opts: { body?: unknown; form?: FormData } = {}) => api<T>(method, path, { ...opts, locale });
}

/** The page's heading; it takes focus when the page opens, so screen readers announce it. */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** A field's localised error: a known code from the server, or the area's message for the field. */
export function fieldMessage(t: (k: UiKey | MessageKey) => string, f: FieldError, fallback: Record<string, UiKey>): string {
  const known: Record<string, UiKey> = {
    email_taken: 'merchant.err.emailTaken',
    cannot_deactivate_self: 'merchant.err.selfDeactivate',
    cannot_demote_self: 'merchant.err.selfDemote',
  };
  const key = known[f.code ?? ''] ?? fallback[f.path.split('.')[0] ?? ''];
  return key ? t(key) : f.message;
}

/** Map the API error's field details to { field: message }. */
export function fieldErrors(t: (k: UiKey | MessageKey) => string, e: unknown, fallback: Record<string, UiKey>): Record<string, string> {
  if (!(e instanceof ApiError) || !e.details.fields) return {};
  const out: Record<string, string> = {};
  for (const f of e.details.fields) {
    const field = f.path.split('.')[0] || 'form';
    out[field] ??= fieldMessage(t, f, fallback);
  }
  return out;
}

/** The message for an error that is not about one field. */
export function errorText(t: (k: UiKey | MessageKey) => string, e: unknown): string {
  if (e instanceof ApiError) {
    if (e.offline) return t('merchant.err.offline');
    return e.message || t(`error.${e.code}` as MessageKey);
  }
  return t('error.internal');
}

/** A labelled field with its error announced and tied to it. */
export function Field(props: { id: string; label: string; error?: string | undefined; hint?: string; children: (a: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode }) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="m-field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <p className="muted m-hint" id={`${props.id}-hint`}>
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

/** Copy text to the clipboard; says whether it worked. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Focus the first invalid field after a render. */
export function focusFirstInvalid(root: HTMLElement | null): void {
  setTimeout(() => root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
}

/**
 * "Are you sure?" for a step that cannot be undone (revoke a key, replace or delete a secret or
 * an endpoint): the question, a danger button that takes focus (through `yesRef`) and Cancel.
 */
export function ConfirmGroup(props: {
  id: string;
  question: string;
  yes: string;
  onYes: () => void;
  onCancel: () => void;
  yesRef: React.RefObject<HTMLButtonElement | null>;
  busy?: boolean;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="m-confirm" role="group" aria-labelledby={props.id}>
      <p id={props.id}>{props.question}</p>
      <div className="m-actions">
        <button type="button" ref={props.yesRef} className="m-danger" disabled={props.busy} onClick={props.onYes}>
          {props.yes}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {props.children}
    </div>
  );
}
