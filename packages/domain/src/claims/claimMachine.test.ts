import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { endOfDhakaDate } from '../calendar/calendar.ts';
import { dueAtFor } from '../calendar/dueRule.ts';
import { shippedCalendar } from '../calendar/shipped.testing.ts';
import { type ClaimAction, CLAIM_ACTIONS } from './claimActions.ts';
import { type ClaimRole, type ClaimState, CLAIM_ROLES, CLAIM_STATES, isOpenClaim } from './claimStates.ts';
import {
  type ClaimOutcome,
  CLAIM_ON_ENTER,
  CLAIM_TRANSITIONS,
  CLOCK_OF,
  ON_CLAIM_DEADLINE,
  claimActionsFor,
  claimAllowedPoisha,
  claimClockFor,
  queueKey,
  startClaim,
  transitionClaim,
} from './claimMachine.ts';
import {
  HOLD,
  LINE_1,
  LINE_2,
  SUBMIT,
  allowedLine,
  claim,
  claimCmd,
  claimCtx,
  dhaka,
  facts,
  line,
  matchedLine,
  programmeFacts,
} from './fixtures.testing.ts';

const NOW = dhaka('2026-03-10T11:00'); // a Tuesday
const DETERMINE = {
  lines: [
    { lineId: LINE_1, decision: 'allow', amountPoisha: 850_000, reasons: ['matched_gateway_list'] },
    { lineId: LINE_2, decision: 'reject', code: 'no_proof_of_payment' },
  ],
  note: 'The bKash payment is on the gateway list; the cash payment has no proof.',
};

const PAYLOADS: Record<ClaimAction, unknown> = {
  submit: SUBMIT,
  screening_lapsed: {},
  start_review: {},
  request_cure: { items: ['transaction_id', 'proof_of_payment'] },
  cure: { note: 'Added the bKash SMS.' },
  cure_lapsed: {},
  review_overdue: {},
  determine: DETERMINE,
  accept_determination: {},
  answer_lapsed: {},
  contest: { reason: 'The cash payment was made; the receipt is attached.' },
  reopen_review: { reason: 'A second claimant named the bKash payment.' },
  reject: { code: 'not_a_customer', note: 'No payment shown.' },
  withdraw: {},
  draft_lapsed: {},
  reopen: {},
  record_received: { amountPoisha: 400_000, reference: 'payout-1' },
  payment_follow_up: {},
  end_payment: { reason: 'The gateway has paid out all it held.' },
};

/** The claim lifecycle as issue 12 describes it; the table must match it exactly. */
const EXPECTED: Record<ClaimAction, { from: ClaimState[]; roles: ClaimRole[] }> = {
  submit: { from: ['draft'], roles: ['claimant'] },
  screening_lapsed: { from: ['submitted'], roles: ['system'] },
  start_review: { from: ['submitted'], roles: ['officer'] },
  request_cure: { from: ['submitted', 'under_review'], roles: ['officer'] },
  cure: { from: ['deficient'], roles: ['claimant'] },
  cure_lapsed: { from: ['deficient'], roles: ['system'] },
  review_overdue: { from: ['under_review'], roles: ['system'] },
  determine: { from: ['under_review'], roles: ['officer'] },
  accept_determination: { from: ['determined'], roles: ['claimant'] },
  answer_lapsed: { from: ['determined'], roles: ['system'] },
  contest: { from: ['determined'], roles: ['claimant'] },
  reopen_review: { from: ['determined', 'in_payment'], roles: ['officer'] },
  reject: { from: ['submitted', 'deficient', 'under_review'], roles: ['officer'] },
  withdraw: { from: ['draft', 'submitted', 'deficient', 'under_review', 'determined'], roles: ['claimant'] },
  draft_lapsed: { from: ['draft'], roles: ['system'] },
  reopen: { from: ['withdrawn'], roles: ['claimant'] },
  record_received: { from: ['in_payment'], roles: ['system'] },
  payment_follow_up: { from: ['in_payment'], roles: ['system'] },
  end_payment: { from: ['in_payment'], roles: ['officer'] },
};

