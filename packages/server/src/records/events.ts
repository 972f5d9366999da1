// The one writer of history events, for every kind of record: a typed event (the kind's
// discriminated union, so a misspelt type or a payload of the wrong shape does not compile),
// chained to the record's previous event, written in the caller's transaction together with
// what the event changes in the kind's derived tables (a complaint's counters). The caller
// holds the record's row lock and moves the row's version and last_event_hash to the result
// with a version check.
import type { Queryable } from '../db/db.ts';
import { type ChainedEvent, eventHash } from '../history/chain.ts';
import { addComplaintCounters } from '../stats/counters.ts';
import { type EventOf, RECORD_KEY_COLUMN, type RecordKind, type RecordRefOf } from './kinds.ts';

export type { EventOf } from './kinds.ts';


export interface WrittenEvent {
  /** events.id: the source of the public event id. */
  id: string;
  seq: number;
  hash: string;
}

/** What each kind does beside the event, in its transaction. */
const AFTER_EVENT: { [K in RecordKind]: (tx: Queryable, record: RecordRefOf<K>, event: EventOf<K>) => Promise<void> } = {
  complaint: addComplaintCounters,
};

/** The event as the chain hashes it: the next seq after the record's version. */
export function chained<K extends RecordKind>(record: RecordRefOf<K>, event: EventOf<K>): ChainedEvent {
  return {
    recordKind: record.kind,
    recordId: record.id,
    seq: record.version + 1,
    type: event.type,
    actorRole: event.actor.role,
    actorId: event.actor.id,
    fromState: event.fromState,
    toState: event.toState,
    payload: event.payload,
    createdAt: event.at,
  };
}

/** The hash the event will have (a new record's row is inserted with it, before its first event). */
export function hashOf<K extends RecordKind>(record: RecordRefOf<K>, event: EventOf<K>): string {
  return eventHash(record.lastEventHash, chained(record, event));
}

export async function writeEvent<K extends RecordKind>(tx: Queryable, record: RecordRefOf<K>, event: EventOf<K>): Promise<WrittenEvent> {
  const e = chained(record, event);
  const hash = eventHash(record.lastEventHash, e);
  const [row] = await tx.query<{ id: string | number }>(
    `INSERT INTO events (record_kind, record_id, ${RECORD_KEY_COLUMN[record.kind]}, seq, type, actor_role, actor_id, from_state, to_state, payload, created_at, prev_hash, hash)
     VALUES ($1, $2, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [e.recordKind, e.recordId, e.seq, e.type, e.actorRole, e.actorId, e.fromState, e.toState, JSON.stringify(e.payload), e.createdAt, record.lastEventHash, hash],
  );
  await (AFTER_EVENT[record.kind] as (tx: Queryable, r: RecordRefOf<K>, ev: EventOf<K>) => Promise<void>)(tx, record, event);
  return { id: String(row!.id), seq: e.seq, hash };
}
