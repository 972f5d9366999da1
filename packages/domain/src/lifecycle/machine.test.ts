import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type Action, type Command, ACTIONS, parseCommand } from './actions.ts';
import { DEFAULT_SETTINGS, type LifecycleSettings, LifecycleSettingsSchema } from './settings.ts';
import { type Role, type State, ROLES, STATES, isTerminal } from './states.ts';
import {
  type Context,
  type Outcome,
  type Snapshot,
  INITIAL_SNAPSHOT,
  ON_DEADLINE,
  ON_ENTER,
  TRANSITIONS,
  actionsFor,
  ownerOf,
  transition,
} from './machine.ts';
import { type WorkingCalendar, endOfDhakaDate } from '../calendar/calendar.ts';
import { dueAtFor, reminderAtFor } from '../calendar/dueRule.ts';
import { shippedCalendar } from '../calendar/shipped.testing.ts';
import { clockRuleOf, startsClock } from './clockRule.ts';

const DAY = 86_400_000;
const NO_HOLIDAYS: WorkingCalendar = { holidays: new Set() };
const OFFICER = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const OFFICER_2 = '9b2f1c2e-7a4d-4e7b-8c1a-2d3e4f5a6b7c';
/** An instant in Dhaka wall-clock time. */
const dhaka = (local: string) => new Date(`${local}:00.000+06:00`);

function ctx(role: Role, now: Date, extra: Partial<Context> = {}): Context {
  return { role, now, settings: DEFAULT_SETTINGS, calendar: NO_HOLIDAYS, ...extra };
}
function snap(state: State, over: Partial<Snapshot> = {}): Snapshot {
  return { ...INITIAL_SNAPSHOT, merchantReachable: true, state, ...over };
}
function cmd<A extends Action>(action: A, payload: unknown = {}): Command {
  return parseCommand(action, payload);
}
function ok(r: ReturnType<typeof transition>): Outcome {
  if (!r.ok) assert.fail(`expected success, got ${JSON.stringify(r.error)}`);
  return r.outcome;
}
const OFFER = { kind: 'offer', remedy: 'refund', amountBdt: 1500, message: 'We will refund you in full.' };
const DEFENCE = { kind: 'defence', message: 'The parcel was delivered on 2 March, signed for.' };

const PAYLOADS: Record<Action, unknown> = {
  route: {},
  respond: OFFER,
  accept: {},
  deem_accepted: {},
  reject: { reason: 'The offer is too low.' },
  confirm_fulfilled: {},
  report_unfulfilled: { reason: 'No refund arrived.' },
  remedy_overdue: {},
  merchant_silent: {},
  rate: { stars: 4 },
  close_unrated: {},
  withdraw: {},
  reject_invalid: { reason: 'Duplicate of another complaint.' },
  assign: { officerId: OFFICER },
  regulator_overdue: {},
  request_info: { from: 'merchant', question: 'Send the courier receipt.' },
  provide_info: { answer: 'Receipt attached.' },
  info_timeout: {},
  schedule_hearing: { at: '2030-01-06T05:00:00.000Z', mode: 'online', place: 'https://meet.example.org/abc' },
  adjourn_hearing: { at: '2030-01-08T05:00:00.000Z', mode: 'online', place: 'https://meet.example.org/abc', reason: 'The merchant asked for time to bring the courier.' },
  record_hearing: { attendance: 'both' },
  cancel_hearing: { reason: 'Both sides settled before the hearing.' },
  record_remedy: { remedy: 'refund', channel: 'bkash', reference: '9F7A6B5C4D' },
  close_unconfirmed: {},
  accept_late_answer: {},
  settle_by_agreement: {},
  decide: { outcome: 'upheld', reasons: 'The merchant did not deliver.', fineBdt: 5000 },
  record_fine_collected: { amountBdt: 5000 },
  close: {},
  close_after_decision: {},
};

/** The lifecycle as the product describes it; the machine must match it exactly. */
const EXPECTED: Record<Action, { from: State[]; roles: Role[] }> = {
  route: { from: ['submitted'], roles: ['system'] },
  respond: { from: ['with_merchant', 'escalated', 'under_review', 'info_requested', 'hearing_scheduled'], roles: ['merchant'] },
  accept: { from: ['merchant_responded'], roles: ['consumer'] },
  deem_accepted: { from: ['merchant_responded'], roles: ['system'] },
  reject: { from: ['merchant_responded'], roles: ['consumer'] },
  confirm_fulfilled: { from: ['resolved', 'remedy_reported'], roles: ['consumer'] },
  report_unfulfilled: { from: ['resolved', 'remedy_reported'], roles: ['consumer'] },
  record_remedy: { from: ['resolved'], roles: ['merchant'] },
  close_unconfirmed: { from: ['remedy_reported'], roles: ['system'] },
  accept_late_answer: { from: ['escalated', 'under_review', 'info_requested', 'hearing_scheduled'], roles: ['consumer'] },
  settle_by_agreement: { from: ['escalated', 'under_review', 'info_requested', 'hearing_scheduled'], roles: ['officer'] },
  remedy_overdue: { from: ['resolved'], roles: ['system'] },
  merchant_silent: { from: ['with_merchant'], roles: ['system'] },
  rate: { from: ['fulfilled'], roles: ['consumer'] },
  close_unrated: { from: ['fulfilled'], roles: ['system'] },
  withdraw: {
    from: ['submitted', 'with_merchant', 'merchant_responded', 'resolved', 'remedy_reported', 'escalated', 'under_review', 'info_requested', 'hearing_scheduled'],
    roles: ['consumer'],
  },
  reject_invalid: { from: ['submitted', 'with_merchant', 'merchant_responded', 'escalated', 'under_review'], roles: ['officer'] },
  assign: { from: ['escalated', 'under_review', 'info_requested', 'hearing_scheduled'], roles: ['officer'] },
  regulator_overdue: { from: ['escalated', 'under_review', 'hearing_scheduled'], roles: ['system'] },
  request_info: { from: ['under_review'], roles: ['officer'] },
  provide_info: { from: ['info_requested'], roles: ['consumer', 'merchant'] },
  info_timeout: { from: ['info_requested'], roles: ['system'] },
  schedule_hearing: { from: ['under_review'], roles: ['officer'] },
  adjourn_hearing: { from: ['hearing_scheduled'], roles: ['officer'] },
  record_hearing: { from: ['hearing_scheduled'], roles: ['officer'] },
  cancel_hearing: { from: ['hearing_scheduled'], roles: ['officer'] },
  // A decision while a hearing is scheduled is refused with its own reason (see 'guards').
  decide: { from: ['under_review'], roles: ['officer'] },
  record_fine_collected: { from: ['decided'], roles: ['officer'] },
  close: { from: ['decided'], roles: ['officer'] },
  close_after_decision: { from: ['decided'], roles: ['system'] },
};

