// The table's rows for the remedy carried out, late answers, missed regulator deadlines and
// hearings (issues 18 and 11.4/11.14), and what they count in the figures.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type Action, parseCommand } from './actions.ts';
import { DEFAULT_SETTINGS } from './settings.ts';
import { type Role, type State } from './states.ts';
import { type Context, type Outcome, type Snapshot, INITIAL_SNAPSHOT, ON_DEADLINE, REMINDER_TEMPLATES, transition } from './machine.ts';
import { nextStepOf } from './nextStep.ts';
import { endOfDhakaDate } from '../calendar/calendar.ts';
import { countersOf, figuresFrom, type CountedEvent, type Counts } from '../stats/figures.ts';

const DAY = 86_400_000;
const dhaka = (local: string) => new Date(`${local}:00.000+06:00`);
const OFFER = { kind: 'offer', remedy: 'refund', amountBdt: 1500, message: 'We will refund you in full.' } as Snapshot['response'];
const DEFENCE = { kind: 'defence', message: 'The parcel was delivered on 2 March, signed for.', evidenceIds: [] } as Snapshot['response'];

function ctx(role: Role, now: Date, extra: Partial<Context> = {}): Context {
  return { role, now, settings: DEFAULT_SETTINGS, calendar: { holidays: new Set() }, ...extra };
}
function snap(state: State, over: Partial<Snapshot> = {}): Snapshot {
  return { ...INITIAL_SNAPSHOT, merchantReachable: true, state, ...over };
}
function run(s: Snapshot, action: Action, role: Role, now: Date, payload: unknown = {}) {
  return transition(s, parseCommand(action, payload), ctx(role, now, role === 'consumer' || role === 'merchant' ? { party: role } : {}));
}
function ok(r: ReturnType<typeof transition>): Outcome {
  if (!r.ok) assert.fail(`expected success, got ${JSON.stringify(r.error)}`);
  return r.outcome;
}
const REFUND = { remedy: 'refund', channel: 'bkash', reference: '9F7A6B5C4D' };

