import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { endOfDhakaDate } from '../calendar/calendar.ts';
import {
  type ProgrammeAction,
  type ProgrammeContext,
  type ProgrammeRole,
  type ProgrammeState,
  OpenProgrammeSchema,
  PROGRAMME_ACTIONS,
  PROGRAMME_STATES,
  PROGRAMME_TRANSITIONS,
  holdEffects,
  openProgramme,
  parseProgrammeCommand,
  programmeActionsIn,
  totalHeldPoisha,
  transitionProgramme,
} from './programme.ts';
import { HOLD, MERCHANT, dhaka, programme } from './fixtures.testing.ts';

const NOW = dhaka('2026-03-10T11:00');
const ctx = (role: ProgrammeRole = 'officer', over: Partial<ProgrammeContext> = {}): ProgrammeContext => ({ role, now: NOW, submittedClaims: 0, openClaims: 0, ...over });
const run = (action: ProgrammeAction, payload: unknown, state: ProgrammeState = 'collecting', c = ctx()) =>
  transitionProgramme(programme({ state }), parseProgrammeCommand(action, payload), c);
const guardOf = (r: ReturnType<typeof transitionProgramme>) => (!r.ok && r.error.code === 'guard_failed' ? r.error.guard : r.ok ? 'ok' : r.error.code);
const HOLD_PAYLOAD = { holdId: HOLD, kind: 'police_clearance_required', note: 'Cases pending against the owners.', since: '2026-02-01', source: 'CID letter no. 44 of 1 Feb 2026' };

describe('programme: what may change in each state', () => {
  it('collecting: everything; verifying and paying: money held, holds, notice; closed: nothing', () => {
    const officer = (s: ProgrammeState) => programmeActionsIn(s, 'officer').sort();
    assert.deepEqual(officer('collecting'), ['add_legal_hold', 'close', 'extend_window', 'lift_legal_hold', 'report_money_held', 'set_eligibility', 'start_verifying', 'update_notice']);
    assert.deepEqual(officer('verifying'), ['add_legal_hold', 'close', 'lift_legal_hold', 'report_money_held', 'start_paying', 'update_notice']);
    assert.deepEqual(officer('paying'), ['add_legal_hold', 'close', 'lift_legal_hold', 'report_money_held', 'update_notice']);
    assert.deepEqual(officer('closed'), []);
    // The system only ends the claim window.
    for (const s of PROGRAMME_STATES) assert.deepEqual(programmeActionsIn(s, 'system'), s === 'collecting' ? ['start_verifying'] : []);
    assert.deepEqual(Object.keys(PROGRAMME_TRANSITIONS).sort(), [...PROGRAMME_ACTIONS].sort());
  });

  it('every change is refused outside its states', () => {
    for (const a of PROGRAMME_ACTIONS) {
      for (const s of PROGRAMME_STATES.filter((x) => !PROGRAMME_TRANSITIONS[a].from.includes(x))) {
        const r = transitionProgramme(programme({ state: s }), { action: a, payload: {} } as never, ctx('officer'));
        assert.deepEqual(r, { ok: false, error: { code: 'invalid_transition', from: s, action: a } }, `${a} in ${s}`);
      }
    }
  });
});

