// The demand, driven by thousands of random lifecycles: nobody's claim ever sits
// without a state, a reason and a next date. Each run interleaves claim steps (legal ones and
// random ones), line steps, programme changes (holds, phases) and deadlines on the real
// holiday calendar, and checks the invariants after every step that succeeds.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { WorkingCalendar } from '../calendar/calendar.ts';
import { dueAtFor, reminderAtFor } from '../calendar/dueRule.ts';
import { shippedCalendar } from '../calendar/shipped.testing.ts';
import { hasClaimMessage } from '../i18n/claims.ts';
import { refundablePoisha } from './amount.ts';
import { type ClaimAction, type ClaimCommand, CLAIM_ACTIONS, parseClaimCommand } from './claimActions.ts';
import { type ClaimRole, type ClaimState, CLAIM_ROLES, CLAIM_STATES, isOpenClaim } from './claimStates.ts';
import {
  type ClaimOutcome,
  type ClaimSnapshot,
  type ProgrammeFacts,
  CLAIM_TRANSITIONS,
  ON_CLAIM_DEADLINE,
  claimAllowedPoisha,
  startClaim,
  transitionClaim,
} from './claimMachine.ts';
import { type LineAction, type LineRole, type LineSnapshot, LINE_ACTIONS, LINE_ROLES, LINE_STATES, newLine, parseLineCommand, stateOfLine, transitionLine } from './lines.ts';
import { type ProgrammeSnapshot, holdEffects, parseProgrammeCommand, transitionProgramme } from './programme.ts';
import { InstrumentInputSchema } from './instruments.ts';
import { DEFAULT_CLAIMS_SETTINGS } from './settings.ts';
import { CLAIM_REASONS, claimStatus } from './status.ts';
import { ENTRY, SUBMIT, facts, programme as makeProgramme } from './fixtures.testing.ts';

const DAY = 86_400_000;
const IDS = ['0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', '1b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d4e', '2c3d4e5f-6a7b-4c8d-ae9f-0a1b2c3d4e5f', '5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c'];
const HOLD_IDS = ['4e5f6a7b-8c9d-4eaf-8a1b-2c3d4e5f6a7b', '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d'];

interface World {
  claim: ClaimSnapshot;
  programme: ProgrammeSnapshot;
  now: Date;
}

const factsOf = (p: ProgrammeSnapshot): ProgrammeFacts => ({ state: p.state, window: p.window, holds: p.holds });

type Step =
  | { kind: 'deadline'; lateMs: number }
  | { kind: 'legal'; pick: number; variant: number; advanceMs: number }
  | { kind: 'random'; action: ClaimAction; role: ClaimRole; variant: number }
  | { kind: 'line'; pick: number; action: LineAction; role: LineRole; variant: number }
  | { kind: 'add_line'; variant: number }
  | { kind: 'instrument'; variant: number }
  | { kind: 'programme'; variant: number; advanceMs: number };

const LEGAL: Record<ClaimState, [ClaimAction, ClaimRole][]> = Object.fromEntries(
  CLAIM_STATES.map((s) => [s, CLAIM_ACTIONS.flatMap((a) => CLAIM_TRANSITIONS[a].roles.filter(() => CLAIM_TRANSITIONS[a].from.includes(s)).map((r) => [a, r] as [ClaimAction, ClaimRole]))]),
) as Record<ClaimState, [ClaimAction, ClaimRole][]>;

