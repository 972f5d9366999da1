// A real, local HTTP SMS gateway for tests, shaped like the Bangladeshi bulk-SMS gateways
// src/notify/sms.ts talks to: POST JSON { sender_id, to, text, reference, unicode }.
// It records what it accepts, refuses a reference it has already accepted with 409 (the
// gateways' unique client id), can be told to fail the next N requests with 500, and can be
// slowed down so a worker can be caught mid-batch.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewaySms {
  reference: string;
  /** The request's Idempotency-Key header. */
  idempotencyKey: string | undefined;
  to: string;
  text: string;
  senderId: string;
  unicode: boolean;
  at: Date;
}

export interface SmsGateway {
  /** The URL to give the service as SMS_GATEWAY_URL. */
  readonly url: string;
  /** Messages accepted (200), in arrival order; each reference at most once. */
  readonly messages: GatewaySms[];
  /** Requests refused with 409 because the reference was already accepted. */
  readonly duplicates: string[];
  /** Every request answered, whatever the answer. */
  requests: number;
  /** Answer the next `n` requests with 500 (nothing is recorded for them). */
  failNext(n: number): void;
  /** Wait this long before answering each request. */
  setDelay(ms: number): void;
  /** Messages accepted for one phone number, oldest first. */
  to(phone: string): GatewaySms[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `dedupe`: what the gateway recognises a repeat by: the body's reference field (named
 * `referenceField`, default "reference"), or only the Idempotency-Key header (as a generic HTTP
 * API would).
 */
export async function startSmsGateway(opts: { token?: string; dedupe?: 'reference' | 'idempotency-key'; referenceField?: string } = {}): Promise<SmsGateway> {
  const messages: GatewaySms[] = [];
  const duplicates: string[] = [];
  const accepted = new Set<string>();
  let failing = 0;
  let delay = 0;
  const state = { requests: 0 };

  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server: Server = createServer(async (req, res) => {
    try {
      const raw = await readBody(req);
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      state.requests += 1;
      if (req.method !== 'POST') return answer(res, 405, { error: 'method' });
      if (opts.token && req.headers.authorization !== `Bearer ${opts.token}`) return answer(res, 401, { error: 'token' });
      if (failing > 0) {
        failing -= 1;
        return answer(res, 500, { error: 'gateway unavailable' });
      }
      const b = JSON.parse(raw) as { sender_id?: string; to?: string; text?: string; unicode?: boolean } & Record<string, unknown>;
      const reference = b[opts.referenceField ?? 'reference'];
      if (typeof reference !== 'string' || !b.to || !b.text) return answer(res, 400, { error: 'reference, to and text are required' });
      const key = req.headers['idempotency-key'] as string | undefined;
      const dedupeBy = opts.dedupe === 'idempotency-key' ? key : reference;
      // Decided and recorded synchronously, so concurrent requests cannot both be accepted.
      if (dedupeBy !== undefined && accepted.has(dedupeBy)) {
        duplicates.push(reference);
        return answer(res, 409, { error: 'duplicate reference', reference });
      }
      if (dedupeBy !== undefined) accepted.add(dedupeBy);
      messages.push({ reference, idempotencyKey: key, to: b.to, text: b.text, senderId: b.sender_id ?? '', unicode: !!b.unicode, at: new Date() });
      return answer(res, 200, { status: 'accepted', reference: b.reference });
    } catch (e) {
      return answer(res, 400, { error: String((e as Error).message) });
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/sms`,
    messages,
    duplicates,
    get requests() {
      return state.requests;
    },
    set requests(n: number) {
      state.requests = n;
    },
    failNext(n) {
      failing = n;
    },
    setDelay(ms) {
      delay = ms;
    },
    to(phone) {
      return messages.filter((m) => m.to === phone);
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