describe('remedy carried out', () => {
  const now = dhaka('2026-03-04T09:00'); // Wednesday

  it('the merchant records it; the consumer owns the next step, with 5 working days and a reminder the day before', () => {
    const out = ok(run(snap('resolved', { response: OFFER, dueAt: now }), 'record_remedy', 'merchant', now, REFUND));
    assert.equal(out.to, 'remedy_reported');
    assert.deepEqual(out.notify, [{ to: 'consumer', template: 'remedy_recorded' }]);
    assert.ok(out.clock && out.clock !== 'keep');
    assert.equal(out.clock.onExpiry, 'close_unconfirmed');
    // Thu 5, Sun 8, Mon 9, Tue 10, Wed 11 (Fri/Sat off).
    assert.equal(out.clock.dueAt.toISOString(), endOfDhakaDate('2026-03-11').toISOString());
    assert.deepEqual(
      out.clock.reminders.map((r) => [r.at.toISOString(), r.notify]),
      [[dhaka('2026-03-10T10:00').toISOString(), { to: 'consumer', template: 'remedy_confirm_soon' }]],
    );
  });

  it('a refund without its channel and reference is refused by the schema', () => {
    assert.throws(() => parseCommand('record_remedy', { remedy: 'refund', channel: 'bkash' }));
    assert.throws(() => parseCommand('record_remedy', { remedy: 'refund', reference: 'ABC123' }));
    assert.doesNotThrow(() => parseCommand('record_remedy', { remedy: 'replacement' }));
  });

  it("the consumer's silence closes it, never escalates; only the consumer's \"not received\" escalates", () => {
    const reported = snap('remedy_reported', { response: OFFER, dueAt: now });
    assert.equal(ON_DEADLINE.remedy_reported, 'close_unconfirmed');
    assert.equal(ok(run(reported, 'close_unconfirmed', 'system', now)).to, 'closed');
    assert.equal(ok(run(reported, 'confirm_fulfilled', 'consumer', now)).to, 'fulfilled');
    assert.equal(ok(run(reported, 'report_unfulfilled', 'consumer', now, { reason: 'No money arrived.' })).to, 'escalated');
    // No system step leads from remedy_reported to the regulator.
    assert.equal(run(reported, 'remedy_overdue', 'system', now).ok, false);
  });

  property('no sequence of system steps after the merchant records the remedy ever reaches the regulator', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Action>('close_unconfirmed', 'remedy_overdue', 'deem_accepted', 'merchant_silent', 'regulator_overdue'), { maxLength: 6 }), (steps) => {
        let s = snap('remedy_reported', { response: OFFER, dueAt: now });
        for (const a of steps) {
          const r = run(s, a, 'system', now);
          if (r.ok) s = r.outcome.snapshot;
          assert.notEqual(s.state, 'escalated');
        }
      }),
    );
  });

  it("an offer's own date is the remedy's deadline when sooner than the 10-day limit, never later", () => {
    const soon = { ...OFFER!, byDate: dhaka('2026-03-07T12:00').toISOString() } as Snapshot['response'];
    const late = { ...OFFER!, byDate: dhaka('2026-04-30T12:00').toISOString() } as Snapshot['response'];
    const at = (response: Snapshot['response']) => ok(run(snap('merchant_responded', { response, dueAt: now }), 'accept', 'consumer', now)).snapshot.dueAt?.toISOString();
    assert.equal(at(soon), endOfDhakaDate('2026-03-07').toISOString());
    assert.equal(at(late), endOfDhakaDate('2026-03-14').toISOString());
    assert.equal(at(OFFER), endOfDhakaDate('2026-03-14').toISOString());
  });

  it('what happens next: the remedy and its date on an accepted offer, 0 days left on the last day', () => {
    const out = ok(run(snap('merchant_responded', { response: OFFER, dueAt: now }), 'accept', 'consumer', now));
    const next = nextStepOf({ state: out.to, owner: 'merchant', dueAt: out.snapshot.dueAt }, now);
    assert.deepEqual(next && [next.step, next.owner, next.lastDay, next.daysLeft, next.onSilence], ['merchant_carries_out_remedy', 'merchant', '2026-03-14', 10, 'remedy_overdue']);
    const lastDay = nextStepOf({ state: out.to, owner: 'merchant', dueAt: out.snapshot.dueAt }, dhaka('2026-03-14T08:00'));
    assert.equal(lastDay?.daysLeft, 0);
    assert.equal(nextStepOf({ state: 'closed', owner: null, dueAt: null }, now), null);
  });
});

describe('late answers', () => {
  const now = dhaka('2026-03-04T09:00');
  for (const state of ['escalated', 'under_review', 'info_requested', 'hearing_scheduled'] as const) {
    it(`an answer in ${state} is taken, marked late, keeps the case and its clock, and tells the consumer and the office`, () => {
      const s = snap(state, { dueAt: new Date(now.getTime() + DAY), infoRequestedFrom: state === 'info_requested' ? 'consumer' : null, pausedRemainingMs: state === 'info_requested' ? DAY : null });
      const out = ok(run(s, 'respond', 'merchant', now, OFFER));
      assert.equal(out.to, state);
      assert.equal(out.clock, 'keep');
      assert.equal(out.snapshot.responseLate, true);
      assert.deepEqual(out.notify, [
        { to: 'consumer', template: 'late_answer' },
        { to: 'office', template: 'late_answer_office' },
      ]);
    });
  }

  it('the consumer accepts it, then the officer settles: an offer goes to its remedy, a defence closes', () => {
    for (const [response, to] of [[OFFER, 'resolved'], [DEFENCE, 'closed']] as const) {
      const late = ok(run(snap('under_review', { dueAt: now }), 'respond', 'merchant', now, response)).snapshot;
      assert.equal(run(late, 'settle_by_agreement', 'officer', now).ok, false, 'not before the consumer accepts');
      const agreed = ok(run(late, 'accept_late_answer', 'consumer', now));
      assert.equal(agreed.snapshot.lateAnswerAccepted, true);
      assert.equal(agreed.clock, 'keep');
      assert.equal(ok(run(agreed.snapshot, 'settle_by_agreement', 'officer', now)).to, to);
      // Once accepted, the merchant cannot swap the answer.
      assert.equal(run(agreed.snapshot, 'respond', 'merchant', now, OFFER).ok, false);
    }
  });

  it('the consumer cannot "accept" when there is no late answer', () => {
    assert.deepEqual(run(snap('escalated', { dueAt: now, response: OFFER }), 'accept_late_answer', 'consumer', now), {
      ok: false,
      error: { code: 'guard_failed', guard: 'late_answer_present', action: 'accept_late_answer' },
    });
  });
});