/** A snapshot in `state` that passes every guard of `action`. */
function guardFriendly(state: State, action: Action): Snapshot {
  return snap(state, {
    response: OFFER as Snapshot['response'],
    infoRequestedFrom: state === 'info_requested' ? 'merchant' : null,
    pausedRemainingMs: state === 'info_requested' ? 3 * DAY : null,
    decision: action === 'record_fine_collected' || state === 'decided' ? { outcome: 'upheld', fineBdt: 5000 } : null,
    dueAt: new Date('2029-12-01T00:00:00Z'),
    // The hearing's time has come (record_hearing), a late answer waits (accept_late_answer),
    // and the consumer accepted it (settle_by_agreement).
    hearingAt: state === 'hearing_scheduled' ? '2029-12-01T05:00:00.000Z' : null,
    responseLate: action === 'accept_late_answer' || action === 'settle_by_agreement',
    lateAnswerAccepted: action === 'settle_by_agreement',
  });
}
const NOW = new Date('2029-12-02T04:00:00Z');

describe('transition table', () => {
  it('has exactly the actions of ActionPayloads, with the expected states and roles', () => {
    assert.deepEqual(Object.keys(TRANSITIONS).sort(), [...ACTIONS].sort());
    for (const a of ACTIONS) {
      assert.deepEqual([...TRANSITIONS[a].from].sort(), [...EXPECTED[a].from].sort(), `${a} from`);
      assert.deepEqual([...TRANSITIONS[a].roles].sort(), [...EXPECTED[a].roles].sort(), `${a} roles`);
    }
  });

  for (const action of ACTIONS) {
    describe(action, () => {
      const { from, roles } = EXPECTED[action];
      it('succeeds from every allowed state for every allowed role', () => {
        for (const state of from) {
          for (const role of roles) {
            const r = transition(guardFriendly(state, action), cmd(action, PAYLOADS[action]), ctx(role, NOW, { party: 'merchant' }));
            assert.ok(r.ok, `${action} from ${state} as ${role}: ${JSON.stringify(!r.ok && r.error)}`);
            assert.equal(r.outcome.from, state);
          }
        }
      });
      it('gives invalid_transition (or the reason it declares) from every other state (allowed role)', () => {
        for (const state of STATES.filter((s) => !from.includes(s))) {
          const r = transition(guardFriendly(state, action), cmd(action, PAYLOADS[action]), ctx(roles[0]!, NOW, { party: 'merchant' }));
          const refused = TRANSITIONS[action].refusedIn?.[state];
          const error = refused ? { code: 'guard_failed', guard: refused, action } : { code: 'invalid_transition', from: state, action };
          assert.deepEqual(r, { ok: false, error }, `${action} from ${state}`);
        }
      });
      it('gives role_not_allowed for every other role (allowed state)', () => {
        for (const role of ROLES.filter((r) => !roles.includes(r))) {
          const r = transition(guardFriendly(from[0]!, action), cmd(action, PAYLOADS[action]), ctx(role, NOW, { party: 'merchant' }));
          assert.deepEqual(r, { ok: false, error: { code: 'role_not_allowed', role, action } }, `${action} as ${role}`);
        }
      });
      it('actionsFor offers it exactly to the allowed state/role pairs', () => {
        for (const state of STATES) {
          for (const role of ROLES) {
            assert.equal(actionsFor(state, role).includes(action), from.includes(state) && roles.includes(role), `${state}/${role}`);
          }
        }
      });
    });
  }

  it('actionsFor gives the consumer accept, reject and withdraw on an answered complaint', () => {
    assert.deepEqual(actionsFor('merchant_responded', 'consumer').sort(), ['accept', 'reject', 'withdraw']);
    assert.deepEqual(actionsFor('closed', 'officer'), []);
  });
});

describe('where each action goes', () => {
  const go = (state: State, action: Action, role: Role, over: Partial<Snapshot> = {}, payload = PAYLOADS[action], c: Partial<Context> = {}) =>
    ok(transition({ ...guardFriendly(state, action), ...over }, cmd(action, payload), ctx(role, NOW, c))).to;

  it('route: reachable merchant → with_merchant, unknown merchant → escalated', () => {
    assert.equal(go('submitted', 'route', 'system', { merchantReachable: true }), 'with_merchant');
    assert.equal(go('submitted', 'route', 'system', { merchantReachable: false }), 'escalated');
  });
  it('accepting or deeming an offer → resolved; a defence → closed', () => {
    for (const [a, role] of [['accept', 'consumer'], ['deem_accepted', 'system']] as const) {
      assert.equal(go('merchant_responded', a, role, { response: OFFER as Snapshot['response'] }), 'resolved');
      assert.equal(go('merchant_responded', a, role, { response: DEFENCE as Snapshot['response'] }), 'closed');
    }
  });
  it('disagreement and failure lead to the regulator', () => {
    assert.equal(go('merchant_responded', 'reject', 'consumer'), 'escalated');
    assert.equal(go('with_merchant', 'merchant_silent', 'system'), 'escalated');
    assert.equal(go('resolved', 'report_unfulfilled', 'consumer'), 'escalated');
    assert.equal(go('resolved', 'remedy_overdue', 'system'), 'escalated');
  });
  it('the happy path ends closed', () => {
    assert.equal(go('with_merchant', 'respond', 'merchant'), 'merchant_responded');
    assert.equal(go('resolved', 'confirm_fulfilled', 'consumer'), 'fulfilled');
    assert.equal(go('fulfilled', 'rate', 'consumer'), 'closed');
    assert.equal(go('fulfilled', 'close_unrated', 'system'), 'closed');
  });
  it('regulator steps', () => {
    assert.equal(go('escalated', 'assign', 'officer'), 'under_review');
    for (const s of ['under_review', 'info_requested', 'hearing_scheduled'] as const) assert.equal(go(s, 'assign', 'officer'), s);
    assert.equal(go('under_review', 'request_info', 'officer'), 'info_requested');
    assert.equal(go('info_requested', 'provide_info', 'merchant', {}, PAYLOADS.provide_info, { party: 'merchant' }), 'under_review');
    assert.equal(go('info_requested', 'info_timeout', 'system'), 'under_review');
    assert.equal(go('under_review', 'schedule_hearing', 'officer'), 'hearing_scheduled');
    assert.equal(go('hearing_scheduled', 'record_hearing', 'officer'), 'under_review');
    assert.equal(go('hearing_scheduled', 'cancel_hearing', 'officer'), 'under_review');
    assert.equal(go('under_review', 'decide', 'officer'), 'decided');
    assert.equal(go('decided', 'close', 'officer'), 'closed');
    assert.equal(go('decided', 'close_after_decision', 'system'), 'closed');
  });
  it('withdraw and reject_invalid end the complaint', () => {
    for (const s of EXPECTED.withdraw.from) assert.equal(go(s, 'withdraw', 'consumer'), 'withdrawn');
    for (const s of EXPECTED.reject_invalid.from) assert.equal(go(s, 'reject_invalid', 'officer'), 'rejected');
  });
});