/** A claim in `state` that passes every guard of `action`. */
function friendly(state: ClaimState, action: ClaimAction) {
  const decided = ['determined', 'in_payment', 'paid', 'partly_paid'].includes(state) || action === 'accept_determination' || action === 'answer_lapsed';
  const lines = decided
    ? [allowedLine(), line({ id: LINE_2, no: 2, facts: facts({ channel: 'cod', gateway: undefined, gatewayTxnId: undefined, merchantOrderId: 'EV-10235' }), rejection: { code: 'no_proof_of_payment', note: null } })]
    : [matchedLine(), line({ id: LINE_2, no: 2, facts: facts({ channel: 'cod', gateway: undefined, gatewayTxnId: undefined, merchantOrderId: 'EV-10235' }) })];
  return claim(state, {
    lines,
    determination: decided ? { allowedPoisha: 850_000, note: DETERMINE.note, at: NOW.toISOString() } : null,
    acceptance: state === 'in_payment' ? 'claimant' : null,
    receivedPoisha: action === 'end_payment' ? 100_000 : 0,
  });
}

const ok = (r: ReturnType<typeof transitionClaim>): ClaimOutcome => {
  if (!r.ok) assert.fail(`expected success, got ${JSON.stringify(r.error)}`);
  return r.outcome;
};

describe('claim transition table', () => {
  it('has exactly the actions of ClaimActionPayloads, with the expected states and roles', () => {
    assert.deepEqual(Object.keys(CLAIM_TRANSITIONS).sort(), [...CLAIM_ACTIONS].sort());
    for (const a of CLAIM_ACTIONS) {
      assert.deepEqual([...CLAIM_TRANSITIONS[a].from].sort(), [...EXPECTED[a].from].sort(), `${a} from`);
      assert.deepEqual([...CLAIM_TRANSITIONS[a].roles].sort(), [...EXPECTED[a].roles].sort(), `${a} roles`);
    }
  });

  for (const action of CLAIM_ACTIONS) {
    describe(action, () => {
      const { from, roles } = EXPECTED[action];
      it('succeeds from every allowed state for every allowed role', () => {
        for (const state of from) {
          for (const role of roles) {
            const r = transitionClaim(friendly(state, action), claimCmd(action, PAYLOADS[action]), claimCtx(role, NOW));
            assert.ok(r.ok, `${action} from ${state} as ${role}: ${JSON.stringify(!r.ok && r.error)}`);
          }
        }
      });
      it('gives invalid_transition from every other state, role_not_allowed to every other role', () => {
        for (const state of CLAIM_STATES.filter((s) => !from.includes(s))) {
          const r = transitionClaim(friendly(state, action), claimCmd(action, PAYLOADS[action]), claimCtx(roles[0]!, NOW));
          assert.deepEqual(r, { ok: false, error: { code: 'invalid_transition', from: state, action } }, `${action} from ${state}`);
        }
        for (const role of CLAIM_ROLES.filter((r) => !roles.includes(r))) {
          const r = transitionClaim(friendly(from[0]!, action), claimCmd(action, PAYLOADS[action]), claimCtx(role, NOW));
          assert.deepEqual(r, { ok: false, error: { code: 'role_not_allowed', role, action } }, `${action} as ${role}`);
        }
      });
      it('claimActionsFor offers it exactly to the allowed state/role pairs', () => {
        for (const state of CLAIM_STATES) {
          for (const role of CLAIM_ROLES) assert.equal(claimActionsFor(state, role).includes(action), from.includes(state) && roles.includes(role), `${state}/${role}`);
        }
      });
    });
  }
});

