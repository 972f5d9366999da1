// Every step on a claim and the shape of its payload: one Zod schema per step. It validates the
// HTTP body at the edge, types the state machine (claimMachine.ts) and describes the event the
// claim's history stores.
import { z } from 'zod';
import { Uuid } from '../wire.ts';
import { CLAIM_REJECT_CODES, MISSING_ITEMS } from './claimStates.ts';
import { ALLOW_REASONS, LINE_REJECT_CODES } from './lines.ts';
import { Poisha } from './lineFacts.ts';
import { MAX_LINE_POISHA } from './money.ts';
import { MAX_CURE_WORKING_DAYS } from './settings.ts';

/** A claim holds at most this many lines (payments); a claimant with more asks an officer. */
export const MAX_LINES_PER_CLAIM = 50;
/** The version of the declaration the claimant signs (claims.declaration in the catalogues).
 *  A new wording gets a new version, so each claim records the words its claimant agreed to. */
export const DECLARATION_VERSION = 'claims-declaration-1';

const reason = z.string().trim().min(3).max(2000);
/** Whether no two entries have the same key. */
const unique =
  <T>(key: (x: T) => unknown) =>
  (xs: readonly T[]): boolean =>
    new Set(xs.map(key)).size === xs.length;

export const LineDecisionSchema = z.discriminatedUnion('decision', [
  z
    .object({
      lineId: Uuid,
      decision: z.literal('allow'),
      amountPoisha: Poisha.min(1).max(MAX_LINE_POISHA),
      reasons: z.array(z.enum(ALLOW_REASONS)).min(1).max(ALLOW_REASONS.length),
    })
    .strict(),
  z.object({ lineId: Uuid, decision: z.literal('reject'), code: z.enum(LINE_REJECT_CODES), note: reason.optional() }).strict(),
]);
export type LineDecision = z.infer<typeof LineDecisionSchema>;

export const ClaimActionPayloads = {
  /** The claimant signs the declaration (a warning about false claims) and sends the claim. */
  submit: z.object({ declaration: z.literal(true), declarationVersion: z.literal(DECLARATION_VERSION) }).strict(),
  screening_lapsed: z.object({}).strict(),
  start_review: z.object({}).strict(),
  request_cure: z
    .object({
      items: z.array(z.enum(MISSING_ITEMS)).min(1).max(MISSING_ITEMS.length).refine(unique((x: string) => x), { message: 'each item once' }),
      note: z.string().trim().max(1000).optional(),
      /** More time than the default, for a notice that asks for something slow to get. */
      cureWorkingDays: z.number().int().min(1).max(MAX_CURE_WORKING_DAYS).optional(),
    })
    .strict(),
  cure: z.object({ note: z.string().trim().max(2000).optional() }).strict(),
  cure_lapsed: z.object({}).strict(),
  review_overdue: z.object({}).strict(),
  /** The officer's decision on every line still open, with the reasons in words. */
  determine: z
    .object({
      lines: z.array(LineDecisionSchema).max(MAX_LINES_PER_CLAIM).refine(unique((d: LineDecision) => d.lineId), { message: 'each line once' }),
      note: reason,
    })
    .strict(),
  accept_determination: z.object({}).strict(),
  answer_lapsed: z.object({}).strict(),
  contest: z.object({ reason, lineIds: z.array(Uuid).max(MAX_LINES_PER_CLAIM).default([]) }).strict(),
  /** An officer takes a determined claim back into review (a late dispute, a police objection). */
  reopen_review: z.object({ reason }).strict(),
  reject: z.object({ code: z.enum(CLAIM_REJECT_CODES).exclude(['nothing_allowed']), note: reason }).strict(),
  withdraw: z.object({ reason: z.string().trim().max(2000).optional() }).strict(),
  draft_lapsed: z.object({}).strict(),
  reopen: z.object({}).strict(),
  /** Money the claimant confirmed receiving (issue 13's payouts call it; only the claimant's confirmation counts). */
  record_received: z.object({ amountPoisha: Poisha.min(1).max(MAX_LINE_POISHA * MAX_LINES_PER_CLAIM), reference: z.string().trim().min(1).max(100) }).strict(),
  payment_follow_up: z.object({}).strict(),
  /** The payer has paid all it will: what was received ends the claim as partly paid. */
  end_payment: z.object({ reason }).strict(),
} as const;

export type ClaimAction = keyof typeof ClaimActionPayloads;
export const CLAIM_ACTIONS = Object.keys(ClaimActionPayloads) as ClaimAction[];
export type ClaimPayloadOf<A extends ClaimAction> = z.infer<(typeof ClaimActionPayloads)[A]>;
export type ClaimCommand = { [A in ClaimAction]: { action: A; payload: ClaimPayloadOf<A> } }[ClaimAction];

export function parseClaimCommand(action: ClaimAction, payload: unknown): ClaimCommand {
  return { action, payload: ClaimActionPayloads[action].parse(payload) } as ClaimCommand;
}