describe('guards', () => {
  it('provide_info: only the party that was asked may answer', () => {
    const s = snap('info_requested', { infoRequestedFrom: 'consumer', pausedRemainingMs: DAY, dueAt: NOW });
    const answer = cmd('provide_info', PAYLOADS.provide_info);
    assert.ok(transition(s, answer, ctx('consumer', NOW, { party: 'consumer' })).ok);
    assert.deepEqual(transition(s, answer, ctx('merchant', NOW, { party: 'merchant' })), {
      ok: false,
      error: { code: 'guard_failed', guard: 'info_party_matches', action: 'provide_info' },
    });
    // No party at all fails too.
    assert.deepEqual(transition(s, answer, ctx('consumer', NOW)), {
      ok: false,
      error: { code: 'guard_failed', guard: 'info_party_matches', action: 'provide_info' },
    });
  });

  it('record_fine_collected: only an upheld decision with a fine, not yet collected', () => {
    const collect = cmd('record_fine_collected', { amountBdt: 5000 });
    const c = ctx('officer', NOW);
    const fail = { ok: false, error: { code: 'guard_failed', guard: 'fine_collectable', action: 'record_fine_collected' } };
    assert.ok(transition(snap('decided', { decision: { outcome: 'upheld', fineBdt: 5000 }, dueAt: NOW }), collect, c).ok);
    assert.deepEqual(transition(snap('decided', { decision: { outcome: 'upheld', fineBdt: 0 }, dueAt: NOW }), collect, c), fail);
    assert.deepEqual(transition(snap('decided', { decision: { outcome: 'dismissed', fineBdt: 0 }, dueAt: NOW }), collect, c), fail);
    assert.deepEqual(transition(snap('decided', { decision: null, dueAt: NOW }), collect, c), fail);
    assert.deepEqual(
      transition(snap('decided', { decision: { outcome: 'upheld', fineBdt: 5000 }, fineCollectedBdt: 5000, dueAt: NOW }), collect, c),
      fail,
    );
  });

  it('record_fine_collected keeps the compliance clock and records the amount', () => {
    const due = new Date('2030-01-01T17:59:59.999Z');
    const out = ok(transition(snap('decided', { decision: { outcome: 'upheld', fineBdt: 5000 }, dueAt: due }), cmd('record_fine_collected', { amountBdt: 4000 }), ctx('officer', NOW)));
    assert.equal(out.clock, 'keep');
    assert.equal(out.snapshot.dueAt, due);
    assert.equal(out.snapshot.fineCollectedBdt, 4000);
    assert.equal(out.to, 'decided');
    assert.deepEqual(out.notify, []);
  });

  it('schedule_hearing: the hearing must be in the future', () => {
    const s = snap('under_review', { dueAt: new Date(NOW.getTime() + 5 * DAY) });
    const fail = { ok: false, error: { code: 'guard_failed', guard: 'hearing_in_future', action: 'schedule_hearing' } };
    const hearing = (at: Date) => cmd('schedule_hearing', { at: at.toISOString(), mode: 'in_person', place: 'DNCRP, Karwan Bazar, Dhaka' });
    assert.deepEqual(transition(s, hearing(NOW), ctx('officer', NOW)), fail);
    assert.deepEqual(transition(s, hearing(new Date(NOW.getTime() - 60_000)), ctx('officer', NOW)), fail);
    assert.ok(transition(s, hearing(new Date(NOW.getTime() + 60_000)), ctx('officer', NOW)).ok);
  });

  it('a refund offer names an amount above 0; other remedies need none (payload validation)', () => {
    const refund = { kind: 'offer', remedy: 'refund', message: 'We will refund you.' };
    for (const bad of [refund, { ...refund, amountBdt: 0 }]) {
      assert.throws(
        () => parseCommand('respond', bad),
        (e: { issues?: { path: PropertyKey[] }[] }) => e.issues?.[0]?.path.join('.') === 'amountBdt',
        JSON.stringify(bad),
      );
    }
    assert.doesNotThrow(() => parseCommand('respond', { ...refund, amountBdt: 1500 }));
    assert.doesNotThrow(() => parseCommand('respond', { kind: 'offer', remedy: 'replacement', message: 'We will send a new one.' }));
    assert.doesNotThrow(() => parseCommand('respond', { kind: 'defence', message: 'The parcel was delivered on time.' }));
  });

  it('a dismissed decision cannot carry a fine (payload validation)', () => {
    assert.throws(() => parseCommand('decide', { outcome: 'dismissed', reasons: 'No case to answer here.', fineBdt: 100 }));
    assert.doesNotThrow(() => parseCommand('decide', { outcome: 'dismissed', reasons: 'No case to answer here.' }));
  });
});