describe('programme facts', () => {
  it('opening: the window runs until the end of its last date (Dhaka), then verifying starts by itself', () => {
    const { snapshot, clock } = openProgramme(
      OpenProgrammeSchema.parse({
        merchantId: MERCHANT,
        eligibility: { orderDateFrom: '2021-01-01', orderDateTo: '2021-09-15', channels: ['bkash'] },
        window: { opensOn: '2026-03-01', lastDate: '2026-04-30' },
      }),
    );
    assert.equal(snapshot.state, 'collecting');
    assert.equal(clock?.purpose, 'claim_window');
    assert.equal(clock?.onExpiry, 'start_verifying');
    assert.equal(clock?.dueAt.toISOString(), endOfDhakaDate('2026-04-30').toISOString());
    assert.equal(guardOf(transitionProgramme(snapshot, parseProgrammeCommand('start_verifying', {}), ctx('system', { now: dhaka('2026-04-30T23:59') }))), 'window_open');
    const after = transitionProgramme(snapshot, parseProgrammeCommand('start_verifying', {}), ctx('system', { now: dhaka('2026-05-01T00:00') }));
    assert.equal(after.ok && after.outcome.to, 'verifying');
    assert.equal(after.ok && after.outcome.clock, null);
  });

  it('the last date moves later, never earlier, and the clock moves with it', () => {
    assert.equal(guardOf(run('extend_window', { lastDate: '2026-04-29' })), 'window_not_later');
    assert.equal(guardOf(run('extend_window', { lastDate: '2026-04-30' })), 'window_not_later');
    const r = run('extend_window', { lastDate: '2026-05-31' });
    assert.ok(r.ok && r.outcome.clock !== 'keep' && r.outcome.clock?.dueAt.toISOString() === endOfDhakaDate('2026-05-31').toISOString());
    // Other changes leave the running clock as it is.
    const notice = run('update_notice', { notice: { bn: 'দাবি জমার শেষ তারিখ ৩০ এপ্রিল।', en: 'Claims close on 30 April.' } });
    assert.equal(notice.ok && notice.outcome.clock, 'keep');
  });

  it('eligibility may widen after claims arrive, never narrow', () => {
    const e = programme().eligibility;
    const narrower = { ...e, channels: ['bkash'] };
    const wider = { ...e, orderDateTo: '2021-12-31', channels: [...e.channels, 'airtime'] };
    assert.equal(guardOf(run('set_eligibility', { eligibility: narrower }, 'collecting', ctx('officer', { submittedClaims: 0 }))), 'ok');
    assert.equal(guardOf(run('set_eligibility', { eligibility: narrower }, 'collecting', ctx('officer', { submittedClaims: 3 }))), 'narrows_eligibility');
    assert.equal(guardOf(run('set_eligibility', { eligibility: wider }, 'collecting', ctx('officer', { submittedClaims: 3 }))), 'ok');
    assert.throws(() => parseProgrammeCommand('set_eligibility', { eligibility: { ...e, orderDateFrom: '2022-01-01' } }), /ends before it starts/);
    assert.throws(() => parseProgrammeCommand('set_eligibility', { eligibility: { ...e, channels: ['bkash', 'bkash'] } }));
  });

  it('money held: one entry per holder, the latest report replacing the last; the total sums the holders', () => {
    const report = (gateway: string, amountPoisha: number, asOf: string) => ({ holder: { kind: 'gateway', gateway }, amountPoisha, asOf, source: 'Bangladesh Bank letter' });
    let s = programme();
    for (const [g, a, d] of [['bkash', 4_000_000_00, '2026-03-01'], ['sslcommerz', 1_500_000_00, '2026-03-02'], ['bkash', 3_000_000_00, '2026-03-09']] as const) {
      const r = transitionProgramme(s, parseProgrammeCommand('report_money_held', report(g, a, d)), ctx());
      assert.ok(r.ok);
      s = r.outcome.snapshot;
    }
    assert.equal(s.moneyHeld.length, 2);
    assert.equal(totalHeldPoisha(s), 4_500_000_00);
    assert.equal(s.moneyHeld.find((m) => m.holder.kind === 'gateway' && m.holder.gateway === 'bkash')?.asOf, '2026-03-09');
  });

  it('legal holds: dated with a source; lifted once, not before they began; a stay stops payments', () => {
    const added = run('add_legal_hold', HOLD_PAYLOAD, 'verifying');
    assert.ok(added.ok);
    const held = added.outcome.snapshot;
    assert.deepEqual(holdEffects(held.holds), { stopsPayments: false, requiresClearance: true });
    assert.equal(guardOf(transitionProgramme(held, parseProgrammeCommand('lift_legal_hold', { holdId: HOLD, on: '2026-01-31', source: 'CID letter' }), ctx())), 'lift_before_hold');
    const lifted = transitionProgramme(held, parseProgrammeCommand('lift_legal_hold', { holdId: HOLD, on: '2026-05-02', source: 'CID letter no. 90' }), ctx());
    assert.ok(lifted.ok);
    assert.deepEqual(lifted.outcome.snapshot.holds[0]?.lifted, { on: '2026-05-02', source: 'CID letter no. 90' });
    assert.deepEqual(holdEffects(lifted.outcome.snapshot.holds), { stopsPayments: false, requiresClearance: false });
    assert.equal(guardOf(transitionProgramme(lifted.outcome.snapshot, parseProgrammeCommand('lift_legal_hold', { holdId: HOLD, on: '2026-05-03', source: 'again' }), ctx())), 'hold_not_active');
    assert.throws(() => parseProgrammeCommand('add_legal_hold', { ...HOLD_PAYLOAD, source: '' }));

    const stayed = run('add_legal_hold', { ...HOLD_PAYLOAD, kind: 'payments_stayed' }, 'verifying');
    assert.ok(stayed.ok);
    assert.equal(guardOf(transitionProgramme(stayed.outcome.snapshot, parseProgrammeCommand('start_paying', {}), ctx())), 'payments_stayed');
    assert.equal(guardOf(run('start_paying', {}, 'verifying')), 'ok');
  });

  it('a programme with claims not finished (money still owed) does not close', () => {
    assert.equal(guardOf(run('close', { code: 'completed', note: 'All paid.' }, 'paying', ctx('officer', { openClaims: 1 }))), 'claims_open');
    const closed = run('close', { code: 'completed', note: 'All paid and confirmed.' }, 'paying');
    assert.ok(closed.ok);
    assert.deepEqual(closed.outcome.snapshot.closure, { code: 'completed', note: 'All paid and confirmed.' });
  });
});
