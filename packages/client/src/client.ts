// The Nalish merchant API client. Requests are checked with the same Zod schemas the server
// validates with (@nalish/domain) before they are sent; every write carries an
// Idempotency-Key (made here unless given), so a retry never does a step twice; a 429 is
// retried after the server's Retry-After, within bounds; a 409 "still in progress" for the same
// key is retried with growing waits (1, 2, 4, 8 s) until the server's lease on the key must have
// ended (a server that crashed mid-request holds it IDEMPOTENCY_LEASE_SECONDS); errors come back
// as NalishApiError with the server's code and message.
import {
  ActionPayloads,
  ComplaintListQuery,
  type FieldIssue,
  IDEMPOTENCY_LEASE_SECONDS,
  describeIssue,
  fieldError,
  type ComplaintListParams,
  type Locale,
  type MerchantResponse,
  type WebhookCreateInput,
  WebhookCreateSchema,
  type WebhookPatchInput,
  WebhookPatchSchema,
  WebhookRotateSchema,
  parseTrackingCode,
  t,
} from '@nalish/domain';
import { z } from 'zod';
import { NalishApiError } from './errors.ts';
import type {
  Complaint,
  ComplaintSummary,
  CreatedWebhookEndpoint,
  EventsPage,
  EvidenceUploaded,
  Identity,
  MerchantStats,
  Page,
  WebhookEndpoint,
  WebhookEndpointList,
} from './types.ts';

export interface NalishClientOptions {
  /** Where Nalish runs, e.g. https://nalish.gov.bd */
  baseUrl: string;
  /** The merchant's API key (nlk_…), from the portal's API keys page. */
  apiKey: string;
  /** The language of error messages (default 'en'). */
  locale?: Locale;
  /** How many times a request is retried after a 429 or a network failure (default 3). A 409 for
   *  a key still in progress is retried, with growing waits, until the server's lease on the key
   *  is over (IDEMPOTENCY_LEASE_SECONDS). */
  maxRetries?: number;
  /** A Retry-After longer than this is not waited for: the error is thrown at once (default 60). */
  maxRetryWaitSeconds?: number;
  /** Another fetch (a proxy agent, a test double). */
  fetch?: typeof fetch;
  /** How to wait between tries (tests pass a clock). */
  sleep?: (ms: number) => Promise<void>;
  /** Makes Idempotency-Keys for writes (default crypto.randomUUID). */
  newIdempotencyKey?: () => string;
}

export interface WriteOptions {
  /** Reuse a key to make a retry of your own safe (e.g. the id of your order-system job). */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface StepOptions extends WriteOptions {
  /** The version you saw: if the complaint has moved on since, the answer is 409 conflict. */
  expectedVersion?: number;
}

export type RespondInput = z.input<typeof ActionPayloads.respond>;
export type ProvideInfoInput = z.input<typeof ActionPayloads.provide_info>;

export interface UploadFile {
  filename: string;
  data: Blob | Uint8Array | ArrayBuffer;
  /** Sent as the part's type; the server checks the bytes themselves. */
  contentType?: string;
}

export const EventsQuery = z.object({
  after: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).optional(),
});
export type EventsParams = z.input<typeof EventsQuery>;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const WRITES = new Set<Method>(['POST', 'PATCH', 'PUT', 'DELETE']);