describe('clocks', () => {
  const route = (now: Date, cal: WorkingCalendar = NO_HOLIDAYS, settings: LifecycleSettings = DEFAULT_SETTINGS) =>
    ok(transition({ ...INITIAL_SNAPSHOT, merchantReachable: true }, cmd('route'), { role: 'system', now, calendar: cal, settings }));

  it('with_merchant: due at the end of the 3rd working day, reminder 10:00 Dhaka the working day before', () => {
    const out = route(dhaka('2026-03-01T10:00')); // Sunday
    assert.equal(out.to, 'with_merchant');
    assert.equal(ownerOf(out.snapshot), 'merchant');
    assert.ok(out.clock && out.clock !== 'keep');
    assert.equal(out.clock.dueAt.toISOString(), '2026-03-04T17:59:59.999Z'); // Wednesday, 23:59:59.999 Dhaka
    assert.equal(out.snapshot.dueAt?.toISOString(), '2026-03-04T17:59:59.999Z');
    assert.equal(out.clock.onExpiry, 'merchant_silent');
    assert.deepEqual(
      out.clock.reminders.map((r) => [r.at.toISOString(), r.notify]),
      [['2026-03-03T04:00:00.000Z', { to: 'merchant', template: 'merchant_reminder' }]],
    );
    assert.deepEqual(out.notify, [{ to: 'merchant', template: 'new_complaint' }]);
  });

  it('with_merchant: a deadline after the weekend has its reminder on Thursday', () => {
    const out = route(dhaka('2026-03-03T10:00')); // Tuesday → Wed, Thu, Sun
    assert.ok(out.clock && out.clock !== 'keep');
    assert.equal(out.clock.dueAt.toISOString(), '2026-03-08T17:59:59.999Z');
    assert.equal(out.clock.reminders[0]?.at.toISOString(), '2026-03-05T04:00:00.000Z');
  });

  it('with_merchant: filing on Thursday skips the weekend', () => {
    const out = route(dhaka('2026-03-05T15:00'));
    assert.equal(out.snapshot.dueAt?.toISOString(), '2026-03-10T17:59:59.999Z'); // Sun, Mon, Tue
  });

  it('with_merchant: holidays move both the deadline and the reminder', () => {
    const cal: WorkingCalendar = { holidays: new Set(['2026-03-02', '2026-03-04']) };
    const out = route(dhaka('2026-03-01T10:00'), cal); // Tue 3, Thu 5, Sun 8
    assert.ok(out.clock && out.clock !== 'keep');
    assert.equal(out.clock.dueAt.toISOString(), '2026-03-08T17:59:59.999Z');
    assert.equal(out.clock.reminders[0]?.at.toISOString(), '2026-03-05T04:00:00.000Z');
  });

  describe('with the real holiday calendar (data/holidays-bd.json)', () => {
    const full = shippedCalendar();
    const dueOf = (out: Outcome) => {
      assert.ok(out.clock && out.clock !== 'keep');
      return out.clock;
    };

    it('a complaint filed on Tuesday 17 March 2026 is due on Sunday 29 March, after the Eid closure', () => {
      // Closed: Tue 17 (Shab-e-Qadr) – Mon 23 (Eid-ul-Fitr, 18 March added by the cabinet);
      // Tue 24 and Wed 25 count; Thu 26 is Independence Day; Fri 27, Sat 28 the weekend; Sun 29.
      const clock = dueOf(route(dhaka('2026-03-17T11:00'), full));
      assert.equal(clock.dueAt.toISOString(), '2026-03-29T17:59:59.999Z');
      assert.deepEqual(clock.rule, { kind: 'working_days', from: dhaka('2026-03-17T11:00').toISOString(), days: 3 });
      // The merchant is reminded on the working day before: Wednesday 25, 10:00 Dhaka.
      assert.equal(clock.reminders[0]?.at.toISOString(), '2026-03-25T04:00:00.000Z');
      // The one-day-per-Eid list gave Sunday 22 March, in the middle of the closure.
      const oneDay: WorkingCalendar = { holidays: new Set(['2026-03-20', '2026-03-26']) };
      assert.equal(dueOf(route(dhaka('2026-03-17T11:00'), oneDay)).dueAt.toISOString(), '2026-03-22T17:59:59.999Z');
    });

    it('filed the working day before a closure, on its first day and in its middle: all due after it', () => {
      assert.equal(dueOf(route(dhaka('2026-03-16T16:00'), full)).dueAt.toISOString(), '2026-03-29T17:59:59.999Z');
      assert.equal(dueOf(route(dhaka('2026-03-21T09:00'), full)).dueAt.toISOString(), '2026-03-29T17:59:59.999Z');
      // Eid-ul-Azha 2026: Tue 26 – Sun 31 May, over a weekend; due Mon 1, Tue 2, Wed 3 June.
      assert.equal(dueOf(route(dhaka('2026-05-25T10:00'), full)).dueAt.toISOString(), '2026-06-03T17:59:59.999Z');
    });

    it('a Saturday on which offices were ordered open counts as a working day', () => {
      // Thursday 15 May 2025: Sat 17 (open), Sun 18, Mon 19.
      assert.equal(dueOf(route(dhaka('2025-05-15T10:00'), full)).dueAt.toISOString(), '2025-05-19T17:59:59.999Z');
      // A week later the Saturday is open too: Sat 24, Sun 25, Mon 26.
      assert.equal(dueOf(route(dhaka('2025-05-22T10:00'), full)).dueAt.toISOString(), '2025-05-26T17:59:59.999Z');
    });

    it('across the year boundary: Victory Day and Christmas 2026, then January 2027', () => {
      // Tue 15 Dec 2026: (Wed 16 Victory Day) Thu 17, Sun 20, Mon 21.
      assert.equal(dueOf(route(dhaka('2026-12-15T10:00'), full)).dueAt.toISOString(), '2026-12-21T17:59:59.999Z');
      // Wed 30 Dec 2026: Thu 31, (Fri 1, Sat 2) Sun 3, Mon 4 Jan 2027.
      assert.equal(dueOf(route(dhaka('2026-12-30T10:00'), full)).dueAt.toISOString(), '2027-01-04T17:59:59.999Z');
    });

    it('a hearing just before the Eid closure: the decision is due five working days after it ends', () => {
      const hearingAt = dhaka('2026-03-16T11:00').toISOString();
      const now = dhaka('2026-03-10T10:00');
      const out = ok(
        transition(
          snap('under_review', { dueAt: new Date(now.getTime() + 10 * DAY), assignedOfficerId: OFFICER }),
          cmd('schedule_hearing', { at: hearingAt, mode: 'in_person', place: 'DNCRP Dhaka office, Karwan Bazar' }),
          ctx('officer', now, { calendar: full }),
        ),
      );
      // Tue 24, Wed 25, (26–28) Sun 29, Mon 30, Tue 31 March.
      assert.equal(dueOf(out).dueAt.toISOString(), '2026-03-31T17:59:59.999Z');
      assert.deepEqual(dueOf(out).rule, { kind: 'working_days', from: hearingAt, days: DEFAULT_SETTINGS.decisionAfterHearingWorkingDays });
    });
  });

  it('with_merchant: 23:59 and 00:01 Dhaka give different deadlines', () => {
    assert.equal(route(dhaka('2026-03-01T23:59')).snapshot.dueAt?.toISOString(), '2026-03-04T17:59:59.999Z');
    assert.equal(route(dhaka('2026-03-02T00:01')).snapshot.dueAt?.toISOString(), '2026-03-05T17:59:59.999Z');
  });

  it('a reminder that would fall in the past is dropped', () => {
    const settings = LifecycleSettingsSchema.parse({ merchantResponseWorkingDays: 1, merchantReminderWorkingDays: 1 });
    const out = route(dhaka('2026-03-01T11:00'), NO_HOLIDAYS, settings); // reminder would be Sun 10:00
    assert.ok(out.clock && out.clock !== 'keep');
    assert.equal(out.clock.dueAt.toISOString(), '2026-03-02T17:59:59.999Z');
    assert.deepEqual(out.clock.reminders, []);
  });

  it('an unknown merchant goes straight to the regulator: 2 working days to assign; consumer, merchant and office told', () => {
    const out = ok(transition({ ...INITIAL_SNAPSHOT, merchantReachable: false }, cmd('route'), ctx('system', dhaka('2026-03-05T10:00'))));
    assert.equal(out.to, 'escalated');
    assert.equal(ownerOf(out.snapshot), 'regulator');
    assert.equal(out.snapshot.dueAt?.toISOString(), '2026-03-09T17:59:59.999Z'); // Sun, Mon
    assert.ok(out.clock && out.clock !== 'keep');
    assert.equal(out.clock.onExpiry, 'regulator_overdue');
    assert.deepEqual(out.notify, [
      { to: 'consumer', template: 'escalated' },
      { to: 'merchant', template: 'escalated' },
      { to: 'office', template: 'escalated_office' },
    ]);
  });

  it('merchant_responded: 7 calendar days, consumer reminded 2 days before', () => {
    const now = dhaka('2026-03-02T15:00');
    const out = ok(transition(snap('with_merchant', { dueAt: now }), cmd('respond', OFFER), ctx('merchant', now)));
    assert.equal(out.to, 'merchant_responded');
    assert.equal(ownerOf(out.snapshot), 'consumer');
    assert.deepEqual(out.snapshot.response, { ...OFFER, evidenceIds: [] });
    assert.ok(out.clock && out.clock !== 'keep');
    assert.equal(out.clock.dueAt.toISOString(), '2026-03-09T17:59:59.999Z'); // Monday 9, weekend included
    assert.equal(out.clock.onExpiry, 'deem_accepted');
    assert.deepEqual(
      out.clock.reminders.map((r) => [r.at.toISOString(), r.notify]),
      [['2026-03-07T17:59:59.999Z', { to: 'consumer', template: 'deemed_accept_soon' }]],
    );
    assert.deepEqual(out.notify, [{ to: 'consumer', template: 'merchant_responded' }]);
  });

  it('resolved: 10 days for the remedy, consumer asked 2 days before, merchant reminded to record it; merchant told the offer was accepted', () => {
    const now = dhaka('2026-03-04T09:00');
    const out = ok(transition(snap('merchant_responded', { response: OFFER as Snapshot['response'], dueAt: now }), cmd('accept'), ctx('consumer', now)));
    assert.equal(out.to, 'resolved');
    assert.equal(ownerOf(out.snapshot), 'merchant');
    assert.ok(out.clock && out.clock !== 'keep');
    assert.equal(out.clock.dueAt.toISOString(), endOfDhakaDate('2026-03-14').toISOString());
    assert.equal(out.clock.onExpiry, 'remedy_overdue');
    assert.deepEqual(
      out.clock.reminders.map((r) => [r.at.toISOString(), r.notify]),
      [
        [endOfDhakaDate('2026-03-12').toISOString(), { to: 'consumer', template: 'confirm_remedy_soon' }],
        // Thursday 12 March, 10:00 Dhaka: the working day before Saturday 14 (Fri/Sat weekend).
        [dhaka('2026-03-12T10:00').toISOString(), { to: 'merchant', template: 'remedy_record_soon' }],
      ],
    );
    assert.deepEqual(out.notify, [{ to: 'merchant', template: 'offer_accepted' }]);
  });

  it('accepting a defence closes the complaint: no owner, no clock, consumer told', () => {
    const now = dhaka('2026-03-04T09:00');
    const out = ok(transition(snap('merchant_responded', { response: DEFENCE as Snapshot['response'], dueAt: now }), cmd('accept'), ctx('consumer', now)));
    assert.equal(out.to, 'closed');
    assert.equal(out.clock, null);
    assert.equal(out.snapshot.dueAt, null);
    assert.equal(ownerOf(out.snapshot), null);
    assert.deepEqual(out.notify, [{ to: 'consumer', template: 'closed' }]);
  });

  it('fulfilled: 14 days to rate, then closed unrated', () => {
    const now = dhaka('2026-03-04T09:00');
    const out = ok(transition(snap('resolved', { dueAt: now }), cmd('confirm_fulfilled'), ctx('consumer', now)));
    assert.equal(out.snapshot.dueAt?.toISOString(), endOfDhakaDate('2026-03-18').toISOString());
    assert.ok(out.clock && out.clock !== 'keep');
    assert.equal(out.clock.onExpiry, 'close_unrated');
  });

  it('every way into escalated notifies consumer, merchant and office', () => {
    const now = dhaka('2026-03-04T09:00');
    const cases: [State, Action, Role][] = [
      ['with_merchant', 'merchant_silent', 'system'],
      ['merchant_responded', 'reject', 'consumer'],
      ['resolved', 'report_unfulfilled', 'consumer'],
      ['resolved', 'remedy_overdue', 'system'],
    ];
    for (const [state, action, role] of cases) {
      const out = ok(transition(snap(state, { dueAt: now }), cmd(action, PAYLOADS[action]), ctx(role, now)));
      assert.deepEqual(out.notify, ON_ENTER.escalated, action);
      assert.equal(out.snapshot.dueAt?.toISOString(), '2026-03-08T17:59:59.999Z', action); // Thu, Sun
    }
  });

  it('assign from escalated starts the 15-working-day review clock; reassigning keeps it', () => {
    const now = dhaka('2026-03-01T10:00'); // Sunday
    const first = ok(transition(snap('escalated', { dueAt: now }), cmd('assign', { officerId: OFFICER }), ctx('officer', now)));
    assert.equal(first.to, 'under_review');
    assert.equal(first.snapshot.assignedOfficerId, OFFICER);
    assert.ok(first.clock && first.clock !== 'keep');
    assert.equal(first.clock.onExpiry, 'regulator_overdue');
    // Mon–Thu (4) + two full weeks (10) + the next Sunday = 15 working days.
    assert.equal(first.snapshot.dueAt?.toISOString(), '2026-03-22T17:59:59.999Z');
    const later = new Date(now.getTime() + 3 * DAY);
    const again = ok(transition(first.snapshot, cmd('assign', { officerId: OFFICER_2 }), ctx('officer', later)));
    assert.equal(again.to, 'under_review');
    assert.equal(again.clock, 'keep');
    assert.equal(again.snapshot.dueAt, first.snapshot.dueAt);
    assert.equal(again.snapshot.assignedOfficerId, OFFICER_2);
    assert.deepEqual(again.notify, []);
  });

  it('reassigning while information is awaited keeps the pause and the party', () => {
    const s = snap('info_requested', { infoRequestedFrom: 'consumer', pausedRemainingMs: 4 * DAY, dueAt: new Date(NOW.getTime() + DAY) });
    const out = ok(transition(s, cmd('assign', { officerId: OFFICER_2 }), ctx('officer', NOW)));
    assert.equal(out.clock, 'keep');
    assert.equal(out.snapshot.state, 'info_requested');
    assert.equal(out.snapshot.infoRequestedFrom, 'consumer');
    assert.equal(out.snapshot.pausedRemainingMs, 4 * DAY);
    assert.equal(out.snapshot.dueAt, s.dueAt);
    assert.equal(ownerOf(out.snapshot), 'consumer');
  });

  it('request_info pauses the review clock; provide_info resumes it with the time that was left', () => {
    const now = dhaka('2026-03-01T10:00');
    const reviewDue = new Date(now.getTime() + 5 * DAY + 3_600_000);
    const asked = ok(
      transition(snap('under_review', { dueAt: reviewDue, assignedOfficerId: OFFICER }), cmd('request_info', { from: 'merchant', question: 'Send the courier receipt.' }), ctx('officer', now)),
    );
    assert.equal(asked.to, 'info_requested');
    assert.equal(asked.snapshot.pausedRemainingMs, 5 * DAY + 3_600_000);
    assert.equal(asked.snapshot.infoRequestedFrom, 'merchant');
    assert.equal(ownerOf(asked.snapshot), 'merchant');
    assert.equal(asked.snapshot.dueAt?.toISOString(), endOfDhakaDate('2026-03-08').toISOString()); // 7 calendar days
    assert.ok(asked.clock && asked.clock !== 'keep');
    assert.equal(asked.clock.onExpiry, 'info_timeout');
    assert.deepEqual(asked.notify, [{ to: 'party', template: 'info_requested' }]);

    const answeredAt = new Date(now.getTime() + 3 * DAY);
    const resumed = ok(transition(asked.snapshot, cmd('provide_info', PAYLOADS.provide_info), ctx('merchant', answeredAt, { party: 'merchant' })));
    assert.equal(resumed.to, 'under_review');
    assert.equal(resumed.snapshot.dueAt?.getTime(), answeredAt.getTime() + 5 * DAY + 3_600_000);
    assert.equal(resumed.snapshot.pausedRemainingMs, null);
    assert.equal(resumed.snapshot.infoRequestedFrom, null);
    assert.equal(ownerOf(resumed.snapshot), 'regulator');
    assert.equal(resumed.snapshot.assignedOfficerId, OFFICER);

    // A second request pauses the resumed clock: the same time is still left.
    const askedAgain = ok(transition(resumed.snapshot, cmd('request_info', { from: 'consumer', question: 'Send the bKash receipt.' }), ctx('officer', answeredAt)));
    assert.equal(askedAgain.snapshot.pausedRemainingMs, 5 * DAY + 3_600_000);
    assert.equal(ownerOf(askedAgain.snapshot), 'consumer');
  });

  it('info_timeout resumes the review with the remaining time too', () => {
    const s = snap('info_requested', { infoRequestedFrom: 'consumer', pausedRemainingMs: 2 * DAY, dueAt: NOW });
    const out = ok(transition(s, cmd('info_timeout'), ctx('system', NOW)));
    assert.equal(out.to, 'under_review');
    assert.equal(out.snapshot.dueAt?.getTime(), NOW.getTime() + 2 * DAY);
    assert.equal(out.snapshot.pausedRemainingMs, null);
  });

  it('asking for information after the review deadline pauses with nothing left, not negative time', () => {
    const s = snap('under_review', { dueAt: new Date(NOW.getTime() - DAY) });
    const out = ok(transition(s, cmd('request_info', PAYLOADS.request_info), ctx('officer', NOW)));
    assert.equal(out.snapshot.pausedRemainingMs, 0);
  });

  it('schedule_hearing: decision due 5 working days after the hearing; both sides told, also on adjourning', () => {
    const now = dhaka('2026-03-01T10:00');
    const at = dhaka('2026-03-12T11:00'); // Thursday
    const hearing = cmd('schedule_hearing', { at: at.toISOString(), mode: 'in_person', place: 'DNCRP, Karwan Bazar' });
    const out = ok(transition(snap('under_review', { dueAt: new Date(now.getTime() + 10 * DAY) }), hearing, ctx('officer', now)));
    assert.equal(out.to, 'hearing_scheduled');
    assert.equal(out.snapshot.hearingAt, at.toISOString());
    assert.equal(out.snapshot.dueAt?.toISOString(), '2026-03-19T17:59:59.999Z'); // Sun 15 … Thu 19
    assert.deepEqual(out.notify, [
      { to: 'consumer', template: 'hearing_scheduled' },
      { to: 'merchant', template: 'hearing_scheduled' },
    ]);
    const moved = dhaka('2026-03-16T11:00');
    // Moving a scheduled hearing is an adjournment, with its reason.
    const again = ok(transition(out.snapshot, cmd('adjourn_hearing', { at: moved.toISOString(), mode: 'online', place: 'https://meet.example.org/x', reason: 'The consumer is in hospital.' }), ctx('officer', now)));
    assert.equal(again.to, 'hearing_scheduled');
    assert.equal(again.snapshot.hearingAt, moved.toISOString());
    assert.equal(again.snapshot.dueAt?.toISOString(), '2026-03-23T17:59:59.999Z');
    assert.deepEqual(again.notify, out.notify);
  });

  it('decided: 30 days for compliance; consumer and merchant told', () => {
    const now = dhaka('2026-03-01T10:00');
    const out = ok(transition(snap('under_review', { dueAt: now }), cmd('decide', PAYLOADS.decide), ctx('officer', now)));
    assert.deepEqual(out.snapshot.decision, { outcome: 'upheld', fineBdt: 5000 });
    assert.equal(out.snapshot.dueAt?.toISOString(), endOfDhakaDate('2026-03-31').toISOString());
    assert.deepEqual(out.notify, [
      { to: 'consumer', template: 'decided' },
      { to: 'merchant', template: 'decided' },
    ]);
  });

  it('regulator_overdue tells the office and gives a new deadline after now, in every state it applies to', () => {
    const settings = DEFAULT_SETTINGS;
    for (const state of EXPECTED.regulator_overdue.from) {
      const due = dhaka('2026-03-19T23:59');
      const hearingAt = state === 'hearing_scheduled' ? dhaka('2026-03-12T11:00').toISOString() : null;
      const s = snap(state, { dueAt: due, hearingAt, assignedOfficerId: OFFICER });
      const firedAt = new Date(due.getTime() + 60_000); // the sweep runs just after the deadline
      const out = ok(transition(s, cmd('regulator_overdue'), ctx('system', firedAt)));
      assert.equal(out.to, state);
      assert.deepEqual(out.notify, [{ to: 'office', template: 'regulator_overdue' }], state);
      assert.ok(out.snapshot.dueAt && out.snapshot.dueAt.getTime() > firedAt.getTime(), `${state}: new deadline ${out.snapshot.dueAt?.toISOString()}`);
      // Friday 20 → Sun 22 … Thu 26: the extension counts working days from the overdue moment.
      assert.equal(out.snapshot.dueAt?.toISOString(), endOfDhakaDate('2026-03-26').toISOString(), state);
      assert.equal(settings.regulatorOverdueExtensionWorkingDays, 5);
    }
  });

  it('withdrawal tells the merchant; rejection tells the consumer; neither leaves a clock', () => {
    const w = ok(transition(snap('with_merchant', { dueAt: NOW }), cmd('withdraw'), ctx('consumer', NOW)));
    assert.deepEqual(w.notify, [{ to: 'merchant', template: 'withdrawn' }]);
    assert.equal(w.clock, null);
    assert.equal(w.snapshot.dueAt, null);
    const r = ok(transition(snap('escalated', { dueAt: NOW }), cmd('reject_invalid', PAYLOADS.reject_invalid), ctx('officer', NOW)));
    assert.deepEqual(r.notify, [{ to: 'consumer', template: 'rejected' }]);
    assert.equal(r.snapshot.dueAt, null);
  });

  it('withdrawing while information is awaited clears the pause', () => {
    const s = snap('info_requested', { infoRequestedFrom: 'merchant', pausedRemainingMs: DAY, dueAt: NOW });
    const out = ok(transition(s, cmd('withdraw'), ctx('consumer', NOW)));
    assert.equal(out.snapshot.pausedRemainingMs, null);
    assert.equal(out.snapshot.infoRequestedFrom, null);
  });
});

