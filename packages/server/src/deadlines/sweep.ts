// The deadline sweep. Timers are rows; each due one is claimed in its own transaction
// (its complaint with FOR UPDATE SKIP LOCKED, then the timer), so several workers never act
// on one twice and a crash mid-batch leaves the rest pending for the next sweep.
import { type Action, type NotifyIntent, parseCommand } from '@nalish/domain';
import type { Deps } from '../deps.ts';
import { actOnComplaintTx, lockComplaint } from '../complaints/act.ts';
import { loadMerchantContact, recordEvent } from '../complaints/apply.ts';
import { enqueueNotifications } from '../notify/enqueue.ts';

interface TimerRow {
  id: number;
  complaint_id: string;
  kind: 'expiry' | 'reminder';
  for_state: string;
  action: Action | null;
  notify: NotifyIntent | null;
  fire_at: Date;
}

export interface SweepResult {
  fired: number;
  stale: number;
}

export async function sweepTimers(deps: Deps, batch = 100): Promise<SweepResult> {
  const now = deps.now();
  const due = await deps.db.query<{ id: number; complaint_id: string }>(
    `SELECT id, complaint_id FROM timers WHERE status = 'pending' AND fire_at <= $1 ORDER BY fire_at, id LIMIT $2`,
    [now, batch],
  );
  const result: SweepResult = { fired: 0, stale: 0 };
  for (const { id, complaint_id } of due) {
    const outcome = await deps.db.transaction(async (tx) => {
      // Lock order is complaint, then timer — the same order as every user action (which
      // locks the complaint and then replaces its timers), so the two can never deadlock.
      // A complaint someone is changing right now is skipped and picked up by the next sweep.
      const [locked] = await tx.query<{ id: string }>('SELECT id FROM complaints WHERE id = $1 FOR UPDATE SKIP LOCKED', [complaint_id]);
      if (!locked) return 'taken' as const;
      const [timer] = await tx.query<TimerRow>(
        `SELECT id, complaint_id, kind, for_state, action, notify, fire_at FROM timers
         WHERE id = $1 AND status = 'pending' FOR UPDATE`,
        [id],
      );
      if (!timer) return 'taken' as const; // another worker did it first
      const row = await lockComplaint(tx, { id: timer.complaint_id });
      if (!row || row.state !== timer.for_state) {
        await tx.query(`UPDATE timers SET status = 'stale', done_at = $2 WHERE id = $1`, [timer.id, now]);
        return 'stale' as const;
      }
      await tx.query(`UPDATE timers SET status = 'done', done_at = $2 WHERE id = $1`, [timer.id, now]);
      // A timer takes effect when it was due (never before the complaint's last change): a
      // silence escalation swept at 00:00:05 belongs to the deadline day, in the history, the
      // figures and the next clock (issue 18.6).
      const at = new Date(Math.max(new Date(timer.fire_at).getTime(), new Date(row.updated_at).getTime()));
      if (timer.kind === 'expiry' && timer.action) {
        await actOnComplaintTx(tx, deps, { id: row.id }, { actor: { role: 'system' }, command: parseCommand(timer.action, {}), at });
      } else if (timer.notify) {
        const merchant = await loadMerchantContact(tx, row.merchant_id);
        // A reminder to the merchant is part of the history, so it is also in the merchant's
        // events feed and webhooks (complaint.deadline_approaching). No state changes.
        const current =
          timer.notify.to === 'merchant'
            ? await recordEvent(tx, row, { type: 'deadline_reminder', actor: { role: 'system' }, payload: { template: timer.notify.template, dueAt: row.due_at ? new Date(row.due_at).toISOString() : null } }, at)
            : row;
        await enqueueNotifications(tx, [timer.notify], { complaint: current, merchant, publicUrl: deps.config.publicUrl, now });
      }
      return 'fired' as const;
    });
    if (outcome === 'fired') result.fired += 1;
    if (outcome === 'stale') result.stale += 1;
  }
  return result;
}
