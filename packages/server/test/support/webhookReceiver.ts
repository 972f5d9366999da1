// A real, local webhook receiver for tests, written the way docs/INTEGRATION-webhooks.md tells
// a merchant to write one: it verifies the Nalish-Signature over the raw body with the
// endpoint's secret, refuses a timestamp more than 5 minutes from its clock, remembers the
// event ids it has processed (a repeat is acknowledged with 200 and not processed again), and
// answers 2xx only once it has processed the event. It can be told to fail (500) the next N
// requests or those for one event, to hang, and to answer slowly.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Verification, verifyWebhook } from '../../src/webhooks/signature.ts';

export interface ReceivedRequest {
  eventId: string;
  type: string;
  body: string;
  headers: Record<string, string>;
  verification: Verification;
  /** What the receiver answered. */
  status: number;
  outcome: 'processed' | 'duplicate' | 'rejected' | 'failed';
}

export interface WebhookReceiver {
  readonly url: string;
  /** Every request, in arrival order. */
  readonly requests: ReceivedRequest[];
  /** Events processed, in the order they were processed: each id at most once. */
  readonly processed: ReceivedRequest[];
  /** Requests for an id already processed (acknowledged, not processed again). */
  readonly duplicates: ReceivedRequest[];
  /** Requests refused for a bad signature or timestamp. */
  readonly rejected: ReceivedRequest[];
  setSecret(...secrets: string[]): void;
  failNext(n: number): void;
  /** Answer 500 to this event id, `n` times. */
  failEvent(eventId: string, n: number): void;
  /** Answer every request with this error status (null: back to normal). */
  failAll(status: number | null): void;
  setDelay(ms: number): void;
  /** Re-send a recorded request as an attacker would (same headers, optionally another body). */
  replay(r: ReceivedRequest, body?: string): Promise<number>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebhookReceiver(opts: { secret?: string; now: () => Date }): Promise<WebhookReceiver> {
  let secrets = opts.secret ? [opts.secret] : [];
  let failing = 0;
  const failEvents = new Map<string, number>();
  let down: number | null = null;
  let delay = 0;
  const seen = new Set<string>();
  const r = { requests: [] as ReceivedRequest[], processed: [] as ReceivedRequest[], duplicates: [] as ReceivedRequest[], rejected: [] as ReceivedRequest[] };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: Error) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`receiver error: ${e.message}`);
    });
  });
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req);
    if (delay > 0) await new Promise((t) => setTimeout(t, delay));
    const header = (name: string) => String(req.headers[name] ?? '');
    const eventId = header('nalish-event-id');
    // Any of the secrets the receiver holds (during a rotation it may hold two).
    let verification: Verification = { ok: false, reason: 'malformed' };
    for (const secret of secrets) {
      verification = verifyWebhook({ body, header: header('nalish-signature'), secret, now: opts.now() });
      if (verification.ok) break;
    }
    const rec: ReceivedRequest = {
      eventId,
      type: header('nalish-event-type'),
      body,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      verification,
      status: 0,
      outcome: 'failed',
    };
    const answer = (status: number, outcome: ReceivedRequest['outcome']) => {
      rec.status = status;
      rec.outcome = outcome;
      r.requests.push(rec);
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(outcome);
    };
    if (!verification.ok) {
      r.rejected.push(rec);
      return answer(400, 'rejected');
    }
    // The id inside the signed body must be the one in the header.
    if ((JSON.parse(body) as { id?: string }).id !== eventId) {
      r.rejected.push(rec);
      return answer(400, 'rejected');
    }
    if (seen.has(eventId)) {
      r.duplicates.push(rec);
      return answer(200, 'duplicate');
    }
    if (down !== null) return answer(down, 'failed');
    const forEvent = failEvents.get(eventId) ?? 0;
    if (forEvent > 0) {
      failEvents.set(eventId, forEvent - 1);
      return answer(500, 'failed');
    }
    if (failing > 0) {
      failing -= 1;
      return answer(500, 'failed');
    }
    seen.add(eventId);
    r.processed.push(rec);
    return answer(200, 'processed');
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/nalish/webhooks`;
  return {
    url,
    ...r,
    setSecret: (...s) => {
      secrets = s;
    },
    failNext: (n) => {
      failing = n;
    },
    failEvent: (id, n) => {
      failEvents.set(id, n);
    },
    failAll: (status) => {
      down = status;
    },
    setDelay: (ms) => {
      delay = ms;
    },
    async replay(rec, body) {
      const headers = { ...rec.headers };
      delete headers['content-length'];
      delete headers.host;
      delete headers.connection;
      const res = await fetch(url, { method: 'POST', headers, body: body ?? rec.body });
      await res.text();
      return res.status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
