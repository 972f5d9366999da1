import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ClaimState } from './claimStates.ts';
import {
  type LineAction,
  type LineContext,
  type LineRole,
  type LineSnapshot,
  type LineState,
  LINE_ACTIONS,
  LINE_TRANSITIONS,
  lineActionsFor,
  parseLineCommand,
  stateOfLine,
  transitionLine,
} from './lines.ts';
import { ENTRY, LINE_2, allowedLine, dhaka, facts, line, matchedLine } from './fixtures.testing.ts';

const NOW = dhaka('2026-03-10T11:00');
const ctx = (role: LineRole, claimState: ClaimState, over: Partial<LineContext> = {}): LineContext => ({ role, claimState, now: NOW, ...over });
const run = (l: LineSnapshot, action: LineAction, payload: unknown, c: LineContext) => transitionLine(l, parseLineCommand(action, payload), c);
const to = (r: ReturnType<typeof transitionLine>): LineState => {
  if (!r.ok) assert.fail(JSON.stringify(r.error));
  return r.outcome.to;
};
const DISPUTE = { kind: 'second_claimant', withLineIds: [LINE_2] };
const CHECKING: ClaimState[] = ['submitted', 'deficient', 'under_review'];
const LIVE: ClaimState[] = [...CHECKING, 'determined', 'in_payment'];
const NOT_FINAL: LineState[] = ['unmatched', 'matched_gateway_list', 'matched_merchant_list', 'cleared', 'disputed', 'held'];
const OPEN: LineState[] = ['unmatched', 'matched_gateway_list', 'matched_merchant_list', 'cleared'];

/** The line table as issue 12 describes it: who may take each step, in which claim states, from which line states. */
const EXPECTED: Record<LineAction, { from: LineState[]; by: Partial<Record<LineRole, ClaimState[]>> }> = {
  match_list: { from: NOT_FINAL, by: { system: ['draft', ...CHECKING], officer: CHECKING } },
  dispute: { from: [...NOT_FINAL, 'allowed'], by: { system: ['draft', ...LIVE], claimant: ['draft', 'deficient'], officer: LIVE } },
  resolve_dispute: { from: ['disputed'], by: { officer: LIVE } },
  record_clearance: { from: [...OPEN, 'allowed', 'held'], by: { officer: LIVE, system: LIVE } },
  hold: { from: [...OPEN, 'allowed'], by: { officer: LIVE, system: LIVE } },
  release: { from: ['held'], by: { officer: LIVE, system: LIVE } },
  allow: { from: OPEN, by: { officer: ['under_review'] } },
  reject: { from: [...OPEN, 'held'], by: { officer: ['under_review'] } },
  reconsider: { from: ['allowed', 'rejected'], by: { officer: ['under_review'] } },
  correct: { from: NOT_FINAL, by: { claimant: ['draft', 'deficient'], officer: CHECKING } },
};

describe('line transition table', () => {
  it('matches the expected line states, roles and claim states of every step', () => {
    assert.deepEqual([...LINE_ACTIONS].sort(), Object.keys(EXPECTED).sort());
    for (const a of LINE_ACTIONS) {
      assert.deepEqual([...LINE_TRANSITIONS[a].from].sort(), [...EXPECTED[a].from].sort(), `${a} from`);
      assert.deepEqual(
        Object.fromEntries(Object.entries(LINE_TRANSITIONS[a].by).map(([r, s]) => [r, [...s].sort()])),
        Object.fromEntries(Object.entries(EXPECTED[a].by).map(([r, s]) => [r, [...s].sort()])),
        `${a} by`,
      );
    }
  });

  it('lineActionsFor offers a claimant only corrections and disputes, and only while drafting or curing', () => {
    assert.deepEqual(lineActionsFor('matched_gateway_list', 'draft', 'claimant').sort(), ['correct', 'dispute']);
    assert.deepEqual(lineActionsFor('matched_gateway_list', 'under_review', 'claimant'), []);
    assert.deepEqual(lineActionsFor('allowed', 'in_payment', 'officer').sort(), ['dispute', 'hold', 'record_clearance']);
  });

  it('a step outside its claim states is refused as such', () => {
    assert.deepEqual(run(line(), 'correct', { facts: { delivered: 'partly' } }, ctx('claimant', 'under_review')), {
      ok: false,
      error: { code: 'claim_state', claimState: 'under_review', action: 'correct' },
    });
    assert.deepEqual(run(line(), 'allow', { amountPoisha: 1, reasons: ['evidence_accepted'] }, ctx('claimant', 'under_review')), {
      ok: false,
      error: { code: 'role_not_allowed', role: 'claimant', action: 'allow' },
    });
  });
});

