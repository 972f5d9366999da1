// The one way into the transactional outbox: messages (SMS, e-mail, webhook deliveries)
// written in the transaction of the change that causes them, each belonging to a record or
// to none (a sign-in code, a lock e-mail, a test ping). The delivery worker sends them after
// commit (notify/deliver.ts).
import type { Queryable } from '../db/db.ts';
import { RECORD_KEY_COLUMN, type RecordKind } from './kinds.ts';

export type OutboxMessage =
  | { channel: 'sms' | 'email'; recipient: string; subject: string | null; body: string; template: string }
  /** One delivery of a merchant event to one endpoint; the same event twice is a no-op. */
  | { channel: 'webhook'; endpointId: string; eventId: string; template: string; body: string };

export interface EnqueueOptions {
  /** The record the messages are about, if any. */
  record: { kind: RecordKind; id: string } | null;
  /** The service clock: due from, and written at, this instant (not the database's now(),
   *  which differs under a test clock or with clock skew). */
  now: Date;
}

/** Returns the ids of the rows written (a webhook delivery already queued is not written again). */
export async function enqueueOutbox(tx: Queryable, messages: readonly OutboxMessage[], opts: EnqueueOptions): Promise<number[]> {
  if (messages.length === 0) return [];
  const field = <T>(f: (m: OutboxMessage) => T) => messages.map(f);
  // Every record kind's key column is listed; the record's own one is set, the others null.
  const keys = Object.values(RECORD_KEY_COLUMN);
  const keyValues = Object.keys(RECORD_KEY_COLUMN).map((kind) => (opts.record?.kind === kind ? opts.record.id : null));
  // One statement for all of them: filing is the busiest write path.
  const rows = await tx.query<{ id: string | number }>(
    `INSERT INTO outbox (channel, recipient, subject, body, template, endpoint_id, event_id, record_kind, record_id, next_attempt_at, created_at, ${keys.join(', ')})
     SELECT u.channel, u.recipient, u.subject, u.body, u.template, u.endpoint_id, u.event_id, $8, $9, $10, $10, ${keys.map((_, i) => `$${11 + i}::uuid`).join(', ')}
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[])
       AS u(channel, recipient, subject, body, template, endpoint_id, event_id)
     ON CONFLICT (endpoint_id, event_id) WHERE channel = 'webhook' DO NOTHING
     RETURNING id`,
    [
      field((m) => m.channel),
      field((m) => (m.channel === 'webhook' ? m.endpointId : m.recipient)),
      field((m) => (m.channel === 'webhook' ? null : m.subject)),
      field((m) => m.body),
      field((m) => m.template),
      field((m) => (m.channel === 'webhook' ? m.endpointId : null)),
      field((m) => (m.channel === 'webhook' ? m.eventId : null)),
      opts.record?.kind ?? null,
      opts.record?.id ?? null,
      opts.now,
      ...keyValues,
    ],
  );
  return rows.map((r) => Number(r.id));
}

/**
 * Withdraw a record's messages still waiting to be sent, of the given templates (SMS and
 * e-mail only; a webhook delivery is the merchant's record of an event and always goes): a
 * reminder queued for a step that has just been taken must not arrive after it. Runs in the
 * step's transaction, so the delivery worker (which claims pending rows only) never sees them.
 */
export async function withdrawPending(tx: Queryable, record: { kind: RecordKind; id: string }, templates: readonly string[], now: Date): Promise<void> {
  await tx.query(
    `UPDATE outbox SET status = 'withdrawn', withdrawn_at = $3
     WHERE record_kind = $1 AND record_id = $2 AND status = 'pending' AND channel <> 'webhook' AND template = ANY($4::text[])`,
    [record.kind, record.id, now, templates],
  );
}
