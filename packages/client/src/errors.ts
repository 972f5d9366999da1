// One error type for everything the API (or the client's own check of a body) refuses: the
// server's stable code, its message in the chosen language, and the details it sent.
export interface FieldError {
  path: string;
  /** What is wrong, a stable code (e.g. 'too_short', 'date_future'); message says it in words. */
  code?: string;
  message: string;
}

export class NalishApiError extends Error {
  override readonly name = 'NalishApiError';
  /** The HTTP status; 0 when the client refused the request before sending it. */
  readonly status: number;
  /** The server's stable error code, e.g. 'missing_scope', 'idempotency_key_reused', 'api_rate_limited'. */
  readonly code: string;
  readonly details: { fields?: FieldError[]; [key: string]: unknown } | undefined;
  /** Seconds the server asked to wait (Retry-After), if it did. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: { status: number; code: string; message: string; details?: NalishApiError['details']; retryAfterSeconds?: number | undefined }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}
