// The hash chain of a record's history: each event's hash covers its content and the hash of
// the event before it of the same record, so editing or removing any event breaks every later
// link. Events are written by records/events.ts; this module hashes and verifies.
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { RECORD_KINDS, RECORD_TABLE, type RecordKind } from '../records/kinds.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEvent {
  recordKind: RecordKind;
  recordId: string;
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

/**
 * The hash of an event. A complaint's events hash as they always have (the record named by
 * `complaintId`), so every chain written before migration 010 still verifies; any other kind
 * names its record by kind and id, so an event cannot be passed off as another kind's.
 */
export function eventHash(prevHash: string, e: ChainedEvent): string {
  const record = e.recordKind === 'complaint' ? { complaintId: e.recordId } : { recordKind: e.recordKind, recordId: e.recordId };
  const body = canonicalJson({
    ...record,
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

export interface ChainReport {
  complaintId: string;
  events: number;
  ok: boolean;
  /** The first event whose link does not hold. */
  brokenAtSeq?: number;
  reason?: string;
}

interface EventRow {
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

/** One record's chain: every link, and that the record's row names the newest event. */
export async function verifyRecordChain(db: Queryable, kind: RecordKind, id: string): Promise<Omit<ChainReport, 'complaintId'>> {
  const rows = await db.query<EventRow>(
    `SELECT seq, type, actor_role, actor_id, from_state, to_state, payload, created_at, prev_hash, hash
     FROM events WHERE record_kind = $1 AND record_id = $2 ORDER BY seq`,
    [kind, id],
  );
  const [c] = await db.query<{ last_event_hash: string; version: number }>(`SELECT last_event_hash, version FROM ${RECORD_TABLE[kind]} WHERE id = $1`, [id]);
  let prev = GENESIS_HASH;
  for (const [i, r] of rows.entries()) {
    const fail = (reason: string) => ({ events: rows.length, ok: false, brokenAtSeq: r.seq, reason });
    if (r.seq !== i + 1) return fail('an event is missing');
    if (r.prev_hash !== prev) return fail('the link to the previous event does not match');
    const expected = eventHash(prev, {
      recordKind: kind,
      recordId: id,
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
    return { events: rows.length, ok: false, brokenAtSeq, reason: 'the newest events are missing' };
  }
  return { events: rows.length, ok: true };
}

export async function verifyChain(db: Queryable, complaintId: string): Promise<ChainReport> {
  return { complaintId, ...(await verifyRecordChain(db, 'complaint', complaintId)) };
}

/**
 * History events whose record does not exist, per missing record. The foreign keys forbid
 * this, so it only happens when the database lost writes (two processes on one embedded data
 * directory did exactly this): the record was acknowledged, and is gone.
 */
export async function eventsWithoutRecord(db: Queryable): Promise<{ recordKind: RecordKind; recordId: string; events: number }[]> {
  const out: { recordKind: RecordKind; recordId: string; events: number }[] = [];
  for (const kind of RECORD_KINDS) {
    const rows = await db.query<{ record_id: string; events: number }>(
      `SELECT e.record_id, count(*)::int AS events FROM events e
       WHERE e.record_kind = $1 AND NOT EXISTS (SELECT 1 FROM ${RECORD_TABLE[kind]} r WHERE r.id = e.record_id)
       GROUP BY e.record_id ORDER BY min(e.id)`,
      [kind],
    );
    out.push(...rows.map((r) => ({ recordKind: kind, recordId: r.record_id, events: r.events })));
  }
  return out;
}

/** The complaints among them (the CLI's verify-chain reports these). */
export async function eventsWithoutComplaint(db: Queryable): Promise<{ complaintId: string; events: number }[]> {
  return (await eventsWithoutRecord(db)).filter((o) => o.recordKind === 'complaint').map((o) => ({ complaintId: o.recordId, events: o.events }));
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
