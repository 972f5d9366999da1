// The lines of a claim, one per payment, as one typed table (like the complaint lifecycle in
// lifecycle/machine.ts): each step names the line states it leaves from, who may take it in
// which states of the claim, its guard, and what it records. Nothing here does I/O.
//
// A line's state is the most decisive of its facts, in this order:
//   disputed (someone else named the payment, or the claimant disputes a pre-filled line)
//   > held (a legal hold or a police objection) > rejected > allowed > cleared (police
//   no-objection recorded) > matched_gateway_list > matched_merchant_list > unmatched.
// `stateOfLine` is that order, written once; every step records a fact and the new state
// follows from it, so a state and its facts can never disagree. A clearance recorded after a
// line was allowed leaves it `allowed` (the clearance shows in the payment checklist).
import { z } from 'zod';
import { DhakaDay, Uuid } from '../wire.ts';
import { refundablePoisha } from './amount.ts';
import type { ClaimState } from './claimStates.ts';
import { type LineFacts, type LineFactsPatch, LineFactsPatchSchema, Poisha, patchLineFacts } from './lineFacts.ts';
import { MAX_LINE_POISHA } from './money.ts';
import { LIST_KINDS, type LineSource } from './vocabulary.ts';

export const LINE_STATES = [
  'unmatched',
  'matched_gateway_list',
  'matched_merchant_list',
  'disputed',
  'cleared',
  'held',
  'allowed',
  'rejected',
] as const;
export type LineState = (typeof LINE_STATES)[number];

/** Who takes steps on lines (an officer imports a police decision as the officer; a matching run is the system). */
export const LINE_ROLES = ['claimant', 'officer', 'system'] as const;
export type LineRole = (typeof LINE_ROLES)[number];

/** Why an officer allowed a line (one or more; each has a label in the catalogues). */
export const ALLOW_REASONS = [
  'matched_gateway_list',
  'matched_merchant_list',
  'evidence_accepted',
  'refunds_deducted',
  'partly_delivered',
  'dispute_resolved',
] as const;
export type AllowReason = (typeof ALLOW_REASONS)[number];

/** Why a line was rejected (a reason code; each has a label). */
export const LINE_REJECT_CODES = [
  'order_date_out_of_range',
  'channel_not_eligible',
  'no_proof_of_payment',
  'refunded_in_full',
  'delivered',
  'belongs_to_another_claim',
  'duplicate_line',
  'not_on_any_list',
  'police_objection',
  'other',
] as const;
export type LineRejectCode = (typeof LINE_REJECT_CODES)[number];

/** Why a line is disputed. */
export const DISPUTE_KINDS = ['second_claimant', 'claimant_correction', 'list_mismatch'] as const;
export type DisputeKind = (typeof DISPUTE_KINDS)[number];

/** Why a line is held. */
export const LINE_HOLD_KINDS = ['police_objection', 'programme_hold', 'officer'] as const;
export type LineHoldKind = (typeof LINE_HOLD_KINDS)[number];

export interface ListMatch {
  readonly entryId: string;
  /** The amount the list says was paid, to compare with the claimant's. */
  readonly amountPoisha: number;
}

export interface LineSnapshot {
  readonly id: string;
  /** The line's number within its claim (1, 2, …): the police and bank export names it. */
  readonly no: number;
  readonly state: LineState;
  readonly source: LineSource;
  readonly facts: LineFacts;
  readonly gatewayMatch: ListMatch | null;
  readonly merchantMatch: ListMatch | null;
  readonly clearance: { readonly reference: string; readonly decidedOn: string } | null;
  readonly dispute: { readonly kind: DisputeKind; readonly withLineIds: readonly string[]; readonly since: string; readonly note: string | null } | null;
  readonly hold: { readonly kind: LineHoldKind; readonly reason: string; readonly holdId: string | null; readonly since: string } | null;
  readonly allowed: { readonly amountPoisha: number; readonly reasons: readonly AllowReason[] } | null;
  readonly rejection: { readonly code: LineRejectCode; readonly note: string | null } | null;
}

type LineFactsOnly = Omit<LineSnapshot, 'state'>;

