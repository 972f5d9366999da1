// Idempotency-Key for every write (POST, PUT, PATCH, DELETE): required with an API key,
// optional for people signed in to the portal. The first answer for a (sender, key) is kept
// 24 hours and repeated for the same request (with Idempotent-Replayed: true); the same key
// on a different request is refused (422), and while the first is still running (409).
//
// The claim is a row inserted before the handler runs; the table's primary key decides
// between concurrent requests, also across server processes. The claim is a short lease
// (IDEMPOTENCY_LEASE_SECONDS, 10 s) that the running request renews every few seconds, so it
// protects the request exactly as long as the request runs: a row left "started" by a crashed
// process is taken over 10 s later (not after a fixed minute), and a slow request (an upload to
// S3) is never taken over while it still runs. A 5xx answer is not kept (the claim is dropped),
// so the client can retry the same key once the fault is gone.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_LEASE_SECONDS, IdempotencyKeySchema } from '@nalish/domain';
import type { Queryable } from '../db/db.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { canonicalJson } from '../history/chain.ts';
import { actorId } from '../access/actor.ts';
import { isApiKey } from './auth.ts';

export const IDEMPOTENCY_KEEP_MS = 24 * 3600_000;
/** How long a claim lasts unless the running request renews it. */
export const LEASE_MS = IDEMPOTENCY_LEASE_SECONDS * 1000;
/** How often a running request renews its claim (well inside the lease). */
const RENEW_EVERY_MS = LEASE_MS / 3;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: this route's answers carry a secret shown once (a new API key, a sign-in
     *  token, a generated password), which must not be stored; the header is ignored. */
    idempotency?: false;
  }
  interface FastifyRequest {
    idempotency: IdempotencyState | null;
  }
}

interface IdempotencyState {
  principal: string;
  key: string;
  /** The lease this request holds; set once it claimed the key, moved on by each renewal. */
  lease: Date | null;
  done: boolean;
  /** Renews the lease while the request runs; a renewal in flight is awaited before the end. */
  renewal?: { timer: NodeJS.Timeout; pending: Promise<void> };
}

/** Keeps the claim alive while the request runs (fenced by the lease it holds). */
function keepRenewing(db: Queryable, idem: IdempotencyState, now: () => Date): void {
  const renewal = {
    pending: Promise.resolve(),
    timer: setInterval(() => {
      renewal.pending = renewal.pending.then(async () => {
        if (!idem.lease || idem.done) return;
        const next = new Date(now().getTime() + LEASE_MS);
        try {
          const rows = await db.query(
            `UPDATE idempotency_keys SET locked_until = $4 WHERE principal = $1 AND key = $2 AND status = 'started' AND locked_until = $3 RETURNING 1`,
            [idem.principal, idem.key, idem.lease, next],
          );
          if (rows.length > 0) idem.lease = next;
        } catch {
          // The next renewal tries again; the lease may run out meanwhile, as after a crash.
        }
      });
    }, RENEW_EVERY_MS).unref(),
  };
  idem.renewal = renewal;
}

async function stopRenewing(idem: IdempotencyState): Promise<void> {
  if (!idem.renewal) return;
  clearInterval(idem.renewal.timer);
  await idem.renewal.pending;
}