interface RequestOptions {
  query?: Record<string, string | undefined>;
  json?: unknown;
  form?: FormData;
  idempotencyKey?: string | undefined;
  signal?: AbortSignal | undefined;
  binary?: boolean;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class NalishClient {
  readonly #baseUrl: string;
  readonly #apiKey: string;
  readonly #locale: Locale;
  readonly #maxRetries: number;
  readonly #maxWaitSeconds: number;
  readonly #fetch: typeof fetch;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #newKey: () => string;

  constructor(options: NalishClientOptions) {
    if (!/^nlk_/.test(options.apiKey)) throw new TypeError('apiKey: a Nalish API key starts with nlk_');
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#apiKey = options.apiKey;
    this.#locale = options.locale ?? 'en';
    this.#maxRetries = options.maxRetries ?? 3;
    this.#maxWaitSeconds = options.maxRetryWaitSeconds ?? 60;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#sleep = options.sleep ?? defaultSleep;
    this.#newKey = options.newIdempotencyKey ?? (() => crypto.randomUUID());
  }

  // ── Complaints ──────────────────────────────────────────────────────────────────────

  /** One page of the inbox, soonest deadline first. */
  async listComplaints(params: ComplaintListParams = {}): Promise<Page<ComplaintSummary>> {
    this.#check(ComplaintListQuery, params);
    const { state, limit, ...rest } = params;
    const query: Record<string, string | undefined> = { ...rest, limit: limit === undefined ? undefined : String(limit) };
    if (state !== undefined) query.state = Array.isArray(state) ? state.join(',') : String(state);
    return this.#request('GET', '/api/v1/merchant/complaints', { query });
  }

  /** Every complaint matching the filters, page after page. */
  async *iterateComplaints(params: Omit<ComplaintListParams, 'cursor'> = {}): AsyncGenerator<ComplaintSummary> {
    let cursor: string | undefined;
    do {
      const page = await this.listComplaints({ ...params, ...(cursor ? { cursor } : {}) });
      yield* page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  async getComplaint(trackingCode: string): Promise<Complaint> {
    return this.#request('GET', `/api/v1/complaints/${this.#code(trackingCode)}`);
  }

  /** Answer a complaint with an offer (a remedy) or a defence. */
  async respond(trackingCode: string, response: RespondInput, options: StepOptions = {}): Promise<Complaint> {
    return this.#step(trackingCode, 'respond', this.#check(ActionPayloads.respond, response), options);
  }

  /** Answer the regulator's request for information (when it was asked of the merchant). */
  async provideInfo(trackingCode: string, answer: ProvideInfoInput, options: StepOptions = {}): Promise<Complaint> {
    return this.#step(trackingCode, 'provide_info', this.#check(ActionPayloads.provide_info, answer), options);
  }

  /** Attach a file (JPEG, PNG, WebP or PDF, up to 10 MB); name it in evidenceIds of an answer. */
  async uploadEvidence(trackingCode: string, file: UploadFile, options: WriteOptions = {}): Promise<EvidenceUploaded> {
    const form = new FormData();
    const blob = file.data instanceof Blob ? file.data : new Blob([file.data instanceof Uint8Array ? file.data : new Uint8Array(file.data)], { type: file.contentType ?? 'application/octet-stream' });
    form.append('file', blob, file.filename);
    return this.#request('POST', `/api/v1/complaints/${this.#code(trackingCode)}/evidence`, { form, idempotencyKey: options.idempotencyKey, signal: options.signal });
  }

  async downloadEvidence(trackingCode: string, evidenceId: string): Promise<{ data: Uint8Array; contentType: string }> {
    const res: Response = await this.#request('GET', `/api/v1/complaints/${this.#code(trackingCode)}/evidence/${encodeURIComponent(evidenceId)}`, { binary: true });
    return { data: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? 'application/octet-stream' };
  }

  async stats(): Promise<MerchantStats> {
    return this.#request('GET', '/api/v1/merchant/stats');
  }

  /** The merchant this key belongs to. */
  async whoami(): Promise<Identity> {
    return this.#request('GET', '/api/v1/session');
  }

  // ── The events feed ─────────────────────────────────────────────────────────────────

  /** One page of events after a cursor (from the first event when left out), oldest first. */
  async events(params: EventsParams = {}): Promise<EventsPage> {
    this.#check(EventsQuery, params);
    return this.#request('GET', '/api/v1/merchant/events', {
      query: { after: params.after, limit: params.limit === undefined ? undefined : String(params.limit) },
    });
  }

  /**
   * Poll the feed for ever (until the signal aborts): yields each page that has events.
   * Handle a page's items, then store its nextCursor; start again from the stored cursor.
   */
  async *pollEvents(options: { after?: string; limit?: number; idleMs?: number; signal?: AbortSignal } = {}): AsyncGenerator<EventsPage> {
    let after = options.after;
    const idle = options.idleMs ?? 5000;
    while (!options.signal?.aborted) {
      const page = await this.events({ ...(after ? { after } : {}), ...(options.limit ? { limit: options.limit } : {}) });
      after = page.nextCursor;
      if (page.items.length > 0) yield page;
      if (!page.hasMore) await abortable(this.#sleep(idle), options.signal);
    }
  }

  // ── Webhooks (routes of the webhooks feature: /api/v1/merchant/webhooks) ───────────────

  readonly webhooks = {
    list: async (): Promise<WebhookEndpointList> => this.#request('GET', '/api/v1/merchant/webhooks'),
    /** The answer carries the signing secret, once. */
    create: async (input: WebhookCreateInput, options: WriteOptions = {}): Promise<CreatedWebhookEndpoint> =>
      this.#request('POST', '/api/v1/merchant/webhooks', { json: this.#check(WebhookCreateSchema, input), ...this.#write(options) }),
    update: async (id: string, patch: WebhookPatchInput, options: WriteOptions = {}): Promise<WebhookEndpoint> =>
      this.#request('PATCH', `/api/v1/merchant/webhooks/${encodeURIComponent(id)}`, { json: this.#check(WebhookPatchSchema, patch), ...this.#write(options) }),
    /** A new signing secret, shown once; the old one may go on signing for a few hours. */
    rotateSecret: async (id: string, keepPreviousHours = 0, options: WriteOptions = {}): Promise<CreatedWebhookEndpoint> =>
      this.#request('POST', `/api/v1/merchant/webhooks/${encodeURIComponent(id)}/rotate-secret`, {
        json: this.#check(WebhookRotateSchema, { keepPreviousHours }),
        ...this.#write(options),
      }),
    delete: async (id: string, options: WriteOptions = {}): Promise<void> =>
      this.#request('DELETE', `/api/v1/merchant/webhooks/${encodeURIComponent(id)}`, this.#write(options)),
  };

