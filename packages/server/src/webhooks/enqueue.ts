// Enqueue webhook deliveries in the transaction that writes the history event, one outbox row
// per enabled endpoint of the merchant subscribed to the event's public type. The unique index
// on (endpoint, event id) makes a second enqueue of the same event a no-op.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import type { ComplaintRow } from '../complaints/row.ts';
import { type HistoryEvent, toMerchantEvent } from '../integration/merchantEvents.ts';
import { enqueueOutbox } from '../records/outbox.ts';

/** Returns how many deliveries were enqueued. */
export async function enqueueMerchantEvent(tx: Queryable, event: HistoryEvent, complaint: ComplaintRow, now: Date): Promise<number> {
  const body = toMerchantEvent(event, complaint);
  if (!body) return 0;
  // In endpoint order, so concurrent writers meet the unique index in the same order.
  const endpoints = await tx.query<{ id: string }>(
    `SELECT id FROM webhook_endpoints WHERE merchant_id = $1 AND enabled AND $2 = ANY(events) ORDER BY id`,
    [complaint.merchant_id, body.type],
  );
  const json = JSON.stringify(body);
  const ids = await enqueueOutbox(
    tx,
    endpoints.map((e) => ({ channel: 'webhook' as const, endpointId: e.id, eventId: body.id, template: body.type, body: json })),
    { record: { kind: 'complaint', id: complaint.id }, now },
  );
  return ids.length;
}

export const PING_TYPE = 'ping';

/** A test event for one endpoint: its own id (evt_test_…), no complaint, one attempt. */
export async function enqueuePing(tx: Queryable, endpointId: string, now: Date): Promise<number> {
  const id = `evt_test_${randomBytes(12).toString('hex')}`;
  const body = { id, type: PING_TYPE, createdAt: now.toISOString(), data: { endpointId, message: 'A test event from Nalish.' } };
  const [rowId] = await enqueueOutbox(tx, [{ channel: 'webhook', endpointId, eventId: id, template: PING_TYPE, body: JSON.stringify(body) }], { record: null, now });
  return rowId!;
}