function applies(request: FastifyRequest): boolean {
  const actor = request.actor;
  return (
    WRITES.has(request.method) &&
    request.routeOptions.url !== undefined && // an unknown path answers 404, nothing to keep
    request.routeOptions.config.idempotency !== false &&
    actor !== null &&
    actor.role !== 'system'
  );
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

interface MultipartValue {
  type: 'file' | 'field';
  filename?: string;
  mimetype?: string;
  value?: unknown;
  toBuffer?: () => Promise<Buffer>;
}

/** A form's fields and files (read into memory by @fastify/multipart before the handler runs,
 *  so toBuffer() only hands back the bytes): names, values, file names, types and a hash of
 *  each file. The framing (the boundary, which a client makes anew for each try) does not count. */
async function multipartBodyHash(body: unknown): Promise<string> {
  const one = async (v: MultipartValue) =>
    v.type === 'file' ? { filename: v.filename, mimetype: v.mimetype, sha256: v.toBuffer ? sha256(await v.toBuffer()) : null } : { value: v.value };
  const fields: [string, unknown][] = [];
  for (const [name, v] of Object.entries((body ?? {}) as Record<string, MultipartValue | MultipartValue[]>)) {
    fields.push([name, Array.isArray(v) ? await Promise.all(v.map(one)) : await one(v)]);
  }
  return sha256(canonicalJson(Object.fromEntries(fields)));
}

interface StoredRow {
  fingerprint: string;
  status: 'started' | 'done';
  response_status: number | null;
  response_type: string | null;
  response_body: string | null;
}

type Claim = { claimed: true; lease: Date } | { claimed: false; row: StoredRow };

async function claim(db: Queryable, principal: string, key: string, fingerprint: string, now: Date): Promise<Claim> {
  const lease = new Date(now.getTime() + LEASE_MS);
  // A fresh key is inserted; an expired one (past 24 h), or one whose first request was
  // abandoned mid-way (lease over, same request), is started again. Otherwise the row stays.
  for (let attempt = 0; attempt < 3; attempt++) {
    const claimed = await db.query(
      `INSERT INTO idempotency_keys (principal, key, fingerprint, status, locked_until, created_at)
       VALUES ($1, $2, $3, 'started', $4, $5)
       ON CONFLICT (principal, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, status = 'started', locked_until = EXCLUDED.locked_until,
             created_at = EXCLUDED.created_at, response_status = NULL, response_type = NULL, response_body = NULL
         WHERE idempotency_keys.created_at <= $6
            OR (idempotency_keys.status = 'started' AND idempotency_keys.locked_until <= $5
                AND idempotency_keys.fingerprint = EXCLUDED.fingerprint)
       RETURNING 1`,
      [principal, key, fingerprint, lease, now, new Date(now.getTime() - IDEMPOTENCY_KEEP_MS)],
    );
    if (claimed.length > 0) return { claimed: true, lease };
    const [row] = await db.query<StoredRow>(
      'SELECT fingerprint, status, response_status, response_type, response_body FROM idempotency_keys WHERE principal = $1 AND key = $2',
      [principal, key],
    );
    if (row) return { claimed: false, row };
    // The row went away in between (its first request failed with a 5xx): try again.
  }
  throw new AppError('idempotency_in_progress', {}, { retryAfterSeconds: 1 });
}

function payloadText(payload: unknown): string | null {
  if (payload === null || payload === undefined) return '';
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  return null; // a stream: not kept
}

export function installIdempotency(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('idempotency', null);

  // The key is read first (after authentication and the rate limit), so a write without one
  // is refused before its body is read.
  app.addHook('onRequest', async (request) => {
    if (!applies(request)) return;
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (header === undefined) {
      if (isApiKey(request.actor)) throw new AppError('idempotency_key_required');
      return;
    }
    const key = IdempotencyKeySchema.safeParse(header);
    if (!key.success) throw new AppError('idempotency_key_required');
    const actor = request.actor!;
    request.idempotency = { principal: `${actor.role}:${actorId(actor)}`, key: key.data, lease: null, done: false };
  });

  // After validation, so a request refused as invalid does not use up its key.
  app.addHook('preHandler', async (request, reply) => {
    const idem = request.idempotency;
    if (!idem) return;
    const bodyHash = request.isMultipart()
      ? await multipartBodyHash(request.body)
      : // Through JSON first, so a parsed value (a Date, say) hashes as it was sent.
        sha256(canonicalJson(JSON.parse(JSON.stringify(request.body ?? null))));
    const fingerprint = sha256(`${request.method}\n${request.url}\n${bodyHash}`);
    const result = await claim(deps.db, idem.principal, idem.key, fingerprint, deps.now());
    if (result.claimed) {
      idem.lease = result.lease;
      keepRenewing(deps.db, idem, deps.now);
      return;
    }
    const { row } = result;
    if (row.fingerprint !== fingerprint) throw new AppError('idempotency_key_reused');
    if (row.status === 'started') throw new AppError('idempotency_in_progress', {}, { retryAfterSeconds: 1 });
    idem.done = true; // a replay: nothing new to keep
    return replay(reply, row);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const idem = request.idempotency;
    if (!idem?.lease || idem.done) return payload;
    await stopRenewing(idem);
    idem.done = true;
    const text = payloadText(payload);
    try {
      if (reply.statusCode >= 500 || text === null) {
        await deps.db.query('DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND status = $3 AND locked_until = $4', [
          idem.principal,
          idem.key,
          'started',
          idem.lease,
        ]);
      } else {
        await deps.db.query(
          `UPDATE idempotency_keys SET status = 'done', locked_until = NULL, response_status = $5, response_type = $6, response_body = $7
           WHERE principal = $1 AND key = $2 AND status = $3 AND locked_until = $4`,
          [idem.principal, idem.key, 'started', idem.lease, reply.statusCode, String(reply.getHeader('content-type') ?? ''), text],
        );
      }
    } catch (err) {
      // The answer still goes out; the key stays "started" until its lease ends.
      request.log.error({ err }, 'could not keep the idempotent answer');
    }
    return payload;
  });

  // However the answer ended, the claim is no longer renewed once it is out.
  app.addHook('onResponse', async (request) => {
    if (request.idempotency?.renewal) clearInterval(request.idempotency.renewal.timer);
  });
}

function replay(reply: FastifyReply, row: StoredRow): FastifyReply {
  void reply.status(row.response_status!).header('idempotent-replayed', 'true');
  if (row.response_type) void reply.header('content-type', row.response_type);
  return reply.send(row.response_body || undefined);
}

/** Keys older than 24 hours (called by the housekeeping loop). */
export async function dropExpiredIdempotencyKeys(db: Queryable, now: Date): Promise<number> {
  const rows = await db.query('DELETE FROM idempotency_keys WHERE created_at <= $1 RETURNING 1', [new Date(now.getTime() - IDEMPOTENCY_KEEP_MS)]);
  return rows.length;
}