  // ── Plumbing ────────────────────────────────────────────────────────────────────────

  async #step(trackingCode: string, action: 'respond' | 'provide_info', payload: MerchantResponse | object, options: StepOptions): Promise<Complaint> {
    const json = options.expectedVersion === undefined ? payload : { ...payload, expectedVersion: options.expectedVersion };
    return this.#request('POST', `/api/v1/complaints/${this.#code(trackingCode)}/${action.replaceAll('_', '-')}`, { json, ...this.#write(options) });
  }

  #write(options: WriteOptions): Pick<RequestOptions, 'idempotencyKey' | 'signal'> {
    return { idempotencyKey: options.idempotencyKey, signal: options.signal };
  }

  /** Checked with the server's own schema; refused here, with the same error shape, if wrong. */
  #check<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    throw new NalishApiError({
      status: 0,
      code: 'validation',
      message: t(this.#locale, 'error.validation'),
      // The same field codes and catalogue messages as the server's answers.
      details: {
        fields: r.error.issues.map((i) => {
          const d = describeIssue(i as FieldIssue);
          return fieldError(this.#locale, i.path.map(String).join('.'), d.code, d.params);
        }),
      },
    });
  }

  #code(input: string): string {
    const code = parseTrackingCode(input);
    if (!code) throw new NalishApiError({ status: 0, code: 'validation', message: t(this.#locale, 'error.validation'), details: { fields: [fieldError(this.#locale, 'trackingCode', 'format')] } });
    return code;
  }

  async #request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
    const url = new URL(this.#baseUrl + path);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    const headers: Record<string, string> = { authorization: `Bearer ${this.#apiKey}`, 'accept-language': this.#locale, accept: 'application/json' };
    // One key for every try of this call: a retry after a lost answer gets the first answer.
    if (WRITES.has(method)) headers['idempotency-key'] = options.idempotencyKey ?? this.#newKey();
    let body: string | FormData | undefined;
    if (options.form) body = options.form;
    else if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    }

    // Waited so far on "in progress" answers, and how many of them came.
    let inProgressWaited = 0;
    let inProgress = 0;
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await this.#fetch(url, { method, headers, ...(body !== undefined ? { body } : {}), ...(options.signal ? { signal: options.signal } : {}) });
      } catch (err) {
        // The request may or may not have arrived; with its Idempotency-Key a retry is safe.
        if (options.signal?.aborted || attempt >= this.#maxRetries) throw err;
        await this.#sleep(Math.min(500 * 2 ** attempt, 8000));
        continue;
      }
      if (res.ok) {
        if (options.binary) return res as T;
        if (res.status === 204) return undefined as T;
        return (await res.json()) as T;
      }
      const error = await toError(res);
      if (res.status === 409 && error.code === 'idempotency_in_progress') {
        // The first request with this key is still running, or its server crashed and the key
        // is free once the lease ends: wait 1, 2, 4, 8 s … until the lease must be over.
        const wait = Math.max(error.retryAfterSeconds ?? 1, Math.min(2 ** inProgress, 8));
        if (inProgressWaited >= IDEMPOTENCY_LEASE_SECONDS || options.signal?.aborted) throw error;
        inProgress += 1;
        inProgressWaited += wait;
        await this.#sleep(wait * 1000);
        continue;
      }
      const wait = error.retryAfterSeconds ?? 1;
      if (res.status !== 429 || attempt >= this.#maxRetries || wait > this.#maxWaitSeconds) throw error;
      await this.#sleep(wait * 1000);
    }
  }
}

async function toError(res: Response): Promise<NalishApiError> {
  const header = res.headers.get('retry-after');
  const retryAfterSeconds = header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: NalishApiError['details'] } } | null;
  return new NalishApiError({
    status: res.status,
    code: body?.error?.code ?? `http_${res.status}`,
    message: body?.error?.message ?? res.statusText,
    details: body?.error?.details,
    retryAfterSeconds,
  });
}

/** Resolves when the wait is over or the signal aborts, whichever is first. */
function abortable(wait: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return wait;
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done);
    void wait.then(done);
  });
}