describe('the state of a line follows from its facts', () => {
  it('in the documented order: disputed > held > rejected > allowed > cleared > gateway > merchant > unmatched', () => {
    const clearance = { reference: 'CID/1', decidedOn: '2026-03-01' };
    const dispute = { kind: 'second_claimant' as const, withLineIds: [], since: NOW.toISOString(), note: null };
    const hold = { kind: 'officer' as const, reason: 'x', holdId: null, since: NOW.toISOString() };
    const merchantMatch = { entryId: ENTRY, amountPoisha: 1 };
    assert.equal(stateOfLine(line()), 'unmatched');
    assert.equal(stateOfLine(line({ merchantMatch })), 'matched_merchant_list');
    assert.equal(stateOfLine(matchedLine({ merchantMatch })), 'matched_gateway_list');
    assert.equal(stateOfLine(matchedLine({ clearance })), 'cleared');
    assert.equal(stateOfLine(allowedLine({ clearance })), 'allowed');
    assert.equal(stateOfLine(allowedLine({ rejection: { code: 'other', note: null } })), 'rejected');
    assert.equal(stateOfLine(allowedLine({ hold })), 'held');
    assert.equal(stateOfLine(allowedLine({ hold, dispute })), 'disputed');
  });
});

describe('line steps', () => {
  it('matching a list: gateway over merchant; a disputed line stays disputed but records the match', () => {
    const m = run(line(), 'match_list', { list: 'merchant', entryId: ENTRY, amountPoisha: 850_000 }, ctx('system', 'draft'));
    assert.equal(to(m), 'matched_merchant_list');
    const g = run(m.ok ? m.outcome.line : line(), 'match_list', { list: 'gateway', entryId: ENTRY, amountPoisha: 840_000 }, ctx('system', 'submitted'));
    assert.equal(to(g), 'matched_gateway_list');
    assert.equal(g.ok && g.outcome.line.gatewayMatch?.amountPoisha, 840_000);
    const disputed = to(run(line(), 'dispute', DISPUTE, ctx('system', 'draft')));
    assert.equal(disputed, 'disputed');
  });

  it('a second claimant naming an allowed payment stops it: the line is disputed until an officer decides', () => {
    const d = run(allowedLine(), 'dispute', DISPUTE, ctx('system', 'in_payment'));
    assert.equal(to(d), 'disputed');
    const disputed = d.ok ? d.outcome.line : allowedLine();
    assert.deepEqual(disputed.dispute?.withLineIds, [LINE_2]);
    // A third claimant joins the same dispute.
    const third = '5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c';
    const again = run(disputed, 'dispute', { kind: 'second_claimant', withLineIds: [third] }, ctx('system', 'in_payment'));
    assert.deepEqual(again.ok && again.outcome.line.dispute?.withLineIds, [LINE_2, third]);
    assert.equal(again.ok && again.outcome.line.dispute?.since, disputed.dispute?.since);
    // Kept: back to allowed, with its amount. Removed: rejected with the code.
    assert.equal(to(run(disputed, 'resolve_dispute', { outcome: 'keep', note: 'The bKash statement is in this claimant’s name.' }, ctx('officer', 'in_payment'))), 'allowed');
    const removed = run(disputed, 'resolve_dispute', { outcome: 'remove', code: 'belongs_to_another_claim', note: 'The other claimant paid.' }, ctx('officer', 'in_payment'));
    assert.equal(to(removed), 'rejected');
    assert.deepEqual(removed.ok && removed.outcome.line.rejection, { code: 'belongs_to_another_claim', note: 'The other claimant paid.' });
    assert.equal(removed.ok && removed.outcome.line.allowed, null);
    assert.throws(() => parseLineCommand('resolve_dispute', { outcome: 'remove', note: 'No code given.' }));
  });

  it('a dispute corrected to less than was allowed needs the decision taken back first', () => {
    const disputed = allowedLine({ dispute: { kind: 'claimant_correction', withLineIds: [], since: NOW.toISOString(), note: null } });
    const r = run(disputed, 'resolve_dispute', { outcome: 'keep', note: 'The list is right.', corrected: { amountPaidPoisha: 500_000 } }, ctx('officer', 'under_review'));
    assert.deepEqual(r, { ok: false, error: { code: 'guard_failed', guard: 'above_refundable', action: 'resolve_dispute' } });
  });

  it('the police: no objection records the clearance (and lifts their own objection); an objection holds the line', () => {
    const objected = run(matchedLine(), 'record_clearance', { decision: 'objection', reference: 'CID/2026/9', decidedOn: '2026-03-09' }, ctx('officer', 'under_review'));
    assert.equal(to(objected), 'held');
    const held = objected.ok ? objected.outcome.line : matchedLine();
    assert.equal(held.hold?.kind, 'police_objection');
    // An officer cannot release what the police objected to; only their no-objection (or a rejection) ends it.
    assert.deepEqual(run(held, 'release', { reason: 'We think it is fine.' }, ctx('officer', 'under_review')), {
      ok: false,
      error: { code: 'guard_failed', guard: 'hold_is_police_objection', action: 'release' },
    });
    const cleared = run(held, 'record_clearance', { decision: 'no_objection', reference: 'CID/2026/12', decidedOn: '2026-03-20' }, ctx('system', 'under_review'));
    assert.equal(to(cleared), 'cleared');
    // A clearance does not lift a hold of another kind.
    const officerHold = matchedLine({ hold: { kind: 'officer', reason: 'Court order.', holdId: null, since: NOW.toISOString() } });
    assert.equal(to(run(officerHold, 'record_clearance', { decision: 'no_objection', reference: 'CID/1', decidedOn: '2026-03-20' }, ctx('officer', 'in_payment'))), 'held');
    assert.equal(to(run(officerHold, 'release', { reason: 'The order was lifted.' }, ctx('officer', 'in_payment'))), 'matched_gateway_list');
  });

  it('allow: at most paid less refunds, and not before a police clearance when the programme requires one', () => {
    const refunded = matchedLine({ facts: facts({ refunds: [{ amountPoisha: 350_000, on: '2021-08-01', channel: 'bkash' }] }) });
    const allow = (amount: number, c = ctx('officer', 'under_review')) => run(refunded, 'allow', { amountPoisha: amount, reasons: ['refunds_deducted'] }, c);
    assert.equal(to(allow(500_000)), 'allowed');
    assert.deepEqual(allow(500_001), { ok: false, error: { code: 'guard_failed', guard: 'above_refundable', action: 'allow' } });
    assert.deepEqual(allow(1, ctx('officer', 'under_review', { clearanceRequired: true })), {
      ok: false,
      error: { code: 'guard_failed', guard: 'clearance_required', action: 'allow' },
    });
  });

  it('corrections pass the same rules as a new line', () => {
    const cod = run(line(), 'correct', { facts: { channel: 'cod' } }, ctx('claimant', 'deficient'));
    assert.deepEqual(cod, { ok: false, error: { code: 'guard_failed', guard: 'facts_invalid', action: 'correct' } });
    const fixed = run(line(), 'correct', { facts: { gatewayTxnId: '9Z8Y7X6W5V' } }, ctx('claimant', 'deficient'));
    assert.equal(fixed.ok && fixed.outcome.line.facts.gatewayTxnId, '9Z8Y7X6W5V');
  });

  it('a correction of one fact leaves the others as they were (the refunds list is not reset)', () => {
    const refunds = [{ amountPoisha: 100_000, on: '2021-08-01', channel: 'bkash' as const }];
    const r = run(line({ facts: facts({ refunds }) }), 'correct', { facts: { delivered: 'partly' } }, ctx('claimant', 'deficient'));
    assert.deepEqual(r.ok && r.outcome.line.facts.refunds, refunds);
    assert.equal(r.ok && r.outcome.line.facts.delivered, 'partly');
    assert.throws(() => parseLineCommand('correct', { facts: {} }), /at least one fact/);
  });

  it('an allowed line on hold or under dispute keeps its decision: its payment cannot be corrected below the amount allowed', () => {
    const held = allowedLine({ hold: { kind: 'officer', reason: 'Court order.', holdId: null, since: NOW.toISOString() } });
    assert.deepEqual(run(held, 'correct', { facts: { amountPaidPoisha: 800_000 } }, ctx('officer', 'under_review')), {
      ok: false,
      error: { code: 'guard_failed', guard: 'above_refundable', action: 'correct' },
    });
    assert.equal(to(run(held, 'correct', { facts: { amountPaidPoisha: 900_000 } }, ctx('officer', 'under_review'))), 'held');
  });

  it('reconsidering takes an allowed or rejected line back to what it was matched as', () => {
    assert.equal(to(run(allowedLine(), 'reconsider', { reason: 'The claimant contested.' }, ctx('officer', 'under_review'))), 'matched_gateway_list');
    assert.equal(to(run(line({ rejection: { code: 'delivered', note: null } }), 'reconsider', { reason: 'Not delivered after all.' }, ctx('officer', 'under_review'))), 'unmatched');
  });
});