/** The state a line's facts put it in (the order is explained at the top of this file). */
export function stateOfLine(l: LineFactsOnly): LineState {
  if (l.dispute) return 'disputed';
  if (l.hold) return 'held';
  if (l.rejection) return 'rejected';
  if (l.allowed) return 'allowed';
  if (l.clearance) return 'cleared';
  if (l.gatewayMatch) return 'matched_gateway_list';
  if (l.merchantMatch) return 'matched_merchant_list';
  return 'unmatched';
}

/** A new line, before any step: matched or not by where it came from. */
export function newLine(init: { id: string; no: number; source: LineSource; facts: LineFacts; gatewayMatch?: ListMatch | null; merchantMatch?: ListMatch | null }): LineSnapshot {
  const base: LineFactsOnly = {
    id: init.id,
    no: init.no,
    source: init.source,
    facts: init.facts,
    gatewayMatch: init.gatewayMatch ?? null,
    merchantMatch: init.merchantMatch ?? null,
    clearance: null,
    dispute: null,
    hold: null,
    allowed: null,
    rejection: null,
  };
  return { ...base, state: stateOfLine(base) };
}

const note = z.string().trim().min(3).max(1000);

export const LineActionPayloads = {
  /** An imported list has this payment (by transaction id or order id). */
  match_list: z.object({ list: z.enum(LIST_KINDS), entryId: Uuid, amountPoisha: Poisha.max(MAX_LINE_POISHA) }).strict(),
  /** Someone else named the payment, or the claimant disputes a pre-filled line. */
  dispute: z.object({ kind: z.enum(DISPUTE_KINDS), withLineIds: z.array(Uuid).max(20).default([]), note: note.optional() }).strict(),
  /** The officer decides whose payment it was, correcting facts if needed. */
  resolve_dispute: z
    .object({
      outcome: z.enum(['keep', 'remove']),
      code: z.enum(LINE_REJECT_CODES).optional(),
      note,
      corrected: LineFactsPatchSchema.optional(),
    })
    .strict()
    .refine((p) => p.outcome === 'keep' || p.code !== undefined, { message: 'a removed line names its reason code', path: ['code'] }),
  /** The police check's decision on this line (CID): no objection, or an objection that holds it. */
  record_clearance: z.object({ decision: z.enum(['no_objection', 'objection']), reference: z.string().trim().min(1).max(100), decidedOn: DhakaDay }).strict(),
  hold: z.object({ kind: z.enum(['programme_hold', 'officer']), holdId: z.string().max(100).optional(), reason: note }).strict(),
  release: z.object({ reason: note }).strict(),
  allow: z.object({ amountPoisha: Poisha.min(1).max(MAX_LINE_POISHA), reasons: z.array(z.enum(ALLOW_REASONS)).min(1).max(ALLOW_REASONS.length) }).strict(),
  reject: z.object({ code: z.enum(LINE_REJECT_CODES), note: note.optional() }).strict(),
  /** After a contest: the officer takes the line's decision back to decide it again. */
  reconsider: z.object({ reason: note }).strict(),
  /** The claimant (while drafting or curing) or an officer corrects the facts. */
  correct: z.object({ facts: LineFactsPatchSchema, note: note.optional() }).strict(),
} as const;

export type LineAction = keyof typeof LineActionPayloads;
export const LINE_ACTIONS = Object.keys(LineActionPayloads) as LineAction[];
export type LinePayloadOf<A extends LineAction> = z.infer<(typeof LineActionPayloads)[A]>;
export type LineCommand = { [A in LineAction]: { action: A; payload: LinePayloadOf<A> } }[LineAction];

export function parseLineCommand(action: LineAction, payload: unknown): LineCommand {
  return { action, payload: LineActionPayloads[action].parse(payload) } as LineCommand;
}

export type LineGuard = 'above_refundable' | 'facts_invalid' | 'hold_is_police_objection' | 'clearance_required';

export interface LineContext {
  readonly role: LineRole;
  /** The state of the claim the line belongs to: each step says in which states it may be taken. */
  readonly claimState: ClaimState;
  readonly now: Date;
  /** A programme hold requires police clearance before a line may be allowed (holds.ts). */
  readonly clearanceRequired?: boolean;
}

