// What a due timer does, per kind of record: lock the record (skipping one someone is
// changing right now: the next sweep takes it), then act on the timer. The sweep claims the
// timer between the two, so the lock order is record, then timer, as in every user action
// (which locks the record and then replaces its timers): the two never deadlock.
import { type Action, type NotifyIntent, type State, parseCommand } from '@nalish/domain';
import type { Queryable } from '../db/db.ts';
import type { Deps } from '../deps.ts';
import { actOnComplaintTx, lockComplaint } from '../complaints/act.ts';
import { loadMerchantContact, recordEvent } from '../complaints/apply.ts';
import { enqueueNotifications } from '../notify/enqueue.ts';
import type { RecordKind, TimerPurpose } from '../records/kinds.ts';

export interface DueTimer<K extends RecordKind = RecordKind> {
  id: number;
  record_id: string;
  purpose: TimerPurpose<K>;
  kind: 'expiry' | 'reminder';
  for_state: string;
  action: Action | null;
  notify: NotifyIntent | null;
  fire_at: Date;
}

export interface TimerHandler<K extends RecordKind> {
  /** Lock the record without waiting; false when it is locked by someone else or gone. */
  lock(tx: Queryable, recordId: string): Promise<boolean>;
  /** Act on a claimed timer; 'stale' when the record has moved on from the timer's state. */
  fire(tx: Queryable, deps: Deps, timer: DueTimer<K>): Promise<'fired' | 'stale'>;
}

const complaintTimers: TimerHandler<'complaint'> = {
  async lock(tx, id) {
    const [locked] = await tx.query<{ id: string }>('SELECT id FROM complaints WHERE id = $1 FOR UPDATE SKIP LOCKED', [id]);
    return !!locked;
  },
  async fire(tx, deps, timer) {
    const now = deps.now();
    const row = await lockComplaint(tx, { id: timer.record_id });
    if (!row || row.state !== (timer.for_state as State)) return 'stale';
    // A timer takes effect when it was due (never before the complaint's last change): a
    // silence escalation swept at 00:00:05 belongs to the deadline day, in the history, the
    // figures and the next clock (issue 18.6).
    const at = new Date(Math.max(new Date(timer.fire_at).getTime(), new Date(row.updated_at).getTime()));
    // One purpose so far: the lifecycle's deadline (an expiry takes the state's ON_DEADLINE
    // step as the system) and its reminders.
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
    return 'fired';
  },
};

/** The handler of each kind's timers: a new kind of record adds its entry. */
export const TIMER_HANDLERS: { [K in RecordKind]: TimerHandler<K> } = {
  complaint: complaintTimers,
};