describe('where claim steps go', () => {
  it('accepting (or not answering) an amount above nil goes to payment; a nil amount ends rejected with the reasons', () => {
    for (const [action, role, by] of [['accept_determination', 'claimant', 'claimant'], ['answer_lapsed', 'system', 'deemed']] as const) {
      const paid = ok(transitionClaim(friendly('determined', action), claimCmd(action), claimCtx(role, NOW)));
      assert.equal(paid.to, 'in_payment');
      assert.equal(paid.snapshot.acceptance, by);
      const nil = claim('determined', {
        lines: [matchedLine({ rejection: { code: 'delivered', note: null } })],
        determination: { allowedPoisha: 0, note: 'The helmet was delivered on 2 July.', at: NOW.toISOString() },
      });
      const r = ok(transitionClaim(nil, claimCmd(action), claimCtx(role, NOW)));
      assert.equal(r.to, 'rejected');
      assert.deepEqual(r.snapshot.rejection, { code: 'nothing_allowed', note: 'The helmet was delivered on 2 July.' });
      assert.deepEqual(r.notify, [{ to: 'claimant', template: 'claim_rejected' }]);
    }
  });

  it('money received moves the claim to paid only when all that was allowed has come', () => {
    const s = friendly('in_payment', 'record_received');
    const part = ok(transitionClaim(s, claimCmd('record_received', { amountPoisha: 500_000, reference: 'r1' }), claimCtx('system', NOW)));
    assert.equal(part.to, 'in_payment');
    assert.equal(part.clock, 'keep');
    assert.equal(part.snapshot.dueAt, s.dueAt);
    const rest = ok(transitionClaim(part.snapshot, claimCmd('record_received', { amountPoisha: 350_000, reference: 'r2' }), claimCtx('system', NOW)));
    assert.equal(rest.to, 'paid');
    assert.equal(rest.snapshot.receivedPoisha, 850_000);
    assert.equal(rest.snapshot.dueAt, null);
    const over = transitionClaim(part.snapshot, claimCmd('record_received', { amountPoisha: 350_001, reference: 'r3' }), claimCtx('system', NOW));
    assert.deepEqual(over, { ok: false, error: { code: 'guard_failed', guard: 'above_owed', action: 'record_received' } });
  });

  it('payments ended with part received: partly paid; with nothing received the claim stays owed', () => {
    const none = transitionClaim(friendly('in_payment', 'record_received'), claimCmd('end_payment', PAYLOADS.end_payment), claimCtx('officer', NOW));
    assert.deepEqual(none, { ok: false, error: { code: 'guard_failed', guard: 'nothing_received', action: 'end_payment' } });
    assert.equal(ok(transitionClaim(friendly('in_payment', 'end_payment'), claimCmd('end_payment', PAYLOADS.end_payment), claimCtx('officer', NOW))).to, 'partly_paid');
  });

  it('a contest reopens the review once; a second is refused (the setting allows more)', () => {
    const s = friendly('determined', 'contest');
    const first = ok(transitionClaim(s, claimCmd('contest', PAYLOADS.contest), claimCtx('claimant', NOW)));
    assert.equal(first.to, 'under_review');
    assert.equal(first.snapshot.contests, 1);
    const again = { ...first.snapshot, state: 'determined' as const };
    assert.deepEqual(transitionClaim(again, claimCmd('contest', PAYLOADS.contest), claimCtx('claimant', NOW)), {
      ok: false,
      error: { code: 'guard_failed', guard: 'contests_used', action: 'contest' },
    });
    assert.ok(transitionClaim(again, claimCmd('contest', PAYLOADS.contest), claimCtx('claimant', NOW, { settings: { maxContests: 2 } })).ok);
    const unknown = transitionClaim(s, claimCmd('contest', { reason: 'That line is wrong.', lineIds: ['9b2f1c2e-7a4d-4e7b-8c1a-2d3e4f5a6b7c'] }), claimCtx('claimant', NOW));
    assert.equal(!unknown.ok && unknown.error.code === 'guard_failed' && unknown.error.guard, 'unknown_line');
  });

  it('a withdrawn claim is reopened as a draft, unless it had been determined or the programme is closed', () => {
    const w = claim('withdrawn', { withdrawal: { by: 'claimant', reason: null }, submittedAt: NOW.toISOString(), late: true, dueAt: null });
    const r = ok(transitionClaim(w, claimCmd('reopen'), claimCtx('claimant', NOW)));
    assert.equal(r.to, 'draft');
    assert.equal(r.snapshot.withdrawal, null);
    assert.equal(r.snapshot.submittedAt, null);
    assert.ok(r.snapshot.dueAt);
    const determined = { ...w, determination: { allowedPoisha: 1, note: 'x', at: NOW.toISOString() } };
    assert.equal(transitionClaim(determined, claimCmd('reopen'), claimCtx('claimant', NOW)).ok, false);
    assert.equal(transitionClaim(w, claimCmd('reopen'), claimCtx('claimant', NOW, { programme: programmeFacts({ state: 'closed' }) })).ok, false);
  });
});