describe('tables', () => {
  it('every open state has a deadline action and every terminal state none', () => {
    for (const s of STATES) {
      if (isTerminal(s)) assert.equal(ON_DEADLINE[s], null, s);
      else {
        const a = ON_DEADLINE[s];
        assert.ok(a, s);
        assert.ok(TRANSITIONS[a].from.includes(s) && TRANSITIONS[a].roles.includes('system'), `${s}: ${a} is not a system step from it`);
      }
    }
  });
  it('ownerOf: the asked party owns info_requested, terminal states have no owner', () => {
    assert.equal(ownerOf({ state: 'info_requested', infoRequestedFrom: 'merchant' }), 'merchant');
    assert.equal(ownerOf({ state: 'info_requested', infoRequestedFrom: 'consumer' }), 'consumer');
    assert.equal(ownerOf({ state: 'submitted', infoRequestedFrom: null }), 'system');
    for (const s of ['closed', 'withdrawn', 'rejected'] as const) assert.equal(ownerOf({ state: s, infoRequestedFrom: null }), null);
  });
});

// ---------------------------------------------------------------------------------------------
// The issue's demand: no complaint may ever sit without an owner and a next deadline.

type Step =
  | { kind: 'deadline'; lateMs: number }
  | { kind: 'legal'; pick: number; variant: number; advanceMs: number; party: 'consumer' | 'merchant' }
  | { kind: 'random'; action: Action; role: Role; variant: number; advanceMs: number; party: 'consumer' | 'merchant' };

