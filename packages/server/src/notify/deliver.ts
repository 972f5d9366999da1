// The outbox worker. It leases a batch of due messages (FOR UPDATE SKIP LOCKED, so several
// workers share the work), sends each, and records the result. A worker that dies mid-batch
// leaves its lease to expire; the message is then sent again under the same reference, which
// the SMS gateway and mail clients recognise, so nothing is lost and nothing shows twice.
// Webhooks go through the same lease (webhooks/deliver.ts does the attempt); a receiver
// recognises a repeat by its Nalish-Event-Id.
import type { Db } from '../db/db.ts';
import { type LeasedWebhook, deliverWebhook } from '../webhooks/deliver.ts';
import type { WebhookSender } from '../webhooks/http.ts';
import type { EmailSender } from './email.ts';
import type { SmsSender } from './sms.ts';

export interface Senders {
  sms: SmsSender;
  email: EmailSender;
  webhook: WebhookSender;
}

interface OutboxRow {
  id: number;
  channel: 'sms' | 'email' | 'webhook';
  recipient: string;
  subject: string | null;
  body: string;
  template: string;
  attempts: number;
  endpoint_id: string | null;
  event_id: string | null;
}

export const LEASE_MS = 60_000;
export const MAX_ATTEMPTS = 10;

/** Exponential backoff: 30 s, 1 min, 2 min … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

export function messageReference(id: number): string {
  return `nalish-outbox-${id}`;
}

export async function deliverBatch(
  db: Db,
  senders: Senders,
  now: () => Date,
  batch = 20,
  leaseMs = LEASE_MS,
  /** The service's address, for links in messages the worker writes itself. */
  publicUrl = '',
): Promise<{ sent: number; failed: number }> {
  const t = now();
  // A webhook delivery waits while its endpoint is switched off, and while an earlier delivery
  // to the same endpoint about the same record is still pending: events arrive in order
  // per record (one in flight per pair, so nothing in this batch can overtake another).
  const leased = await db.query<OutboxRow>(
    `UPDATE outbox SET locked_until = $2, attempts = attempts + 1
     WHERE id IN (
       SELECT o.id FROM outbox o
       WHERE o.status = 'pending' AND o.next_attempt_at <= $1 AND (o.locked_until IS NULL OR o.locked_until < $1)
         AND (o.channel <> 'webhook' OR (
           EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.id = o.endpoint_id AND e.enabled)
           AND NOT EXISTS (SELECT 1 FROM outbox p
             WHERE p.channel = 'webhook' AND p.status = 'pending' AND p.endpoint_id = o.endpoint_id
               AND p.record_kind = o.record_kind AND p.record_id = o.record_id AND p.id < o.id)))
       ORDER BY o.id LIMIT $3 FOR UPDATE OF o SKIP LOCKED)
     RETURNING id, channel, recipient, subject, body, template, attempts, endpoint_id, event_id`,
    [t, new Date(t.getTime() + leaseMs), batch],
  );
  leased.sort((a, b) => a.id - b.id);
  let sent = 0;
  let failed = 0;
  // Webhooks run side by side (each may take up to its timeout), beside the SMS and e-mail,
  // so a slow merchant server never holds up a one-time code.
  const hooks = leased.filter((m) => m.channel === 'webhook');
  const hooksDone = Promise.allSettled(
    hooks.map((m) =>
      deliverWebhook({ db, sender: senders.webhook, now, leaseMs, publicUrl }, m as LeasedWebhook).then((r) => {
        if (r === 'delivered') sent += 1;
        if (r === 'failed') failed += 1;
      }),
    ),
  );
  const messages = async () => {
    for (const m of leased) {
      if (m.channel === 'webhook') continue;
      try {
        if (m.channel === 'sms') await senders.sms.send({ reference: messageReference(m.id), to: m.recipient, text: m.body });
        else await senders.email.send({ messageId: `<${messageReference(m.id)}@nalish>`, to: m.recipient, subject: m.subject ?? '', text: m.body });
        // One-time codes are not kept once delivered.
        await db.query(
          // A reminder withdrawn while this send was already under way was still sent: say so.
          `UPDATE outbox SET status = 'sent', sent_at = $2, locked_until = NULL, last_error = NULL, withdrawn_at = NULL,
             body = CASE WHEN template = 'otp' THEN '[sent one-time code]' ELSE body END
           WHERE id = $1`,
          [m.id, now()],
        );
        sent += 1;
      } catch (e) {
        const giveUp = m.attempts >= MAX_ATTEMPTS;
        await db.query(
          // A withdrawn reminder stays withdrawn: a failed attempt does not bring it back.
          `UPDATE outbox SET status = $2, next_attempt_at = $3, locked_until = NULL, last_error = $4 WHERE id = $1 AND status = 'pending'`,
          [m.id, giveUp ? 'failed' : 'pending', new Date(now().getTime() + backoffMs(m.attempts)), String((e as Error).message).slice(0, 500)],
        );
        failed += 1;
      }
    }
  };
  // Each part finishes (and records what it sent) before an error is reported.
  const [hookResults, rest] = await Promise.allSettled([hooksDone, messages()]);
  const errors = [...(hookResults.status === 'fulfilled' ? hookResults.value : [hookResults]), rest].filter((r) => r.status === 'rejected');
  if (errors[0]) throw errors[0].reason;
  return { sent, failed };
}
