// The kinds of record the shared machinery serves (the history, timers, the outbox) and what
// each brings: its typed events (a discriminated union per kind, from the domain), the
// purposes of its clocks, and the column of its foreign key in those tables (a key cannot
// point at "any record"; migration 010 ties each kind's column to record_id with a CHECK).
// A new kind of record adds one entry to each table here, its key columns and the kind to the
// CHECKs in a migration, and its timer handler in deadlines/handlers.ts.
import type { ComplaintEvent, Role, State } from '@nalish/domain';

/** Every event each kind's history can hold. */
export interface RecordEvents {
  complaint: ComplaintEvent;
}

/** The states each kind's events move between (from_state, to_state). */
export interface RecordStates {
  complaint: State;
}

export type RecordKind = keyof RecordEvents;
export const RECORD_KINDS = ['complaint'] as const satisfies readonly RecordKind[];

/** The table of each kind's rows; each has id, version (its newest event's seq) and last_event_hash. */
export const RECORD_TABLE: Record<RecordKind, string> = {
  complaint: 'complaints',
};

/** The column holding each kind's foreign key in events, timers and outbox. */
export const RECORD_KEY_COLUMN: Record<RecordKind, string> = {
  complaint: 'complaint_id',
};

/** The clocks a record of each kind can run side by side; a new clock replaces only its own. */
export const TIMER_PURPOSES = {
  complaint: ['lifecycle'],
} as const satisfies Record<RecordKind, readonly string[]>;
export type TimerPurpose<K extends RecordKind = RecordKind> = (typeof TIMER_PURPOSES)[K][number];

/**
 * A record at the point where the next event is appended: its id, the version (the seq of its
 * newest event, 0 for none) and that event's hash. Complaints also carry what their counters
 * need (stats/counters.ts): the merchant and the filing instant.
 */
export type RecordRef =
  | { kind: 'complaint'; id: string; version: number; lastEventHash: string; merchantId: string; filedAt: Date };
export type RecordRefOf<K extends RecordKind> = Extract<RecordRef, { kind: K }>;

/** Who caused an event: the role, and the person or key (none for the system). */
export interface EventActor {
  role: Role;
  id: string | null;
}

/** An event of a record of kind K as the writer takes it (records/events.ts): the kind's typed
 *  event with who did it, the states it moved between, and when. Here, beside the kinds, so the
 *  kind's derived tables (stats/counters.ts) can name it without importing the writer. */
export type EventOf<K extends RecordKind> = RecordEvents[K] & {
  actor: EventActor;
  fromState: RecordStates[K] | null;
  toState: RecordStates[K];
  at: Date;
};
