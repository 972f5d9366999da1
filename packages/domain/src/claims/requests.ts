// What the claimant, the officers and the list holders send, besides the lifecycle steps whose
// payloads are in claimActions.ts, lines.ts and programme.ts. Shared by the server (validation
// and OpenAPI), @nalish/client and the web app.
import { z } from 'zod';
import { DISTRICT_IDS } from '../complaint/places.ts';
import { Uuid } from '../wire.ts';
import { ClaimActionPayloads, type ClaimPayloadOf } from './claimActions.ts';
import { refundablePoisha } from './amount.ts';
import type { ClaimSnapshot } from './claimMachine.ts';
import { InstrumentInputSchema, SurrenderSchema } from './instruments.ts';
import { ClaimantLineFactsSchema, LineFactsPatchSchema, RefundReceivedSchema } from './lineFacts.ts';
import { type AllowReason, LineActionPayloads, type LineAction, type LineSnapshot } from './lines.ts';
import { DELIVERY } from './vocabulary.ts';
import { SIGNAL_CODES } from './signals.ts';

/** A claim number as issued: the digits of a tracking code (identity/trackingCode.ts), 482-193-5706. */
export const ClaimNumberSchema = z.string().regex(/^\d{3}-\d{3}-\d{4}$/, 'a claim number, like 482-193-5706');
const Version = z.number().int().min(1).describe('The version you saw: a step is refused with 409 if someone moved first');

/** Who the claimant is. The verified mobile number comes from the session, never from the body. */
export const ClaimantDetailsSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    district: z.enum(DISTRICT_IDS),
    address: z.string().trim().min(5).max(500),
    email: z.email().max(254).optional(),
    locale: z.enum(['bn', 'en']).default('bn'),
  })
  .strict();
export type ClaimantDetails = z.infer<typeof ClaimantDetailsSchema>;

/** Start a claim (one per verified mobile number per programme), optionally from an open complaint against the merchant. */
export const StartClaimSchema = z
  .object({
    claimant: ClaimantDetailsSchema,
    fromComplaint: z.string().regex(/^\d{3}-\d{3}-\d{4}$/).optional().describe('The tracking code of the claimant’s open complaint: its order becomes the first line'),
  })
  .strict();

/** A line the claimant adds (while drafting, or curing a deficiency). */
export const AddLineSchema = z.object({ expectedVersion: Version, facts: ClaimantLineFactsSchema }).strict();

/** The claimant's answer to a line pre-filled from a list that matches their number. */
export const PrefilledAnswerSchema = z.discriminatedUnion('answer', [
  z
    .object({
      answer: z.literal('confirm'),
      entryId: Uuid,
      expectedVersion: Version,
      /** What the list could not know. */
      item: z.string().trim().min(1).max(300).optional(),
      delivered: z.enum(DELIVERY),
      refunds: z.array(RefundReceivedSchema).max(20).optional(),
    })
    .strict(),
  z
    .object({
      answer: z.literal('dispute'),
      entryId: Uuid,
      expectedVersion: Version,
      /** What the claimant says is right; the list's version stays for the officer to compare. */
      corrections: LineFactsPatchSchema,
      reason: z.string().trim().min(3).max(1000),
    })
    .strict(),
]);
export type PrefilledAnswer = z.infer<typeof PrefilledAnswerSchema>;

export const AddInstrumentSchema = z.object({ expectedVersion: Version, instrument: InstrumentInputSchema }).strict();
export const RecordSurrenderSchema = z.object({ expectedVersion: Version, instrumentId: Uuid, surrender: SurrenderSchema }).strict();

/** A step on one line (POST …/lines/{lineId}/{action}), e.g. an officer resolving a dispute. */
export const lineStepSchema = <A extends LineAction>(action: A) => z.object({ expectedVersion: Version, payload: LineActionPayloads[action] }).strict();

/** The most claims one bulk step takes (each is still its own step, event and version check). */
export const MAX_BULK_CLAIMS = 500;
export const BULK_ACTIONS = ['start_review', 'request_cure', 'reject', 'determine_matched'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const BulkStepSchema = z
  .object({
    claims: z
      .array(z.object({ number: ClaimNumberSchema, expectedVersion: Version }).strict())
      .min(1)
      .max(MAX_BULK_CLAIMS)
      .refine((cs) => new Set(cs.map((c) => c.number)).size === cs.length, { message: 'each claim once' }),
    step: z.discriminatedUnion('action', [
      z.object({ action: z.literal('start_review') }).strict(),
      z.object({ action: z.literal('request_cure'), payload: ClaimActionPayloads.request_cure }).strict(),
      z.object({ action: z.literal('reject'), payload: ClaimActionPayloads.reject }).strict(),
      /** Allow every line matched on the gateway's list at what the list and the refunds allow. */
      z.object({ action: z.literal('determine_matched'), note: z.string().trim().min(3).max(2000) }).strict(),
    ]),
  })
  .strict();
export type BulkStep = z.infer<typeof BulkStepSchema>;

/** Why a claim cannot be determined in bulk from the gateway's list (it is then left for an officer). */
export type NotBulkDeterminable = 'not_under_review' | 'no_lines' | 'line_not_on_gateway_list' | 'line_disputed' | 'line_held';

/**
 * The determination of a claim whose every open line is on the gateway's list: each allowed at
 * the smaller of what the claimant paid and what the gateway holds for it, less the refunds
 * received; a line whose refunds cover it is rejected as refunded in full. The machine still
 * checks it (the clearance a hold may require, the amount never above what may be refunded).
 */
export function determinationForMatched(c: Pick<ClaimSnapshot, 'state' | 'lines'>, note: string): ClaimPayloadOf<'determine'> | NotBulkDeterminable {
  if (c.state !== 'under_review') return 'not_under_review';
  const open = c.lines.filter((l) => l.state !== 'allowed' && l.state !== 'rejected');
  if (c.lines.length === 0) return 'no_lines';
  if (open.some((l) => l.state === 'disputed')) return 'line_disputed';
  if (open.some((l) => l.state === 'held')) return 'line_held';
  if (open.some((l) => !l.gatewayMatch)) return 'line_not_on_gateway_list';
  return {
    note,
    lines: open.map((l: LineSnapshot) => {
      const refunded = l.facts.amountPaidPoisha - refundablePoisha(l.facts);
      const amount = Math.max(0, Math.min(l.facts.amountPaidPoisha, l.gatewayMatch!.amountPoisha) - refunded);
      if (amount === 0) return { lineId: l.id, decision: 'reject' as const, code: 'refunded_in_full' as const };
      const reasons: AllowReason[] = refunded > 0 ? ['matched_gateway_list', 'refunds_deducted'] : ['matched_gateway_list'];
      return { lineId: l.id, decision: 'allow' as const, amountPoisha: amount, reasons };
    }),
  };
}

/** An officer's review of a signal: dismissed (with the reason), or watched. Never a rejection. */
export const SignalReviewSchema = z
  .object({ code: z.enum(SIGNAL_CODES), key: z.string().min(1).max(300), decision: z.enum(['dismissed', 'watching']), reason: z.string().trim().min(3).max(1000) })
  .strict();

/** A step on a claim (POST …/claims/{number}/{action}), naming the version it saw. */
export const claimStepSchema = <A extends keyof typeof ClaimActionPayloads>(action: A) => z.object({ expectedVersion: Version, payload: ClaimActionPayloads[action] }).strict();