function payloadFor(action: Action, variant: number, now: Date): unknown {
  switch (action) {
    case 'respond':
      return variant % 2 === 0 ? OFFER : DEFENCE;
    case 'request_info':
      return { from: variant % 2 === 0 ? 'consumer' : 'merchant', question: 'Please send the receipt.' };
    case 'schedule_hearing': {
      // Mostly in the future (up to 30 days), sometimes in the past to exercise the guard.
      const offset = ((variant % 31) - 2) * DAY + 3_600_000;
      return { at: new Date(now.getTime() + offset).toISOString(), mode: variant % 3 === 0 ? 'online' : 'in_person', place: 'DNCRP, Dhaka' };
    }
    case 'decide':
      return variant % 3 === 0
        ? { outcome: 'dismissed', reasons: 'No breach was shown.' }
        : { outcome: 'upheld', reasons: 'The merchant failed to deliver.', fineBdt: variant % 3 === 1 ? 0 : 10_000 };
    case 'record_fine_collected':
      return { amountBdt: 1 + (variant % 10_000) };
    case 'assign':
      return { officerId: variant % 2 === 0 ? OFFICER : OFFICER_2 };
    default:
      return PAYLOADS[action];
  }
}

const LEGAL_PAIRS: Record<State, [Action, Role][]> = Object.fromEntries(
  STATES.map((s) => [s, ACTIONS.flatMap((a) => TRANSITIONS[a].roles.filter(() => TRANSITIONS[a].from.includes(s)).map((r) => [a, r] as [Action, Role]))]),
) as Record<State, [Action, Role][]>;

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deadline' as const), lateMs: fc.integer({ min: 0, max: 3 * DAY }) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('legal' as const),
      pick: fc.nat(),
      variant: fc.nat(),
      advanceMs: fc.integer({ min: 0, max: 20 * DAY }),
      party: fc.constantFrom('consumer' as const, 'merchant' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('random' as const),
      action: fc.constantFrom(...ACTIONS),
      role: fc.constantFrom(...ROLES),
      variant: fc.nat(),
      advanceMs: fc.integer({ min: 0, max: 20 * DAY }),
      party: fc.constantFrom('consumer' as const, 'merchant' as const),
    }),
  },
);

const holidaysArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 60 })
  .map((offs) => new Set(offs.map((o) => new Date(Date.UTC(2026, 0, 1) + o * DAY).toISOString().slice(0, 10))));

/** The shipped calendar of 2025–2027 (Eid closures and all), alone or with holidays declared on top. */
const FULL_CALENDAR = shippedCalendar();
const calendarArb: fc.Arbitrary<WorkingCalendar> = fc.oneof(
  fc.constant(FULL_CALENDAR),
  holidaysArb.map((extra) => ({ ...FULL_CALENDAR, holidays: new Set([...FULL_CALENDAR.holidays, ...extra]) })),
);

function checkInvariants(out: Outcome, now: Date, action: Action, calendar: WorkingCalendar): void {
  const s = out.snapshot;
  const where = `${out.from} --${action}--> ${out.to}`;
  assert.equal(s.state, out.to);
  if (isTerminal(s.state)) {
    assert.equal(ownerOf(s), null, where);
    assert.equal(s.dueAt, null, where);
    assert.equal(out.clock, null, where);
    return;
  }
  assert.notEqual(ownerOf(s), null, `${where}: no owner`);
  assert.ok(s.dueAt instanceof Date && !Number.isNaN(s.dueAt.getTime()), `${where}: no deadline`);
  assert.notEqual(out.clock, null, `${where}: no clock`);
  if (out.clock !== 'keep' && out.clock !== null) {
    assert.equal(out.clock.dueAt.getTime(), s.dueAt.getTime(), where);
    assert.equal(out.clock.onExpiry, ON_DEADLINE[s.state], where);
    assert.ok(s.dueAt.getTime() >= now.getTime(), `${where}: a new deadline in the past (${s.dueAt.toISOString()} < ${now.toISOString()})`);
    // A deadline that re-enters the same state must move forward, or the timer would fire forever.
    if (out.from === out.to) assert.ok(s.dueAt.getTime() > now.getTime(), `${where}: self-loop deadline does not move on`);
    for (const r of out.clock.reminders) {
      assert.ok(r.at.getTime() > now.getTime() && r.at.getTime() < s.dueAt.getTime(), `${where}: reminder outside the clock`);
      assert.equal(reminderAtFor(r.rule, s.dueAt, calendar).getTime(), r.at.getTime(), `${where}: reminder rule`);
    }
    // The clock records the rule its deadline follows, so it can be computed again later.
    assert.equal(dueAtFor(out.clock.rule, calendar).getTime(), s.dueAt.getTime(), `${where}: due rule ${JSON.stringify(out.clock.rule)}`);
    // A timer stored without its rule (before migration 011) gets the same one from the table,
    // from the step that started the clock (clockRule.ts); a fixed time only needs to stay fixed.
    const derived = clockRuleOf(action, out.to, now, out.from, s, DEFAULT_SETTINGS);
    assert.ok(derived, `${where}: no derived clock`);
    if (out.clock.rule.kind === 'fixed') assert.equal(derived.due.kind, 'fixed', where);
    else assert.deepEqual(derived.due, out.clock.rule, `${where}: derived rule`);
    for (const r of out.clock.reminders) assert.ok(derived.reminders.some((d) => d.notify.template === r.notify.template && JSON.stringify(d.rule) === JSON.stringify(r.rule)), `${where}: derived reminder`);
  }
  assert.equal(startsClock(action, out.from, out.to, s), out.clock !== 'keep' && out.clock !== null, `${where}: startsClock`);
  assert.equal(s.infoRequestedFrom !== null, s.state === 'info_requested', `${where}: infoRequestedFrom`);
  assert.equal(s.pausedRemainingMs !== null, s.state === 'info_requested', `${where}: pausedRemainingMs`);
  if (s.pausedRemainingMs !== null) assert.ok(s.pausedRemainingMs >= 0, where);
  // The deadline always moves the complaint somewhere: its expiry is a legal system step now.
  const onExpiry = ON_DEADLINE[s.state];
  assert.ok(onExpiry, `${where}: no deadline action`);
  const fired = transition(s, cmd(onExpiry), ctx('system', new Date(Math.max(s.dueAt.getTime(), now.getTime())), { calendar }));
  assert.ok(fired.ok, `${where}: ${onExpiry} fails at the deadline: ${JSON.stringify(!fired.ok && fired.error)}`);
}

