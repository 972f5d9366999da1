// Every action on a complaint and the shape of its payload. One Zod schema per action:
// it validates HTTP bodies at the edge, types the state machine and describes the event
// that the history stores (a discriminated union on `action`).
import { z } from 'zod';
import { MAX_EVIDENCE_FILES } from '../complaint/evidence.ts';

export const REMEDIES = ['refund', 'replacement', 'delivery', 'repair', 'other'] as const;
export type Remedy = (typeof REMEDIES)[number];

const reason = z.string().trim().min(3).max(2000);
const isoInstant = z.iso.datetime({ offset: true });
/** Files already attached to the complaint that a step refers to. */
const evidenceIds = z.array(z.uuid()).max(MAX_EVIDENCE_FILES).default([]);

export const OfferSchema = z
  .object({
    kind: z.literal('offer'),
    remedy: z.enum(REMEDIES),
    amountBdt: z.number().int().min(0).max(100_000_000).optional().describe('Whole taka; a refund must name an amount above 0'),
    /** When the merchant promises to carry it out (an instant, ISO 8601). */
    byDate: isoInstant.optional(),
    message: z.string().trim().min(1).max(4000),
    evidenceIds,
  })
  // Here, not only in the portal's form: an API key's offer passes through this schema too, and
  // a refund without an amount is a promise the consumer cannot check.
  .refine((o) => o.remedy !== 'refund' || (o.amountBdt !== undefined && o.amountBdt > 0), {
    message: 'a refund offer names the amount',
    path: ['amountBdt'],
  });

export const DefenceSchema = z.object({
  kind: z.literal('defence'),
  message: z.string().trim().min(10).max(4000),
  evidenceIds,
});

export const ResponseSchema = z.discriminatedUnion('kind', [OfferSchema, DefenceSchema]);
export type MerchantResponse = z.infer<typeof ResponseSchema>;

/** How a refund was sent: the channels a consumer can check a transaction reference in. */
export const REFUND_CHANNELS = ['bkash', 'nagad', 'rocket', 'bank', 'card', 'cash'] as const;

/**
 * The merchant's record that the accepted remedy was carried out (issue 18.1, 11.4). A refund
 * names its channel and the transaction reference, so the consumer can check it before
 * confirming; other remedies may name a courier's or a job's reference.
 */
export const RemedyRecordSchema = z
  .object({
    remedy: z.enum(REMEDIES),
    channel: z.enum(REFUND_CHANNELS).optional(),
    reference: z.string().trim().min(3).max(100).optional().describe('Transaction id, courier tracking number or job number'),
    /** When it was carried out (an instant, ISO 8601); the time of recording when left out. */
    doneAt: isoInstant.optional(),
    note: z.string().trim().max(2000).optional(),
    evidenceIds,
  })
  .refine((r) => r.remedy !== 'refund' || (r.channel !== undefined && r.reference !== undefined), {
    message: 'a refund names the channel and the transaction reference',
    path: ['reference'],
  });

export const HEARING_MODES = ['online', 'in_person'] as const;
/** Who came to a hearing (issue 11.14): a party who did not come gets a second notice. */
export const HEARING_ATTENDANCE = ['both', 'consumer_only', 'merchant_only', 'none'] as const;
export type HearingAttendance = (typeof HEARING_ATTENDANCE)[number];

const hearingNotice = z.object({
  at: isoInstant,
  mode: z.enum(HEARING_MODES),
  /** The address of the office or the link of the online meeting. */
  place: z.string().trim().min(3).max(500),
});
export const DECISION_OUTCOMES = ['upheld', 'dismissed'] as const;

export const ActionPayloads = {
  route: z.object({}),
  respond: ResponseSchema,
  accept: z.object({}),
  deem_accepted: z.object({}),
  reject: z.object({ reason }),
  confirm_fulfilled: z.object({ comment: z.string().trim().max(2000).optional() }),
  report_unfulfilled: z.object({ reason }),
  remedy_overdue: z.object({}),
  merchant_silent: z.object({}),
  rate: z.object({ stars: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).optional() }),
  close_unrated: z.object({}),
  withdraw: z.object({ reason: z.string().trim().max(2000).optional() }),
  reject_invalid: z.object({ reason }),
  assign: z.object({ officerId: z.uuid() }),
  regulator_overdue: z.object({}),
  request_info: z.object({ from: z.enum(['consumer', 'merchant']), question: reason }),
  provide_info: z.object({ answer: reason, evidenceIds }),
  info_timeout: z.object({}),
  schedule_hearing: hearingNotice,
  /** The hearing took place (or was called and someone did not come). A party who did not come
   *  to the first hearing gets a second notice: `next` is then its date. */
  record_hearing: z.object({
    attendance: z.enum(HEARING_ATTENDANCE),
    note: z.string().trim().max(4000).optional(),
    next: hearingNotice.optional(),
  }),
  adjourn_hearing: hearingNotice.extend({ reason }),
  cancel_hearing: z.object({ reason }),
  record_remedy: RemedyRecordSchema,
  close_unconfirmed: z.object({}),
  accept_late_answer: z.object({}),
  settle_by_agreement: z.object({ note: z.string().trim().max(4000).optional() }),
  decide: z
    .object({
      outcome: z.enum(DECISION_OUTCOMES),
      reasons: z.string().trim().min(10).max(8000),
      fineBdt: z.number().int().min(0).max(100_000_000).default(0),
      order: z.string().trim().max(4000).optional(),
    })
    .refine((d) => d.outcome === 'upheld' || d.fineBdt === 0, {
      message: 'fine_dismissed',
      path: ['fineBdt'],
    }),
  record_fine_collected: z.object({ amountBdt: z.number().int().min(1).max(100_000_000) }),
  close: z.object({}),
  close_after_decision: z.object({}),
} as const;

export type Action = keyof typeof ActionPayloads;
export const ACTIONS = Object.keys(ActionPayloads) as Action[];
export type PayloadOf<A extends Action> = z.infer<(typeof ActionPayloads)[A]>;

/** A command: an action with its validated payload. */
export type Command = { [A in Action]: { action: A; payload: PayloadOf<A> } }[Action];

export function parseCommand(action: Action, payload: unknown): Command {
  return { action, payload: ActionPayloads[action].parse(payload) } as Command;
}