/** A payload for a claim step, made from the claim as it is (a determination decides its open lines). */
function claimPayload(action: ClaimAction, s: ClaimSnapshot, variant: number): unknown {
  switch (action) {
    case 'submit':
      return SUBMIT;
    case 'request_cure':
      return { items: variant % 2 ? ['transaction_id'] : ['proof_of_payment', 'refund_details'], ...(variant % 3 === 0 ? { cureWorkingDays: 1 + (variant % 30) } : {}) };
    case 'determine': {
      const open = s.lines.filter((l) => l.state !== 'allowed' && l.state !== 'rejected');
      return {
        note: 'Checked against the gateway list.',
        lines: open.map((l, i) => {
          const refundable = refundablePoisha(l.facts);
          // Mostly allow up to what may be refunded; sometimes reject; now and then try too much.
          if ((variant + i) % 4 === 3 || refundable === 0) return { lineId: l.id, decision: 'reject', code: 'no_proof_of_payment' };
          const amount = (variant + i) % 9 === 8 ? refundable + 1 : Math.max(1, refundable - ((variant * 7 + i) % Math.max(1, refundable)));
          return { lineId: l.id, decision: 'allow', amountPoisha: amount, reasons: ['matched_gateway_list'] };
        }),
      };
    }
    case 'contest':
      return { reason: 'I paid more than that.' };
    case 'reopen_review':
      return { reason: 'A late dispute arrived.' };
    case 'reject':
      return { code: 'not_a_customer', note: 'No payment shown.' };
    case 'record_received': {
      const owed = claimAllowedPoisha(s) - s.receivedPoisha;
      return { amountPoisha: Math.max(1, variant % 3 === 0 ? owed : Math.ceil(owed / 2)), reference: `payout-${variant}` };
    }
    case 'end_payment':
      return { reason: 'The gateway has paid all it held.' };
    default:
      return {};
  }
}

function linePayload(action: LineAction, l: LineSnapshot, variant: number, now: Date): unknown {
  switch (action) {
    case 'match_list':
      return { list: variant % 2 ? 'gateway' : 'merchant', entryId: ENTRY, amountPoisha: Math.max(0, l.facts.amountPaidPoisha - (variant % 3) * 10_000) };
    case 'dispute':
      return { kind: variant % 3 === 0 ? 'claimant_correction' : 'second_claimant', withLineIds: [IDS[3]] };
    case 'resolve_dispute':
      if (variant % 3 === 2) return { outcome: 'keep', note: 'The amount on the list is right.', corrected: { amountPaidPoisha: Math.max(1, l.facts.amountPaidPoisha - 200_000) } };
      return variant % 2 ? { outcome: 'keep', note: 'The receipt shows it is this claimant’s.' } : { outcome: 'remove', code: 'belongs_to_another_claim', note: 'The other claimant paid.' };
    case 'record_clearance':
      return { decision: variant % 4 === 0 ? 'objection' : 'no_objection', reference: `CID/${variant}`, decidedOn: new Date(now).toISOString().slice(0, 10) };
    case 'hold':
      return { kind: 'officer', reason: 'Court order on this account.' };
    case 'release':
      return { reason: 'The order was lifted.' };
    case 'allow':
      return { amountPoisha: Math.max(1, refundablePoisha(l.facts) - (variant % 5)), reasons: ['evidence_accepted'] };
    case 'reject':
      return { code: 'delivered' };
    case 'reconsider':
      return { reason: 'The claimant contested.' };
    case 'correct':
      return { facts: variant % 2 ? { amountPaidPoisha: 100 + variant } : { delivered: 'partly' } };
  }
}

function programmeStep(w: World, variant: number): ReturnType<typeof transitionProgramme> | null {
  const choices = [
    () => parseProgrammeCommand('add_legal_hold', { holdId: HOLD_IDS[variant % 2], kind: variant % 3 === 0 ? 'payments_stayed' : 'police_clearance_required', note: 'Cases pending.', since: '2026-02-01', source: 'CID letter of 1 Feb 2026' }),
    () => parseProgrammeCommand('lift_legal_hold', { holdId: HOLD_IDS[variant % 2], on: '2026-06-01', source: 'CID letter of 1 June 2026' }),
    () => parseProgrammeCommand('start_verifying', {}),
    () => parseProgrammeCommand('start_paying', {}),
  ];
  const cmd = choices[variant % choices.length]!();
  const r = transitionProgramme(w.programme, cmd, { now: w.now, role: 'officer', submittedClaims: w.claim.submittedAt ? 1 : 0, openClaims: isOpenClaim(w.claim.state) ? 1 : 0 });
  return r;
}

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deadline' as const), lateMs: fc.integer({ min: 0, max: 2 * DAY }) }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('legal' as const), pick: fc.nat(), variant: fc.nat(), advanceMs: fc.integer({ min: 0, max: 10 * DAY }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('random' as const), action: fc.constantFrom(...CLAIM_ACTIONS), role: fc.constantFrom(...CLAIM_ROLES), variant: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('line' as const), pick: fc.nat(), action: fc.constantFrom(...LINE_ACTIONS), role: fc.constantFrom(...LINE_ROLES), variant: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add_line' as const), variant: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('instrument' as const), variant: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('programme' as const), variant: fc.nat(), advanceMs: fc.integer({ min: 0, max: 30 * DAY }) }) },
);