describe('submitting', () => {
  it('needs at least one line, each with what only the claimant knows, and a programme that still takes claims', () => {
    const fail = (s: ReturnType<typeof claim>, guard: string, programme = programmeFacts()) =>
      assert.deepEqual(transitionClaim(s, claimCmd('submit', SUBMIT), claimCtx('claimant', NOW, { programme })), {
        ok: false,
        error: { code: 'guard_failed', guard, action: 'submit' },
      });
    fail(claim('draft', { lines: [] }), 'no_lines');
    // A line pre-filled from a gateway's list does not know the item or whether it came.
    fail(claim('draft', { lines: [matchedLine({ source: 'gateway_list', facts: facts({ item: undefined, delivered: undefined }) })] }), 'lines_incomplete');
    fail(claim('draft'), 'programme_closed', programmeFacts({ state: 'closed' }));
  });

  it('the declaration must be the current one, signed', () => {
    assert.throws(() => claimCmd('submit', { declaration: false, declarationVersion: SUBMIT.declarationVersion }));
    assert.throws(() => claimCmd('submit', { declaration: true, declarationVersion: 'claims-declaration-0' }));
  });

  it('after the last date (Dhaka time) a claim is accepted, marked late and queued behind the timely ones', () => {
    const lastDay = dhaka('2026-04-30T23:59');
    const dayAfter = dhaka('2026-05-01T00:01');
    const timely = ok(transitionClaim(claim('draft'), claimCmd('submit', SUBMIT), claimCtx('claimant', lastDay)));
    const late = ok(transitionClaim(claim('draft'), claimCmd('submit', SUBMIT), claimCtx('claimant', dayAfter, { programme: programmeFacts({ state: 'verifying' }) })));
    assert.equal(timely.snapshot.late, false);
    assert.equal(late.to, 'submitted');
    assert.equal(late.snapshot.late, true);
    assert.deepEqual(late.notify, [{ to: 'claimant', template: 'claim_received' }]);
    // Filed earlier in the morning but late, it still sorts after a timely claim filed later.
    const earlyLate = { late: true, submittedAt: '2026-05-01T00:00:00.000Z' };
    const laterTimely = { late: false, submittedAt: '2026-05-20T00:00:00.000Z' };
    assert.ok(queueKey(laterTimely) < queueKey(earlyLate));
    assert.ok(queueKey({ late: false, submittedAt: '2026-03-01T00:00:00.000Z' }) < queueKey(laterTimely));
  });
});

