// Stable error codes, mapped to HTTP statuses in this one place. Messages come from the
// catalogues (error.<code>), in the language of the request.
import type { FieldErrorCode, MessageKey, Params } from '@nalish/domain';

export const ERROR_STATUS = {
  validation: 400,
  malformed_json: 400,
  malformed_multipart: 400,
  malformed_url: 400,
  phone_invalid: 400,
  merchant_ambiguous: 400,
  evidence_not_found: 400,
  webhook_url_invalid: 400,
  webhook_url_scheme: 400,
  webhook_url_private: 400,
  fact_not_allowed: 400,
  idempotency_key_required: 400,
  order_context_invalid: 400,
  order_context_expired: 400,
  order_context_merchant: 400,
  order_context_phone: 400,
  order_context_mismatch: 400,
  date_range_invalid: 400,
  holiday_list_invalid: 400,
  unauthenticated: 401,
  login_failed: 401,
  otp_invalid: 401,
  otp_expired: 401,
  otp_exhausted: 401,
  forbidden: 403,
  csrf: 403,
  officer_not_in_office: 403,
  missing_scope: 403,
  not_found: 404,
  merchant_not_found: 404,
  finding_not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  guard_failed: 409,
  duplicate_complaint: 409,
  webhook_disabled: 409,
  complaint_finished: 409,
  idempotency_in_progress: 409,
  holiday_list_changed: 409,
  payload_too_large: 413,
  evidence_too_large: 413,
  unsupported_media_type: 415,
  evidence_type: 415,
  evidence_limit: 422,
  webhook_limit: 422,
  idempotency_key_reused: 422,
  rate_limited: 429,
  otp_resend_wait: 429,
  sign_in_locked: 429,
  filing_limit: 429,
  api_rate_limited: 429,
  internal: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

// Every code has a message in both catalogues: the type checker holds us to it.
type _EveryCodeHasAMessage = `error.${ErrorCode}` extends MessageKey ? true : never;
const _check: _EveryCodeHasAMessage = true;
void _check;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Params;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, params: Params = {}, details?: Record<string, unknown>) {
    super(code);
    this.code = code;
    this.params = params;
    this.details = details;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** What is wrong with one field; its message is written in the reader's language when sent. */
export interface FieldProblemDetail {
  path: string;
  code: FieldErrorCode;
  params?: Params;
}

/** 400 validation naming the fields and what is wrong with each. */
export function invalidFields(...fields: FieldProblemDetail[]): AppError {
  return new AppError('validation', {}, { fields });
}