const CAL = shippedCalendar();
const calendarArb: fc.Arbitrary<WorkingCalendar> = fc.oneof(
  fc.constant(CAL),
  fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 40 }).map((offs) => ({
    ...CAL,
    holidays: new Set([...CAL.holidays, ...offs.map((o) => new Date(Date.UTC(2026, 0, 1) + o * DAY).toISOString().slice(0, 10))]),
  })),
);

function checkClaim(w: World, where: string): void {
  const s = w.claim;
  const status = claimStatus(s, factsOf(w.programme));
  assert.ok((CLAIM_STATES as readonly string[]).includes(status.state), where);
  assert.ok((CLAIM_REASONS as readonly string[]).includes(status.reason), `${where}: reason ${status.reason}`);
  assert.ok(hasClaimMessage(`claims.reason.${status.reason}`), `${where}: no label for ${status.reason}`);
  if (isOpenClaim(s.state)) {
    assert.notEqual(status.owner, null, `${where}: no owner`);
    assert.ok(status.nextDate instanceof Date && !Number.isNaN(status.nextDate.getTime()), `${where}: no next date`);
    assert.ok(status.nextStep, `${where}: no next step`);
  } else {
    assert.equal(status.owner, null, where);
    assert.equal(status.nextDate, null, where);
  }
  assert.equal(s.state === 'rejected', s.rejection !== null, `${where}: a rejection has a reason code, and only a rejected claim has one`);
  if (status.rejectCode) assert.ok(hasClaimMessage(`claims.reject.${status.rejectCode}`), where);
  for (const l of s.lines) {
    assert.equal(l.state, stateOfLine(l), `${where}: line ${l.id} state disagrees with its facts`);
    // Never above what was paid less the refunds received, whatever was corrected since.
    if (l.allowed && !l.rejection) assert.ok(l.allowed.amountPoisha <= refundablePoisha(l.facts), `${where}: line ${l.id} allowed above refundable`);
  }
  for (const i of s.instruments) assert.ok(hasClaimMessage(`claims.instrument.${i.input.kind}`), where);
}

function checkOutcome(out: ClaimOutcome, w: World, action: ClaimAction, calendar: WorkingCalendar): void {
  const s = out.snapshot;
  const where = `${out.from} --${action}--> ${out.to}`;
  if (!isOpenClaim(s.state)) {
    assert.equal(s.dueAt, null, where);
    assert.equal(out.clock, null, where);
    return;
  }
  assert.ok(s.dueAt instanceof Date, `${where}: no deadline`);
  assert.notEqual(out.clock, null, `${where}: no clock`);
  if (out.clock !== 'keep' && out.clock !== null) {
    assert.equal(out.clock.dueAt.getTime(), s.dueAt.getTime(), where);
    assert.equal(out.clock.onExpiry, ON_CLAIM_DEADLINE[s.state], where);
    assert.ok(s.dueAt.getTime() >= w.now.getTime(), `${where}: a new deadline in the past`);
    if (out.from === out.to) assert.ok(s.dueAt.getTime() > w.now.getTime(), `${where}: self-loop deadline does not move on`);
    assert.equal(dueAtFor(out.clock.rule, calendar).getTime(), s.dueAt.getTime(), `${where}: due rule`);
    for (const r of out.clock.reminders) {
      assert.ok(r.at.getTime() > w.now.getTime() && r.at.getTime() < s.dueAt.getTime(), `${where}: reminder outside the clock`);
      assert.equal(reminderAtFor(r.rule, s.dueAt, calendar).getTime(), r.at.getTime(), where);
    }
  }
  // Whatever happens, the deadline moves the claim on: its expiry is a legal system step.
  const expiry = ON_CLAIM_DEADLINE[s.state]!;
  const fired = transitionClaim(s, parseClaimCommand(expiry, {}), {
    now: new Date(Math.max(s.dueAt.getTime(), w.now.getTime())),
    role: 'system',
    settings: DEFAULT_CLAIMS_SETTINGS,
    calendar,
    programme: factsOf(w.programme),
  });
  assert.ok(fired.ok, `${where}: ${expiry} fails at the deadline: ${JSON.stringify(!fired.ok && fired.error)}`);
  // Money received never exceeds what was allowed.
  if (action === 'record_received') assert.ok(s.receivedPoisha <= claimAllowedPoisha(s), `${where}: received above allowed`);
}