describe('determination', () => {
  const s = friendly('under_review', 'determine');
  const fail = (r: ReturnType<typeof transitionClaim>) => (r.ok ? null : r.error.code === 'guard_failed' ? r.error.guard : r.error.code);

  it('decides every line: allowed amounts with reasons, rejected lines with a code; the claim records the total', () => {
    const r = ok(transitionClaim(s, claimCmd('determine', DETERMINE), claimCtx('officer', NOW)));
    assert.equal(r.to, 'determined');
    assert.deepEqual(r.snapshot.lines.map((l) => l.state), ['allowed', 'rejected']);
    assert.equal(r.snapshot.determination?.allowedPoisha, 850_000);
    assert.equal(claimAllowedPoisha(r.snapshot), 850_000);
    assert.deepEqual(r.lines.map((l) => [l.lineId, l.from, l.to]), [[LINE_1, 'matched_gateway_list', 'allowed'], [LINE_2, 'unmatched', 'rejected']]);
    assert.deepEqual(r.notify, [{ to: 'claimant', template: 'claim_determined' }]);
  });

  it('never allows more than was paid less the refunds received', () => {
    const refunded = { ...s, lines: [matchedLine({ facts: facts({ refunds: [{ amountPoisha: 100_000, on: '2021-07-01', channel: 'bkash' }] }) })] };
    const above = { lines: [{ lineId: LINE_1, decision: 'allow', amountPoisha: 750_001, reasons: ['refunds_deducted'] }], note: DETERMINE.note };
    const r = transitionClaim(refunded, claimCmd('determine', above), claimCtx('officer', NOW));
    assert.equal(fail(r), 'line_decision');
    assert.equal(!r.ok && r.error.code === 'guard_failed' && r.error.line?.error.code === 'guard_failed' && r.error.line.error.guard, 'above_refundable');
    const exact = { lines: [{ ...above.lines[0], amountPoisha: 750_000 }], note: DETERMINE.note };
    assert.ok(transitionClaim(refunded, claimCmd('determine', exact), claimCtx('officer', NOW)).ok);
  });

  it('leaves no line undecided, and decides no line while a dispute on it is open', () => {
    assert.equal(fail(transitionClaim(s, claimCmd('determine', { lines: [DETERMINE.lines[0]], note: DETERMINE.note }), claimCtx('officer', NOW))), 'lines_undecided');
    const disputed = { ...s, lines: [matchedLine({ dispute: { kind: 'second_claimant', withLineIds: [LINE_2], since: NOW.toISOString(), note: null } }), s.lines[1]!] };
    const r = transitionClaim(disputed, claimCmd('determine', { lines: [DETERMINE.lines[1]], note: DETERMINE.note }), claimCtx('officer', NOW));
    assert.equal(fail(r), 'disputes_open');
    assert.equal(fail(transitionClaim(s, claimCmd('determine', { lines: [{ ...DETERMINE.lines[1], lineId: '9b2f1c2e-7a4d-4e7b-8c1a-2d3e4f5a6b7c' }], note: 'x y z' }), claimCtx('officer', NOW))), 'unknown_line');
  });

  it('under a "no refund until police clearance" hold, only cleared lines may be allowed', () => {
    const programme = programmeFacts({
      holds: [{ id: HOLD, kind: 'police_clearance_required', note: 'Cases pending against the owners.', since: '2026-02-01', source: 'CID letter', sourceUrl: null, lifted: null }],
    });
    const r = transitionClaim(s, claimCmd('determine', DETERMINE), claimCtx('officer', NOW, { programme }));
    assert.equal(!r.ok && r.error.code === 'guard_failed' && r.error.line?.error.code === 'guard_failed' && r.error.line.error.guard, 'clearance_required');
    const cleared = { ...s, lines: [matchedLine({ clearance: { reference: 'CID/2026/17', decidedOn: '2026-03-05' } }), s.lines[1]!] };
    assert.ok(transitionClaim(cleared, claimCmd('determine', DETERMINE), claimCtx('officer', NOW, { programme })).ok);
  });
});

