// The API client. Sessions are the server's HttpOnly cookie (same origin), so no token is
// ever readable by page scripts. Every request asks for the reader's language, so the
// server's messages come in it. Errors keep the server's code, localised message and field
// details, so forms can show them next to the field concerned.
export interface FieldError {
  path: string;
  /** What is wrong (a field error code, e.g. 'date_future'); message is its text in the reader's language. */
  code?: string;
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

// Inside the widget's frame on a shop's page the frame is third-party: its cookies are blocked
// or partitioned. There the session from the SMS code is kept in this frame's memory only and
// sent as a Bearer token; cookies are not used at all, so the frame behaves the same on every
// shop and never picks up a session of the Nalish site itself.
const frame = { on: false, token: null as string | null };
export function keepSessionInFrame(): void {
  frame.on = true;
}

// The language the app is shown in (the i18n provider keeps it current).
let language = '';
export function setRequestLanguage(locale: string): void {
  language = locale;
}

export interface ApiOptions {
  body?: unknown;
  form?: FormData;
  signal?: AbortSignal;
  /** The server answers a repeat of this key with the first answer (http/idempotency.ts). */
  idempotencyKey?: string;
  /** How much of the body has gone out (0–1); the request is then sent with XMLHttpRequest, which tells. */
  onUploadProgress?: (fraction: number) => void;
}

/** A request with upload progress: fetch does not report it, XMLHttpRequest does. */
function withProgress(method: string, path: string, headers: Record<string, string>, body: XMLHttpRequestBodyInit | undefined, withCredentials: boolean, onProgress: (f: number) => void): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.withCredentials = withCredentials;
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => resolve(new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, statusText: xhr.statusText }));
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.onabort = () => reject(new TypeError('aborted'));
    xhr.send(body ?? null);
  });
}

export async function api<T>(method: string, path: string, opts: ApiOptions = {}): Promise<T> {
  let res: Response;
  const headers: Record<string, string> = {
    ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(language ? { 'accept-language': language } : {}),
    ...(frame.token ? { authorization: `Bearer ${frame.token}` } : {}),
    ...(opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {}),
  };
  const body = opts.form ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined);
  try {
    res = opts.onUploadProgress
      ? await withProgress(method, path, headers, body, !frame.on, opts.onUploadProgress)
      : await fetch(path, {
          method,
          credentials: frame.on ? 'omit' : 'same-origin',
          headers,
          body,
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
  if (frame.on && path === '/api/v1/otp/verify') frame.token = (json as { token?: string }).token ?? null;
  return json as T;
}
