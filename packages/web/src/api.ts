// The API client. Sessions are the server's HttpOnly cookie (same origin), so no token is
// ever readable by page scripts. Errors keep the server's code, localised message and
// field details, so forms can show them next to the field concerned.
export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { fields?: FieldError[]; [k: string]: unknown } = {},
  ) {
    super(message);
  }
  /** Connection lost: the request never reached the server. */
  get offline(): boolean {
    return this.status === 0;
  }
}

export async function api<T>(method: string, path: string, opts: { body?: unknown; locale?: string; form?: FormData; signal?: AbortSignal } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(opts.locale ? { 'accept-language': opts.locale } : {}),
      },
      body: opts.form ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch {
    throw new ApiError(0, 'offline', '');
  }
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; details?: ApiError['details'] } };
  if (!res.ok) {
    const e = json.error ?? { code: 'internal', message: res.statusText };
    throw new ApiError(res.status, e.code, e.message, e.details ?? {});
  }
  return json as T;
}
