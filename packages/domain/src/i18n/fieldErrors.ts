// Field errors: one stable code per kind of problem with one field, and its message from the
// catalogues (field.<code>) in the reader's language, with the reader's digits. The validator's
// own English ("Too small: expected string to have >=10 characters") never reaches a person.
//
// A schema names a field's own problem by giving the code as its message, e.g.
// `.regex(/^\d{6}$/, 'otp_code')` or `.refine(…, { message: 'nothing_to_change' })`; any other
// issue is described from what the validator reports (too short, not a number, not a date, …).
//
// The field messages are a catalogue of their own (fields.en.ts, fields.bn.ts), apart from the
// main one: the server and the client write them; the web app has its own words for its forms
// and does not carry these in its bundle.
import { type Locale, type Params, fillMessage } from './messages.ts';
import { fieldsBn } from './fields.bn.ts';
import { fieldsEn } from './fields.en.ts';

const FIELD_MESSAGES: Record<Locale, Record<keyof typeof fieldsEn, string>> = { en: fieldsEn, bn: fieldsBn };

export type FieldErrorCode = keyof typeof fieldsEn extends `field.${infer C}` ? C : never;

export function isFieldErrorCode(s: unknown): s is FieldErrorCode {
  return typeof s === 'string' && Object.hasOwn(fieldsEn, `field.${s}`);
}

/** A field error as the API answers it: the path ('order.amountBdt'), the code and the message. */
export interface FieldError {
  path: string;
  code: FieldErrorCode;
  message: string;
}

/** What a validator reports about one field (Zod's issue, as Fastify passes it on). */
export interface FieldIssue {
  code: string;
  message?: string | undefined;
  origin?: string | undefined;
  minimum?: number | bigint | undefined;
  maximum?: number | bigint | undefined;
  expected?: string | undefined;
  format?: string | undefined;
}

const num = (v: number | bigint | undefined) => Number(v ?? 0);

/**
 * The code and message parameters for one issue. `missing`: the field was not sent at all
 * (the caller knows the input; the issue does not say).
 */
export function describeIssue(issue: FieldIssue, missing = false): { code: FieldErrorCode; params: Params } {
  if (isFieldErrorCode(issue.message)) return { code: issue.message, params: {} };
  switch (issue.code) {
    case 'too_small': {
      const min = num(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { code: 'required', params: {} } : { code: 'too_short', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_few', params: { min } };
      return { code: 'too_small', params: { min } };
    }
    case 'too_big': {
      const max = num(issue.maximum);
      if (issue.origin === 'string') return { code: 'too_long', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_many', params: { max } };
      return { code: 'too_big', params: { max } };
    }
    case 'invalid_type':
      if (missing) return { code: 'required', params: {} };
      if (issue.expected === 'int') return { code: 'not_whole', params: {} };
      if (issue.expected === 'number' || issue.expected === 'bigint') return { code: 'not_a_number', params: {} };
      if (issue.expected === 'string') return { code: 'not_text', params: {} };
      if (issue.expected === 'boolean') return { code: 'yes_or_no', params: {} };
      if (issue.expected === 'date') return { code: 'instant', params: {} };
      return { code: 'wrong_form', params: {} };
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return { code: 'email', params: {} };
        case 'url':
          return { code: 'url', params: {} };
        case 'uuid':
        case 'guid':
          return { code: 'id', params: {} };
        case 'date':
          return { code: 'date', params: {} };
        case 'datetime':
          return { code: 'datetime', params: {} };
        default:
          return { code: 'format', params: {} };
      }
    case 'invalid_value':
    case 'invalid_union':
      return missing ? { code: 'required', params: {} } : { code: 'choose_option', params: {} };
    case 'unrecognized_keys':
      return { code: 'unknown_field', params: {} };
    case 'not_multiple_of':
      return { code: 'not_whole', params: {} };
    default:
      return { code: 'format', params: {} };
  }
}

export function fieldMessage(locale: Locale, code: FieldErrorCode, params: Params = {}): string {
  return fillMessage(locale, FIELD_MESSAGES[locale][`field.${code}`], params);
}

export function fieldError(locale: Locale, path: string, code: FieldErrorCode, params: Params = {}): FieldError {
  return { path, code, message: fieldMessage(locale, code, params) };
}