interface LineTransition<A extends LineAction> {
  readonly from: readonly LineState[];
  /** For each role that may take the step, the claim states in which it may. */
  readonly by: Partial<Record<LineRole, readonly ClaimState[]>>;
  readonly guard?: (l: LineSnapshot, p: LinePayloadOf<A>, ctx: LineContext) => LineGuard | null;
  /** The facts the step records; the new state follows from them (stateOfLine). */
  readonly patch: (l: LineSnapshot, p: LinePayloadOf<A>, ctx: LineContext) => Partial<LineFactsOnly>;
}

/**
 * Whether corrected facts may stand: they pass the rules of a new line, and they leave at least
 * as much to refund as was allowed on the line (an allowed line under a dispute or a hold keeps
 * its decision; a correction below it needs the decision taken back first, with reconsider).
 */
function correctionGuard(l: Pick<LineSnapshot, 'facts' | 'allowed'>, patch: LineFactsPatch): LineGuard | null {
  const corrected = patchLineFacts(l.facts, patch);
  if (!corrected) return 'facts_invalid';
  return l.allowed && l.allowed.amountPoisha > refundablePoisha(corrected) ? 'above_refundable' : null;
}

const OPEN: readonly LineState[] = ['unmatched', 'matched_gateway_list', 'matched_merchant_list', 'cleared'];
const NOT_FINAL: readonly LineState[] = [...OPEN, 'disputed', 'held'];
/** Before a determination is accepted: what officers look at. */
const BEING_CHECKED: readonly ClaimState[] = ['submitted', 'deficient', 'under_review'];
/** Any state in which the claim still has money to come. */
const LIVE: readonly ClaimState[] = [...BEING_CHECKED, 'determined', 'in_payment'];

export const LINE_TRANSITIONS: { readonly [A in LineAction]: LineTransition<A> } = {
  match_list: {
    from: NOT_FINAL,
    by: { system: ['draft', ...BEING_CHECKED], officer: BEING_CHECKED },
    patch: (_l, p) => (p.list === 'gateway' ? { gatewayMatch: { entryId: p.entryId, amountPoisha: p.amountPoisha } } : { merchantMatch: { entryId: p.entryId, amountPoisha: p.amountPoisha } }),
  },
  dispute: {
    // An allowed line is disputed too: a second claimant naming a payment already allowed to
    // someone else must stop that payment until an officer decides.
    from: [...NOT_FINAL, 'allowed'],
    by: { system: ['draft', ...LIVE], claimant: ['draft', 'deficient'], officer: LIVE },
    patch: (l, p, ctx) => ({
      dispute: {
        kind: p.kind,
        withLineIds: [...new Set([...(l.dispute?.withLineIds ?? []), ...p.withLineIds])],
        since: l.dispute?.since ?? ctx.now.toISOString(),
        note: p.note ?? l.dispute?.note ?? null,
      },
    }),
  },
  resolve_dispute: {
    from: ['disputed'],
    by: { officer: LIVE },
    guard: (l, p) => (p.corrected ? correctionGuard(p.outcome === 'keep' ? l : { ...l, allowed: null }, p.corrected) : null),
    patch: (l, p) => ({
      dispute: null,
      ...(p.corrected ? { facts: patchLineFacts(l.facts, p.corrected)! } : {}),
      ...(p.outcome === 'remove' ? { rejection: { code: p.code ?? 'belongs_to_another_claim', note: p.note }, allowed: null } : {}),
    }),
  },
  record_clearance: {
    from: [...OPEN, 'allowed', 'held'],
    by: { officer: LIVE, system: LIVE },
    patch: (l, p, ctx) =>
      p.decision === 'no_objection'
        ? // A no-objection ends a hold that was the police's objection, and no other hold.
          { clearance: { reference: p.reference, decidedOn: p.decidedOn }, ...(l.hold?.kind === 'police_objection' ? { hold: null } : {}) }
        : { clearance: null, hold: { kind: 'police_objection', reason: p.reference, holdId: null, since: l.hold?.since ?? ctx.now.toISOString() } },
  },
  hold: {
    from: [...OPEN, 'allowed'],
    by: { officer: LIVE, system: LIVE },
    patch: (_l, p, ctx) => ({ hold: { kind: p.kind, reason: p.reason, holdId: p.holdId ?? null, since: ctx.now.toISOString() } }),
  },
  release: {
    from: ['held'],
    by: { officer: LIVE, system: LIVE },
    // Only the police lift their own objection (record_clearance with no objection), or an
    // officer who rejects the line; a release would pay a claimant the police objected to.
    guard: (l) => (l.hold?.kind === 'police_objection' ? 'hold_is_police_objection' : null),
    patch: () => ({ hold: null }),
  },
  allow: {
    from: OPEN,
    by: { officer: ['under_review'] },
    guard: (l, p, ctx) => {
      if (p.amountPoisha > refundablePoisha(l.facts)) return 'above_refundable';
      if (ctx.clearanceRequired && !l.clearance) return 'clearance_required';
      return null;
    },
    patch: (_l, p) => ({ allowed: { amountPoisha: p.amountPoisha, reasons: [...new Set(p.reasons)] } }),
  },
  reject: {
    from: [...OPEN, 'held'],
    by: { officer: ['under_review'] },
    patch: (_l, p) => ({ rejection: { code: p.code, note: p.note ?? null }, hold: null }),
  },
  reconsider: {
    from: ['allowed', 'rejected'],
    by: { officer: ['under_review'] },
    patch: () => ({ allowed: null, rejection: null }),
  },
  correct: {
    from: NOT_FINAL,
    by: { claimant: ['draft', 'deficient'], officer: BEING_CHECKED },
    guard: (l, p) => correctionGuard(l, p.facts),
    patch: (l, p) => ({ facts: patchLineFacts(l.facts, p.facts)! }),
  },
};