describe('random claim lifecycles (3,000+ runs)', () => {
  it('nobody’s claim ever sits without a state, a reason and a next date; every state and reason is reached', () => {
    const states = new Set<string>();
    const lineStates = new Set<string>();
    const reasons = new Set<string>();
    let steps = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2026, 2, 1), max: Date.UTC(2026, 5, 1) }),
        calendarArb,
        fc.array(stepArb, { minLength: 15, maxLength: 60, size: 'max' }),
        (start, calendar, plan) => {
          const programme = makeProgramme();
          const now = new Date(start);
          const first = startClaim({ now, calendar, settings: DEFAULT_CLAIMS_SETTINGS, programme: factsOf(programme) });
          const lines = [newLine({ id: IDS[0]!, no: 1, source: 'gateway_list', facts: facts(), gatewayMatch: { entryId: ENTRY, amountPoisha: 850_000 } })];
          const w: World = { claim: { ...first.snapshot, lines }, programme, now };
          for (const step of plan) {
            const ctx = (role: ClaimRole) => ({ now: w.now, role, settings: DEFAULT_CLAIMS_SETTINGS, calendar, programme: factsOf(w.programme) });
            let action: ClaimAction | null = null;
            let role: ClaimRole = 'system';
            let payload: unknown = {};
            if (step.kind === 'deadline') {
              const a = ON_CLAIM_DEADLINE[w.claim.state];
              if (!a || !w.claim.dueAt) continue;
              w.now = new Date(Math.max(w.now.getTime(), w.claim.dueAt.getTime() + step.lateMs));
              action = a;
            } else if (step.kind === 'legal') {
              // Withdrawal and rejection end a run at once; take them only now and then.
              const pairs = LEGAL[w.claim.state].filter(([a]) => step.variant % 10 === 0 || (a !== 'withdraw' && a !== 'reject'));
              if (pairs.length === 0) continue;
              [action, role] = pairs[step.pick % pairs.length]!;
              const limit = w.claim.dueAt ? Math.max(0, w.claim.dueAt.getTime() - w.now.getTime()) : step.advanceMs;
              w.now = new Date(w.now.getTime() + Math.min(step.advanceMs, limit));
              payload = claimPayload(action, w.claim, step.variant);
            } else if (step.kind === 'random') {
              action = step.action;
              role = step.role;
              payload = claimPayload(action, w.claim, step.variant);
            } else if (step.kind === 'line') {
              const l = w.claim.lines[step.pick % Math.max(1, w.claim.lines.length)];
              if (!l) continue;
              let cmd;
              try {
                cmd = parseLineCommand(step.action, linePayload(step.action, l, step.variant, w.now));
              } catch {
                continue;
              }
              const holds = holdEffects(w.programme.holds);
              const r = transitionLine(l, cmd, { role: step.role, claimState: w.claim.state, now: w.now, clearanceRequired: holds.requiresClearance });
              if (!r.ok) {
                assert.ok(['invalid_transition', 'role_not_allowed', 'claim_state', 'guard_failed'].includes(r.error.code));
                continue;
              }
              w.claim = { ...w.claim, lines: w.claim.lines.map((x) => (x.id === l.id ? r.outcome.line : x)) };
              lineStates.add(r.outcome.to);
              checkClaim(w, `line ${step.action}`);
              continue;
            } else if (step.kind === 'add_line') {
              if (!['draft', 'deficient'].includes(w.claim.state) || w.claim.lines.length >= IDS.length - 1) continue;
              const id = IDS[w.claim.lines.length]!;
              const refunds = step.variant % 3 === 0 ? [{ amountPoisha: 100_000 + (step.variant % 5) * 300_000, on: '2021-07-01', channel: 'bkash' as const }] : [];
              const f = facts({ merchantOrderId: `EV-${step.variant}`, gatewayTxnId: `TX${step.variant}`, amountPaidPoisha: 50_000 + (step.variant % 20) * 75_000, refunds });
              w.claim = { ...w.claim, lines: [...w.claim.lines, newLine({ id, no: w.claim.lines.length + 1, source: 'claimant', facts: f })] };
              checkClaim(w, 'add_line');
              continue;
            } else if (step.kind === 'instrument') {
              // The claimant lists a cheque while drafting or curing; an officer records its surrender any time.
              const open = w.claim.instruments.find((i) => i.surrender === null);
              if (open && step.variant % 2 === 0) {
                const surrender = { on: '2026-06-10', place: 'DNCRP head office, Dhaka' };
                w.claim = { ...w.claim, instruments: w.claim.instruments.map((i) => (i === open ? { ...i, surrender } : i)) };
              } else if (['draft', 'deficient'].includes(w.claim.state) && w.claim.instruments.length < 3) {
                const input = InstrumentInputSchema.parse({ kind: 'cheque', number: `00${4512 + step.variant}`, bank: 'Dutch-Bangla Bank', facePoisha: 1_200_000, dated: '2021-12-15', bounced: step.variant % 2 === 1 });
                w.claim = { ...w.claim, instruments: [...w.claim.instruments, { id: IDS[w.claim.instruments.length]!, input, surrender: null }] };
              }
              checkClaim(w, 'instrument');
              continue;
            } else {
              w.now = new Date(w.now.getTime() + step.advanceMs);
              const r = programmeStep(w, step.variant);
              if (r?.ok) w.programme = r.outcome.snapshot;
              // A programme change moves no claim, but may change why it waits.
              checkClaim(w, `programme step ${step.variant % 4}`);
              continue;
            }
            let cmd: ClaimCommand;
            try {
              cmd = parseClaimCommand(action, payload);
            } catch {
              continue;
            }
            const r = transitionClaim(w.claim, cmd, ctx(role));
            if (!r.ok) {
              assert.ok(['invalid_transition', 'role_not_allowed', 'guard_failed'].includes(r.error.code));
              continue;
            }
            steps += 1;
            checkOutcome(r.outcome, w, action, calendar);
            w.claim = r.outcome.snapshot;
            for (const lo of r.outcome.lines) lineStates.add(lo.to);
            states.add(w.claim.state);
            checkClaim(w, `${r.outcome.from} --${action}--> ${r.outcome.to}`);
            reasons.add(claimStatus(w.claim, factsOf(w.programme)).reason);
          }
          states.add(w.claim.state);
          reasons.add(claimStatus(w.claim, factsOf(w.programme)).reason);
        },
      ),
      { numRuns: 3000 },
    );
    assert.deepEqual(CLAIM_STATES.filter((s) => !states.has(s)), [], 'unreached claim states');
    assert.deepEqual(LINE_STATES.filter((s) => !lineStates.has(s) && s !== 'unmatched'), [], 'unreached line states');
    assert.deepEqual(CLAIM_REASONS.filter((r) => !reasons.has(r)), [], 'unreached reasons');
    assert.ok(steps > 20_000, `only ${steps} successful claim steps`);
  });
});
