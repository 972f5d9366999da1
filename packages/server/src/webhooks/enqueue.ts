// Enqueue webhook deliveries in the transaction that writes the history event, one outbox row
// per enabled endpoint of the merchant subscribed to the event's public type. The unique index
// on (endpoint, event id) makes a second enqueue of the same event a no-op.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import type { ComplaintRow } from '../complaints/row.ts';
import { type HistoryEvent, toMerchantEvent } from '../integration/merchantEvents.ts';

/** Returns how many deliveries were enqueued. */
export async function enqueueMerchantEvent(tx: Queryable, event: HistoryEvent, complaint: ComplaintRow, now: Date): Promise<number> {
  const body = toMerchantEvent(event, complaint);
  if (!body) return 0;
  const rows = await tx.query(
    `INSERT INTO outbox (channel, recipient, endpoint_id, event_id, template, body, complaint_id, next_attempt_at, created_at)
     SELECT 'webhook', e.id::text, e.id, $3, $4, $5, $6, $7, $7
     FROM webhook_endpoints e
     WHERE e.merchant_id = $1 AND e.enabled AND $2 = ANY(e.events)
     ORDER BY e.id
     ON CONFLICT (endpoint_id, event_id) WHERE channel = 'webhook' DO NOTHING
     RETURNING id`,
    [complaint.merchant_id, body.type, body.id, body.type, JSON.stringify(body), complaint.id, now],
  );
  return rows.length;
}

export const PING_TYPE = 'ping';

/** A test event for one endpoint: its own id (evt_test_…), no complaint, one attempt. */
export async function enqueuePing(tx: Queryable, endpointId: string, now: Date): Promise<number> {
  const id = `evt_test_${randomBytes(12).toString('hex')}`;
  const body = { id, type: PING_TYPE, createdAt: now.toISOString(), data: { endpointId, message: 'A test event from Nalish.' } };
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO outbox (channel, recipient, endpoint_id, event_id, template, body, next_attempt_at, created_at)
     VALUES ('webhook', $1, $2, $3, $4, $5, $6, $6) RETURNING id`,
    [endpointId, endpointId, id, PING_TYPE, JSON.stringify(body), now],
  );
  return row!.id;
}