export type LineTransitionError =
  | { readonly code: 'invalid_transition'; readonly from: LineState; readonly action: LineAction }
  | { readonly code: 'role_not_allowed'; readonly role: LineRole; readonly action: LineAction }
  | { readonly code: 'claim_state'; readonly claimState: ClaimState; readonly action: LineAction }
  | { readonly code: 'guard_failed'; readonly guard: LineGuard; readonly action: LineAction };

export interface LineOutcome {
  readonly lineId: string;
  readonly from: LineState;
  readonly to: LineState;
  readonly line: LineSnapshot;
}

export type LineTransitionResult = { ok: true; outcome: LineOutcome } | { ok: false; error: LineTransitionError };

/** The line steps a role may take in a claim's state and a line's state (guards aside): what a UI offers. */
export function lineActionsFor(lineState: LineState, claimState: ClaimState, role: LineRole): LineAction[] {
  return LINE_ACTIONS.filter((a) => {
    const t = LINE_TRANSITIONS[a];
    return t.from.includes(lineState) && (t.by[role]?.includes(claimState) ?? false);
  });
}

/** Apply one step to a line. Pure: the caller writes the outcome with the claim's event. */
export function transitionLine(l: LineSnapshot, cmd: LineCommand, ctx: LineContext): LineTransitionResult {
  const t = LINE_TRANSITIONS[cmd.action] as unknown as LineTransition<LineAction>;
  const payload = cmd.payload as never;
  const states = t.by[ctx.role];
  if (!states) return { ok: false, error: { code: 'role_not_allowed', role: ctx.role, action: cmd.action } };
  if (!states.includes(ctx.claimState)) return { ok: false, error: { code: 'claim_state', claimState: ctx.claimState, action: cmd.action } };
  if (!t.from.includes(l.state)) return { ok: false, error: { code: 'invalid_transition', from: l.state, action: cmd.action } };
  const failed = t.guard?.(l, payload, ctx) ?? null;
  if (failed) return { ok: false, error: { code: 'guard_failed', guard: failed, action: cmd.action } };
  const { state: _old, ...facts } = l;
  const patched: LineFactsOnly = { ...facts, ...t.patch(l, payload, ctx) };
  const line: LineSnapshot = { ...patched, state: stateOfLine(patched) };
  return { ok: true, outcome: { lineId: l.id, from: l.state, to: line.state, line } };
}

/** The amount allowed on a line that counts towards the claim (a rejected line counts nothing). */
export const allowedOf = (l: LineSnapshot): number => (l.allowed && !l.rejection ? l.allowed.amountPoisha : 0);