describe('missed regulator deadlines', () => {
  it('the first miss tells the office once and marks the case late since its deadline; the second raises it; later ones are silent', () => {
    const due = dhaka('2026-03-19T23:59');
    let s = snap('under_review', { dueAt: due, assignedOfficerId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' });
    const first = ok(run(s, 'regulator_overdue', 'system', new Date(due.getTime() + 1000)));
    assert.deepEqual(first.notify, [{ to: 'office', template: 'regulator_overdue' }]);
    assert.equal(first.snapshot.regulatorLateSince?.toISOString(), due.toISOString());
    assert.equal(first.snapshot.raisedToHead, false);
    s = first.snapshot;
    const second = ok(run(s, 'regulator_overdue', 'system', new Date(s.dueAt!.getTime() + 1000)));
    assert.equal(second.snapshot.raisedToHead, true);
    assert.equal(second.snapshot.assignedOfficerId, null, 'the office above assigns its own officer');
    assert.equal(second.snapshot.regulatorLateSince?.toISOString(), due.toISOString(), 'late since the first missed deadline');
    assert.deepEqual(second.notify, [
      { to: 'office', template: 'raised_to_head' },
      { to: 'consumer', template: 'regulator_late' },
    ]);
    const third = ok(run(second.snapshot, 'regulator_overdue', 'system', new Date(second.snapshot.dueAt!.getTime() + 1000)));
    assert.deepEqual(third.notify, []);
    assert.equal(third.snapshot.regulatorMisses, 3);
  });

  it("an officer's step that starts a new clock catches the regulator up", () => {
    const late = snap('under_review', { dueAt: dhaka('2026-03-22T23:59'), regulatorMisses: 1, regulatorLateSince: dhaka('2026-03-19T23:59') });
    const out = ok(run(late, 'decide', 'officer', dhaka('2026-03-20T10:00'), { outcome: 'dismissed', reasons: 'The courier proof is clear.' }));
    assert.equal(out.snapshot.regulatorLateSince, null);
  });
});

describe('hearings', () => {
  const hearingAt = dhaka('2026-03-12T11:00');
  const scheduled = snap('hearing_scheduled', { hearingAt: hearingAt.toISOString(), dueAt: dhaka('2026-03-19T23:59') });
  const after = dhaka('2026-03-12T13:00');
  const next = { at: dhaka('2026-03-19T11:00').toISOString(), mode: 'in_person', place: 'DNCRP, Karwan Bazar' };

  it('no decision while a hearing is scheduled: refused with its own reason', () => {
    assert.deepEqual(run(scheduled, 'decide', 'officer', after, { outcome: 'upheld', reasons: 'Paid and never delivered.' }), {
      ok: false,
      error: { code: 'guard_failed', guard: 'hearing_not_settled', action: 'decide' },
    });
  });

  it('attendance is recorded after the hearing; both came → held, the decision due in 5 working days', () => {
    assert.equal((run(scheduled, 'record_hearing', 'officer', dhaka('2026-03-12T10:00'), { attendance: 'both' }) as { error: { guard: string } }).error.guard, 'hearing_not_yet');
    const held = ok(run(scheduled, 'record_hearing', 'officer', after, { attendance: 'both' }));
    assert.equal(held.to, 'under_review');
    assert.equal(held.snapshot.dueAt?.toISOString(), endOfDhakaDate('2026-03-19').toISOString());
    assert.ok(held.clock && held.clock !== 'keep' && held.clock.onExpiry === 'regulator_overdue');
  });

  it('a party who did not come gets a second notice for a new date; missing that too, the hearing counts as held', () => {
    assert.equal((run(scheduled, 'record_hearing', 'officer', after, { attendance: 'merchant_only' }) as { error: { guard: string } }).error.guard, 'second_notice_date');
    const noShow = ok(run(scheduled, 'record_hearing', 'officer', after, { attendance: 'merchant_only', next }));
    assert.equal(noShow.to, 'hearing_scheduled');
    assert.equal(noShow.snapshot.hearingSecondNotice, true);
    assert.equal(noShow.snapshot.hearingAt, next.at);
    assert.deepEqual(noShow.notify, [{ to: 'consumer', template: 'hearing_second_notice' }]);
    const none = ok(run(scheduled, 'record_hearing', 'officer', after, { attendance: 'none', next }));
    assert.deepEqual(none.notify.map((n) => n.to), ['consumer', 'merchant']);
    const again = ok(run(noShow.snapshot, 'record_hearing', 'officer', dhaka('2026-03-19T13:00'), { attendance: 'merchant_only' }));
    assert.equal(again.to, 'under_review');
  });

  it('cancelling tells both sides and resumes the review', () => {
    const out = ok(run(scheduled, 'cancel_hearing', 'officer', after, { reason: 'Both sides settled before the hearing.' }));
    assert.equal(out.to, 'under_review');
    assert.deepEqual(out.notify.map((n) => [n.to, n.template]), [['consumer', 'hearing_cancelled'], ['merchant', 'hearing_cancelled']]);
  });
});

describe('figures', () => {
  const ev = (type: string, fromState: State | null, toState: State, payload: unknown = {}) => ({ type, fromState, toState, payload }) as unknown as CountedEvent;
  const sum = (events: CountedEvent[]): Counts => {
    const c: Counts = {};
    for (const e of events) for (const [k, v] of Object.entries(countersOf(e))) c[k as keyof Counts] = (c[k as keyof Counts] ?? 0) + (v ?? 0);
    return c;
  };

  it('a late answer counts against on-time; carried out but not confirmed is its own figure, never resolved', () => {
    const f = figuresFrom(
      sum([
        ev('filed', null, 'submitted'),
        ev('route', 'submitted', 'with_merchant'),
        ev('merchant_silent', 'with_merchant', 'escalated'),
        ev('respond', 'escalated', 'escalated', OFFER),
        ev('accept_late_answer', 'escalated', 'escalated'),
        ev('settle_by_agreement', 'escalated', 'resolved'),
        ev('record_remedy', 'resolved', 'remedy_reported', REFUND),
        ev('close_unconfirmed', 'remedy_reported', 'closed'),
      ]),
    );
    assert.deepEqual([f.answered, f.notAnswered, f.answeredLate, f.answerDue], [0, 1, 1, 1]);
    assert.deepEqual([f.resolved, f.carriedOutNotConfirmed, f.remedyRecorded, f.settledByAgreement], [0, 1, 1, 1]);
    assert.equal(f.escalated, 1);
    assert.equal(f.confirmedNotResolved + f.noAnswer, 0, 'never held against the merchant');
  });

  it('every reminder template belongs to a clock, so withdrawing them never withdraws a step notice', () => {
    for (const r of REMINDER_TEMPLATES) assert.ok(!['filed', 'escalated', 'remedy_recorded', 'decided'].includes(r));
  });
});

function property(name: string, fn: () => void) {
  it(`property: ${name}`, fn);
}
