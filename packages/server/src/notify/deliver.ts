// The outbox worker. It leases a batch of due messages (FOR UPDATE SKIP LOCKED, so several
// workers share the work), sends each, and records the result. A worker that dies mid-batch
// leaves its lease to expire; the message is then sent again under the same reference, which
// the SMS gateway and mail clients recognise, so nothing is lost and nothing shows twice.
import type { Db } from '../db/db.ts';
import type { EmailSender } from './email.ts';
import type { SmsSender } from './sms.ts';

export interface Senders {
  sms: SmsSender;
  email: EmailSender;
}

interface OutboxRow {
  id: number;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string | null;
  body: string;
  template: string;
  attempts: number;
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
): Promise<{ sent: number; failed: number }> {
  const t = now();
  const leased = await db.query<OutboxRow>(
    `UPDATE outbox SET locked_until = $2, attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM outbox
       WHERE status = 'pending' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until < $1)
       ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
     RETURNING id, channel, recipient, subject, body, template, attempts`,
    [t, new Date(t.getTime() + leaseMs), batch],
  );
  leased.sort((a, b) => a.id - b.id);
  let sent = 0;
  let failed = 0;
  for (const m of leased) {
    try {
      if (m.channel === 'sms') await senders.sms.send({ reference: messageReference(m.id), to: m.recipient, text: m.body });
      else await senders.email.send({ messageId: `<${messageReference(m.id)}@nalish>`, to: m.recipient, subject: m.subject ?? '', text: m.body });
      // One-time codes are not kept once delivered.
      await db.query(
        `UPDATE outbox SET status = 'sent', sent_at = $2, locked_until = NULL, last_error = NULL,
           body = CASE WHEN template = 'otp' THEN '[sent one-time code]' ELSE body END
         WHERE id = $1`,
        [m.id, now()],
      );
      sent += 1;
    } catch (e) {
      const giveUp = m.attempts >= MAX_ATTEMPTS;
      await db.query(
        `UPDATE outbox SET status = $2, next_attempt_at = $3, locked_until = NULL, last_error = $4 WHERE id = $1`,
        [m.id, giveUp ? 'failed' : 'pending', new Date(now().getTime() + backoffMs(m.attempts)), String((e as Error).message).slice(0, 500)],
      );
      failed += 1;
    }
  }
  return { sent, failed };
}