describe('random lifecycles (5,000+ sequences)', () => {
  it('no complaint ever sits without an owner and a next deadline; every state is reachable', () => {
    const reached = new Set<State>();
    let steps = 0;
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: Date.UTC(2025, 11, 1), max: Date.UTC(2026, 11, 1) }),
        calendarArb,
        fc.array(stepArb, { minLength: 10, maxLength: 40, size: 'max' }),
        (merchantReachable, start, calendar, plan) => {
          let s: Snapshot = { ...INITIAL_SNAPSHOT, merchantReachable };
          let now = new Date(start);
          reached.add(s.state);
          for (const step of plan) {
            let action: Action;
            let role: Role;
            let payload: unknown = {};
            let party: 'consumer' | 'merchant' | undefined;
            if (step.kind === 'deadline') {
              const a = ON_DEADLINE[s.state];
              if (a === null || s.dueAt === null) continue;
              now = new Date(Math.max(now.getTime(), s.dueAt.getTime() + step.lateMs));
              action = a;
              role = 'system';
            } else if (step.kind === 'legal') {
              // Withdrawal and rejection end a run at once; take them only now and then.
              const pairs = LEGAL_PAIRS[s.state].filter(([a]) => step.variant % 8 === 0 || (a !== 'withdraw' && a !== 'reject_invalid'));
              if (pairs.length === 0) continue;
              [action, role] = pairs[step.pick % pairs.length]!;
              // Act before the deadline, as a person would.
              const limit = s.dueAt ? Math.max(0, s.dueAt.getTime() - now.getTime()) : step.advanceMs;
              now = new Date(now.getTime() + Math.min(step.advanceMs, limit));
              payload = payloadFor(action, step.variant, now);
              party = step.party;
            } else {
              action = step.action;
              role = step.role;
              now = new Date(now.getTime() + step.advanceMs);
              payload = payloadFor(action, step.variant, now);
              party = step.party;
            }
            const r = transition(s, cmd(action, payload), { now, role, party, settings: DEFAULT_SETTINGS, calendar });
            if (!r.ok) {
              // Failures leave nothing half-done and are always one of the known codes.
              assert.ok(['invalid_transition', 'role_not_allowed', 'guard_failed'].includes(r.error.code));
              continue;
            }
            steps += 1;
            checkInvariants(r.outcome, now, action, calendar);
            s = r.outcome.snapshot;
            reached.add(s.state);
            if (isTerminal(s.state)) break;
          }
        },
      ),
      { numRuns: 6000 },
    );
    assert.deepEqual([...STATES].filter((st) => !reached.has(st)), [], 'unreached states');
    assert.ok(steps > 30_000, `only ${steps} successful steps`);
  });
});
