// One daily digest of overdue cases per office (issue 18.3): instead of an e-mail to the office
// each time a case's regulator deadline is renewed, each office's officers get, once a Dhaka day
// from overdueDigestHourDhaka on, the list of their cases past a regulator deadline. Durable
// and sent once: the day's office_digests row and the digest's outbox rows are written in one
// transaction, and the row's key (office, day) refuses a second digest, whatever the number of
// workers or restarts.
import { dhakaDate, formatDate, t } from '@nalish/domain';
import type { Deps } from '../deps.ts';
import { enqueueOutbox } from '../records/outbox.ts';

/** How many cases a digest lists (the rest are in the queue). */
const MAX_LINES = 100;

export async function sendOverdueDigests(deps: Deps): Promise<number> {
  const now = deps.now();
  // The Dhaka hour: UTC+6, no daylight saving.
  if ((now.getUTCHours() + 6) % 24 < deps.settings.overdueDigestHourDhaka) return 0;
  const day = dhakaDate(now);
  const offices = await deps.db.query<{ office_id: string }>(
    `SELECT DISTINCT c.office_id FROM complaints c
     WHERE c.regulator_late_since IS NOT NULL AND c.owner IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM office_digests d WHERE d.office_id = c.office_id AND d.day = $1)`,
    [day],
  );
  let sent = 0;
  for (const { office_id } of offices) {
    sent += await deps.db.transaction(async (tx) => {
      const cases = await tx.query<{ tracking_code: string; merchant: string; due_at: Date; raised_at: Date | null }>(
        `SELECT c.tracking_code, m.name AS merchant, c.due_at, c.raised_at FROM complaints c JOIN merchants m ON m.id = c.merchant_id
         WHERE c.office_id = $1 AND c.regulator_late_since IS NOT NULL AND c.owner IS NOT NULL
         ORDER BY c.regulator_late_since, c.id LIMIT $2`,
        [office_id, MAX_LINES],
      );
      if (cases.length === 0) return 0;
      const [claimed] = await tx.query(
        `INSERT INTO office_digests (office_id, day, cases, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (office_id, day) DO NOTHING RETURNING office_id`,
        [office_id, day, cases.length, now],
      );
      if (!claimed) return 0; // another worker sent today's
      const recipients = await tx.query<{ email: string }>(
        `SELECT email FROM offices WHERE id = $1 AND email IS NOT NULL
         UNION SELECT email FROM officers WHERE office_id = $1 AND active`,
        [office_id],
      );
      const list = cases
        .map((c) =>
          t('bn', 'notify.office.overdue_digest.line', {
            code: c.tracking_code,
            merchant: c.merchant,
            due: formatDate('bn', new Date(c.due_at)),
            raised: c.raised_at ? t('bn', 'notify.office.overdue_digest.raised') : '',
          }),
        )
        .join('\n');
      const subject = t('bn', 'notify.office.overdue_digest.subject', { count: cases.length, date: formatDate('bn', now) });
      const body = t('bn', 'notify.office.overdue_digest.body', { list, url: `${deps.config.publicUrl}/regulator` });
      // About an office, not one record: a message of no record.
      await enqueueOutbox(tx, recipients.map((r) => ({ channel: 'email' as const, recipient: r.email, subject, body, template: 'overdue_digest' })), { record: null, now });
      return 1;
    });
  }
  return sent;
}
