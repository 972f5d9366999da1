// API errors in the reader's language: one sentence for an error that is not about a field,
// and field errors keyed by the form's own fields, from the server's answer or from checking
// a form with the same Zod schema the server uses.
import { ApiError, type FieldError } from '../api.ts';
import type { I18n } from '../i18n/i18n.tsx';
import type { UiKey } from '../i18n/en.ts';

type T = I18n['t'];
export type Errors = Record<string, string>;

/**
 * An error as a sentence in the reader's language: our catalogue's text for its code (filled
 * from the error's details), else the server's own message, which it localises too.
 */
export function errorText(t: T, e: unknown): string {
  if (!(e instanceof ApiError)) return t('error.internal');
  if (e.offline) return t('common.offline');
  const d = e.details;
  const params: Record<string, string | number> = {};
  if (typeof d.triesLeft === 'number') params.left = d.triesLeft;
  if (typeof d.retryAfterSeconds === 'number') params.seconds = d.retryAfterSeconds;
  if (typeof d.trackingCode === 'string') params.code = d.trackingCode;
  if (typeof d.mb === 'number') params.mb = d.mb;
  if (typeof d.max === 'number') params.max = d.max;
  const key = `error.${e.code}`;
  const text = t(key as UiKey, params);
  return text === key || /\{\w+\}/.test(text) ? e.message || t('error.internal') : text;
}

/** A field problem as the API reports it, or as a Zod issue from checking a form here. */
export interface Problem extends FieldError {
  /** The Zod issue's code and bound, when the check ran here. */
  code?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** The field problems the API reported (none for any other error). */
export const apiProblems = (e: unknown): Problem[] => (e instanceof ApiError ? (e.details.fields ?? []) : []);

/** Zod issues as field problems, their paths under `prefix` ('order' → 'order.date'). */
export function schemaProblems(issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[], prefix = ''): Problem[] {
  return issues.map((i) => {
    const { origin, minimum, maximum } = i as { origin?: string; minimum?: number | bigint; maximum?: number | bigint };
    return {
      path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
      message: i.message,
      ...(i.code ? { code: i.code } : {}),
      ...(origin !== undefined ? { origin } : {}),
      ...(minimum !== undefined ? { minimum } : {}),
      ...(maximum !== undefined ? { maximum } : {}),
    };
  });
}

/**
 * Problems keyed by the form's fields: a problem belongs to the first field that is its path
 * or a parent of it ('amountBdt' takes 'amountBdt'; 'facts' takes 'facts.deliveredAt'), or
 * to its own path when `fields` is 'path'. The first problem of a field is the one shown.
 */
export function byField(problems: readonly Problem[], fields: readonly string[] | 'path', word: (field: string, p: Problem) => string): Errors {
  const out: Errors = {};
  for (const p of problems) {
    const field = fields === 'path' ? p.path : fields.find((f) => p.path === f || p.path.startsWith(`${f}.`));
    if (field !== undefined && !(field in out)) out[field] = word(field, p);
  }
  return out;
}

/**
 * A problem in plain words when the form has no sentence of its own for the field: how long,
 * how much, or that it is needed or not valid (numbers in the reader's digits).
 */
export function problemText(t: T, p: Problem): string {
  const n = (v: number | bigint | undefined) => Number(v ?? 0);
  if (p.code === 'too_small' && p.origin === 'string') return n(p.minimum) <= 1 ? t('common.required') : t('common.err.tooShort', { min: n(p.minimum) });
  if (p.code === 'too_big' && p.origin === 'string') return t('common.err.tooLong', { max: n(p.maximum) });
  if (p.code === 'too_small' && p.origin === 'number') return t('common.err.tooSmall', { min: n(p.minimum) });
  if (p.code === 'too_big' && p.origin === 'number') return t('common.err.tooLarge', { max: n(p.maximum) });
  if (p.code === 'invalid_type') return t('common.required');
  if (p.code) return t('common.err.invalid');
  // From the server: its message, which it words itself.
  return p.message || t('common.err.invalid');
}
