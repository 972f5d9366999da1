// The hash chain of a complaint's history: each event's hash covers its content and the
// hash of the event before it, so editing or removing any event breaks every later link.
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/db.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEvent {
  complaintId: string;
  seq: number;
  type: string;
  actorRole: string;
  actorId: string | null;
  fromState: string | null;
  toState: string;
  payload: unknown;
  createdAt: Date;
}

/** JSON with object keys sorted, so the same content always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function eventHash(prevHash: string, e: ChainedEvent): string {
  const body = canonicalJson({
    complaintId: e.complaintId,
    seq: e.seq,
    type: e.type,
    actorRole: e.actorRole,
    actorId: e.actorId,
    fromState: e.fromState,
    toState: e.toState,
    payload: e.payload,
    createdAt: e.createdAt.toISOString(),
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Append one event; returns its id (complaint_events.id, the source of the public event id)
 * and its hash. The caller holds the complaint row lock.
 */
export async function appendEvent(tx: Queryable, prevHash: string, e: ChainedEvent): Promise<{ id: string; hash: string }> {
  const hash = eventHash(prevHash, e);
  const [row] = await tx.query<{ id: string | number }>(
    `INSERT INTO complaint_events (complaint_id, seq, type, actor_role, actor_id, from_state, to_state, payload, created_at, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [e.complaintId, e.seq, e.type, e.actorRole, e.actorId, e.fromState, e.toState, JSON.stringify(e.payload), e.createdAt, prevHash, hash],
  );
  return { id: String(row!.id), hash };
}

export interface ChainReport {
  complaintId: string;
  events: number;
  ok: boolean;
  /** The first event whose link does not hold. */
  brokenAtSeq?: number;
  reason?: string;
}

interface EventRow {
  complaint_id: string;
  seq: number;
  type: string;
  actor_role: string;
  actor_id: string | null;
  from_state: string | null;
  to_state: string;
  payload: unknown;
  created_at: Date;
  prev_hash: string;
  hash: string;
}

export async function verifyChain(db: Queryable, complaintId: string): Promise<ChainReport> {
  const rows = await db.query<EventRow>('SELECT * FROM complaint_events WHERE complaint_id = $1 ORDER BY seq', [complaintId]);
  const [c] = await db.query<{ last_event_hash: string; version: number }>(
    'SELECT last_event_hash, version FROM complaints WHERE id = $1',
    [complaintId],
  );
  let prev = GENESIS_HASH;
  for (const [i, r] of rows.entries()) {
    const fail = (reason: string): ChainReport => ({ complaintId, events: rows.length, ok: false, brokenAtSeq: r.seq, reason });
    if (r.seq !== i + 1) return fail('an event is missing');
    if (r.prev_hash !== prev) return fail('the link to the previous event does not match');
    const expected = eventHash(prev, {
      complaintId: r.complaint_id,
      seq: r.seq,
      type: r.type,
      actorRole: r.actor_role,
      actorId: r.actor_id,
      fromState: r.from_state,
      toState: r.to_state,
      payload: r.payload,
      createdAt: new Date(r.created_at),
    });
    if (expected !== r.hash) return fail('the event was changed after it was written');
    prev = r.hash;
  }
  if (c && (c.last_event_hash !== prev || c.version !== rows.length)) {
    // The first missing seq when events were removed; the newest one when it was replaced.
    const brokenAtSeq = c.version > rows.length ? rows.length + 1 : rows.length;
    return { complaintId, events: rows.length, ok: false, brokenAtSeq, reason: 'the newest events are missing' };
  }
  return { complaintId, events: rows.length, ok: true };
}

/**
 * History events whose complaint does not exist, per missing complaint. The foreign key forbids
 * this, so it only happens when the database lost writes (two processes on one embedded data
 * directory did exactly this): the complaint was acknowledged, and is gone.
 */
export async function eventsWithoutComplaint(db: Queryable): Promise<{ complaintId: string; events: number }[]> {
  const rows = await db.query<{ complaint_id: string; events: number }>(
    `SELECT e.complaint_id, count(*)::int AS events FROM complaint_events e
     WHERE NOT EXISTS (SELECT 1 FROM complaints c WHERE c.id = e.complaint_id)
     GROUP BY e.complaint_id ORDER BY min(e.id)`,
  );
  return rows.map((r) => ({ complaintId: r.complaint_id, events: r.events }));
}

export const MISSING_COMPLAINT = 'the complaint is missing';

/** Every complaint's chain, then every history that lost its complaint. */
export async function verifyAllChains(db: Queryable): Promise<ChainReport[]> {
  const ids = await db.query<{ id: string }>('SELECT id FROM complaints ORDER BY filed_at');
  const reports: ChainReport[] = [];
  for (const { id } of ids) reports.push(await verifyChain(db, id));
  for (const o of await eventsWithoutComplaint(db)) reports.push({ complaintId: o.complaintId, events: o.events, ok: false, reason: MISSING_COMPLAINT });
  return reports;
}