describe('clocks', () => {
  const cal = shippedCalendar();

  it('each open state runs a lifecycle clock waiting for its step, whose expiry is a system step from it', () => {
    for (const state of CLAIM_STATES) {
      const clock = claimClockFor(state, claimCtx('system', NOW));
      if (!isOpenClaim(state)) {
        assert.equal(clock, null, state);
        assert.equal(ON_CLAIM_DEADLINE[state], null, state);
        assert.equal(CLOCK_OF[state], null, state);
        continue;
      }
      assert.ok(clock, state);
      assert.equal(clock.purpose, 'lifecycle', state);
      assert.equal(clock.step, CLOCK_OF[state], state);
      assert.equal(clock.onExpiry, ON_CLAIM_DEADLINE[state], state);
      assert.ok(EXPECTED[clock.onExpiry].from.includes(state) && EXPECTED[clock.onExpiry].roles.includes('system'), state);
      assert.equal(dueAtFor(clock.rule, NO_CAL).getTime(), clock.dueAt.getTime(), `${state}: the rule gives the due time`);
    }
  });

  it('the cure deadline counts working days on the holiday calendar: Eid-ul-Fitr 2026 closes offices 17–23 March', () => {
    // Notice on Sunday 15 March 2026, two days before the closure.
    const at = dhaka('2026-03-15T12:00');
    const r = ok(transitionClaim(friendly('under_review', 'request_cure'), claimCmd('request_cure', PAYLOADS.request_cure), claimCtx('officer', at, { calendar: cal })));
    assert.equal(r.to, 'deficient');
    assert.ok(r.clock && r.clock !== 'keep');
    assert.equal(r.clock.step, 'cure');
    // 10 working days: 16, 24, 25 March (26 is Independence Day), 29, 30, 31 March, 1, 2, 5, 6 April.
    assert.equal(r.snapshot.dueAt?.toISOString(), endOfDhakaDate('2026-04-06').toISOString());
    assert.deepEqual(r.clock.rule, { kind: 'working_days', from: at.toISOString(), days: 10 });
    // The reminder: 10:00 Dhaka two working days before (Thursday 2 April; 3–4 April are Friday/Saturday).
    assert.deepEqual(r.clock.reminders.map((x) => [x.at.toISOString(), x.notify.template]), [[dhaka('2026-04-02T10:00').toISOString(), 'claim_cure_reminder']]);
    assert.deepEqual(r.snapshot.deficiency?.items, ['transaction_id', 'proof_of_payment']);
    assert.deepEqual(r.notify, [{ to: 'claimant', template: 'claim_deficient' }]);
  });

  it('a notice may give more working days than the default', () => {
    const r = ok(transitionClaim(friendly('submitted', 'request_cure'), claimCmd('request_cure', { items: ['cheque_copy'], cureWorkingDays: 20 }), claimCtx('officer', NOW)));
    assert.deepEqual(r.clock !== 'keep' && r.clock?.rule, { kind: 'working_days', from: NOW.toISOString(), days: 20 });
  });

  it('a draft is due by the last date, or 30 days on when that comes later', () => {
    const early = startClaim({ now: dhaka('2026-03-02T09:00'), calendar: NO_CAL, settings: claimCtx('system', NOW).settings, programme: programmeFacts() });
    assert.equal(early.clock.dueAt.toISOString(), endOfDhakaDate('2026-04-30').toISOString());
    assert.equal(early.snapshot.state, 'draft');
    assert.equal(early.snapshot.dueAt?.getTime(), early.clock.dueAt.getTime());
    const late = startClaim({ now: dhaka('2026-04-25T09:00'), calendar: NO_CAL, settings: claimCtx('system', NOW).settings, programme: programmeFacts() });
    assert.equal(late.clock.dueAt.toISOString(), endOfDhakaDate('2026-05-25').toISOString());
    assert.deepEqual(late.clock.reminders.map((r) => r.notify.template), ['claim_draft_reminder']);
  });

  it('an overdue review gets a fresh date a few working days on, and the office is told', () => {
    const firedAt = dhaka('2026-03-19T23:59'); // Thursday
    const r = ok(transitionClaim(claim('under_review', { dueAt: firedAt }), claimCmd('review_overdue'), claimCtx('system', firedAt)));
    assert.equal(r.to, 'under_review');
    assert.deepEqual(r.notify, [{ to: 'office', template: 'claim_review_overdue' }]);
    // Sun 22 … Thu 26: five working days.
    assert.equal(r.snapshot.dueAt?.toISOString(), endOfDhakaDate('2026-03-26').toISOString());
  });

  it('who is told on entering each state', () => {
    assert.deepEqual(
      CLAIM_STATES.filter((s) => CLAIM_ON_ENTER[s].length > 0),
      ['submitted', 'deficient', 'determined', 'rejected'],
    );
  });
});

const NO_CAL = { holidays: new Set<string>() };
