// What the API answers about claims programmes and claims: one Zod schema per answer, beside
// the request schemas (requests.ts, the step payloads), as the i10-server branch does for
// complaints. The server declares them on its routes (they check what it sends; OpenAPI shows
// them); @nalish/client and the web app import the types. Answers are described loosely where a
// request is strict (a stored value is never refused for a limit that changed since).
import { z } from 'zod';
import { DhakaDay, Instant, Uuid, pageOf } from '../wire.ts';
import { CLAIM_ACTIONS, type ClaimAction, LineDecisionSchema } from './claimActions.ts';
import { CLAIM_OWNERS, CLAIM_PHASES, CLAIM_REJECT_CODES, CLAIM_ROLES, CLAIM_STATES, MISSING_ITEMS } from './claimStates.ts';
import { CLAIM_CLOCK_STEPS } from './claimMachine.ts';
import { CONDITION_KINDS } from './conditions.ts';
import { ELIGIBILITY_PROBLEMS } from './eligibility.ts';
import { CLAIM_EVENT_TYPES, PROGRAMME_EVENT_TYPES } from './events.ts';
import { EXPORT_PURPOSES } from './exportRows.ts';
import { INSTRUMENT_KINDS } from './instruments.ts';
import { ALLOW_REASONS, DISPUTE_KINDS, LINE_ACTIONS, LINE_HOLD_KINDS, LINE_REJECT_CODES, LINE_STATES, type LineAction } from './lines.ts';
import { ClaimWindowSchema, EligibilitySchema, HolderSchema, LEGAL_HOLD_KINDS, PROGRAMME_STATES } from './programme.ts';
import { SIGNAL_CODES } from './signals.ts';
import { CLAIM_REASONS } from './status.ts';
import { ClaimFiguresSchema, FourUnitsSchema } from './units.ts';
import { DELIVERY, GATEWAYS, LINE_SOURCES, LIST_KINDS, PAYMENT_CHANNELS } from './vocabulary.ts';

const Poisha = z.number().int().describe('In poisha (1/100 taka)');

// ---------------------------------------------------------------------------------------------
// The programme's public page.

export const MoneyHeldViewSchema = z.object({ holder: HolderSchema, amountPoisha: Poisha, asOf: DhakaDay, source: z.string(), sourceUrl: z.string().nullable() });
export const LegalHoldViewSchema = z.object({
  id: Uuid,
  kind: z.enum(LEGAL_HOLD_KINDS),
  note: z.string(),
  since: DhakaDay,
  source: z.string(),
  sourceUrl: z.string().nullable(),
  lifted: z.object({ on: DhakaDay, source: z.string() }).nullable(),
});

export const ProgrammeViewSchema = z.object({
  id: Uuid,
  version: z.number().int(),
  merchant: z.object({ id: Uuid, name: z.string() }),
  state: z.enum(PROGRAMME_STATES),
  eligibility: EligibilitySchema,
  moneyHeld: z.array(MoneyHeldViewSchema).describe("Each holder's latest report"),
  totalHeldPoisha: Poisha,
  holds: z.array(LegalHoldViewSchema).describe('Every hold, lifted ones too, each dated with its source'),
  window: ClaimWindowSchema.and(z.object({ open: z.boolean().describe('Claims sent now are in time') })),
  notice: z.object({ bn: z.string(), en: z.string() }).nullable(),
  figures: ClaimFiguresSchema.describe('Every measure in four units: claimants, orders, transactions, taka'),
  openedAt: Instant,
  closure: z.object({ code: z.enum(['completed', 'cancelled']), note: z.string() }).nullable(),
});
export type ProgrammeView = z.infer<typeof ProgrammeViewSchema>;
/** The programme's public history: every change of its public facts is an event. */
export const ProgrammeHistorySchema = z.object({
  items: z.array(z.object({ seq: z.number().int(), type: z.enum(PROGRAMME_EVENT_TYPES), fromState: z.enum(PROGRAMME_STATES).nullable(), toState: z.enum(PROGRAMME_STATES), at: Instant, payload: z.record(z.string(), z.unknown()) })),
});
export const ProgrammePageSchema = pageOf(ProgrammeViewSchema.pick({ id: true, merchant: true, state: true, window: true, figures: true }));

// ---------------------------------------------------------------------------------------------
// A claim, as its claimant and the officers see it.

export const StoredLineFactsSchema = z.object({
  merchantOrderId: z.string().optional(),
  orderDate: DhakaDay,
  item: z.string().optional(),
  amountPaidPoisha: Poisha,
  channel: z.enum(PAYMENT_CHANNELS),
  gateway: z.enum(GATEWAYS).optional(),
  gatewayTxnId: z.string().optional(),
  payerAccountLast4: z.string().optional().describe('Only the last 4 digits are ever kept'),
  paidAt: Instant.optional(),
  delivered: z.enum(DELIVERY).optional(),
  refunds: z.array(z.object({ amountPoisha: Poisha, on: DhakaDay, channel: z.enum(PAYMENT_CHANNELS) })),
});

export const ClaimLineViewSchema = z.object({
  id: Uuid,
  no: z.number().int(),
  reference: z.string().describe('<claim number>/<line number>, as in the police and bank files'),
  state: z.enum(LINE_STATES),
  source: z.enum(LINE_SOURCES),
  facts: StoredLineFactsSchema,
  refundablePoisha: Poisha.describe('Paid less the refunds received: the most that can be allowed'),
  matched: z.object({ gateway: z.boolean(), merchant: z.boolean() }),
  gatewayAmountPoisha: Poisha.nullable().optional().describe("Officers: the amount the gateway's list shows"),
  clearance: z.object({ reference: z.string(), decidedOn: DhakaDay }).nullable(),
  dispute: z.object({ kind: z.enum(DISPUTE_KINDS), since: Instant, note: z.string().nullable(), withClaims: z.number().int().describe('How many other claims name this payment') }).nullable(),
  hold: z.object({ kind: z.enum(LINE_HOLD_KINDS), reason: z.string(), since: Instant }).nullable(),
  allowed: z.object({ amountPoisha: Poisha, reasons: z.array(z.enum(ALLOW_REASONS)) }).nullable(),
  rejection: z.object({ code: z.enum(LINE_REJECT_CODES), note: z.string().nullable() }).nullable(),
  eligibility: z.array(z.enum(ELIGIBILITY_PROBLEMS)).describe('Findings against the programme’s eligibility (never a rejection by themselves)'),
  actions: z.array(z.enum(LINE_ACTIONS as [LineAction, ...LineAction[]])).describe('The steps the person asking can take on this line now'),
});
export type ClaimLineView = z.infer<typeof ClaimLineViewSchema>;

export const InstrumentViewSchema = z.object({
  id: Uuid,
  kind: z.enum(INSTRUMENT_KINDS),
  reference: z.string().describe('Cheque number or voucher code'),
  bank: z.string().nullable(),
  facePoisha: Poisha.describe('Recorded, never what is refunded'),
  dated: DhakaDay.nullable(),
  bounced: z.boolean().nullable(),
  surrender: z.object({ on: DhakaDay, place: z.string(), reference: z.string().optional() }).nullable(),
  condition: z.string().describe('The recorded condition in words: "Cheque no. … handed back on …"'),
});

export const ClaimStatusSchema = z.object({
  state: z.enum(CLAIM_STATES),
  phase: z.enum(CLAIM_PHASES),
  owner: z.enum(CLAIM_OWNERS).nullable().describe('Who must act next; null when the claim is finished'),
  reason: z.enum(CLAIM_REASONS),
  rejectCode: z.enum(CLAIM_REJECT_CODES).nullable(),
  nextDate: Instant.nullable().describe('When the owner must act by, or the claim moves on by itself'),
  nextStep: z.enum(CLAIM_CLOCK_STEPS).nullable(),
  text: z.object({ reason: z.string(), next: z.string().nullable() }).describe('The reason and the next date in the reader’s language'),
});
export type ClaimStatusView = z.infer<typeof ClaimStatusSchema>;

export const ClaimTimelineEntrySchema = z.object({
  seq: z.number().int(),
  type: z.enum(CLAIM_EVENT_TYPES),
  actorRole: z.enum(CLAIM_ROLES),
  fromState: z.enum(CLAIM_STATES).nullable(),
  toState: z.enum(CLAIM_STATES),
  at: Instant,
  payload: z.record(z.string(), z.unknown()),
});

export const ClaimViewSchema = z.object({
  number: z.string(),
  version: z.number().int(),
  programmeId: Uuid,
  merchantName: z.string(),
  status: ClaimStatusSchema,
  late: z.boolean(),
  submittedAt: Instant.nullable(),
  claimant: z.object({
    name: z.string(),
    district: z.string(),
    address: z.string(),
    phone: z.string().describe('Masked for anyone but the claimant and officers'),
    locale: z.enum(['bn', 'en']),
  }),
  lines: z.array(ClaimLineViewSchema),
  instruments: z.array(InstrumentViewSchema),
  deficiency: z.object({ items: z.array(z.enum(MISSING_ITEMS)), note: z.string().nullable(), noticeAt: Instant }).nullable(),
  determination: z.object({ allowedPoisha: Poisha, note: z.string(), at: Instant, decisions: z.array(LineDecisionSchema).optional() }).nullable(),
  acceptance: z.enum(['claimant', 'deemed']).nullable().describe('"deemed": the answer period lapsed; never counted as the claimant’s word'),
  contests: z.number().int(),
  claimedPoisha: Poisha,
  allowedPoisha: Poisha,
  receivedPoisha: Poisha.describe('Confirmed received by the claimant'),
  owedPoisha: Poisha.describe('Allowed and not yet received'),
  conditions: z.array(z.object({ kind: z.enum(CONDITION_KINDS), met: z.boolean(), lineId: Uuid.optional(), instrumentId: Uuid.optional() })).describe('What must be true before payment'),
  actions: z.array(z.enum(CLAIM_ACTIONS as [ClaimAction, ...ClaimAction[]])).describe('The steps the person asking can take now'),
  timeline: z.array(ClaimTimelineEntrySchema),
  evidence: z.array(z.object({ id: Uuid, lineId: Uuid.nullable(), filename: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), sha256: z.string(), createdAt: Instant })),
});
export type ClaimView = z.infer<typeof ClaimViewSchema>;

/** A claim in the officers' list. */
export const ClaimSummarySchema = z.object({
  number: z.string(),
  version: z.number().int(),
  state: z.enum(CLAIM_STATES),
  phase: z.enum(CLAIM_PHASES),
  owner: z.enum(CLAIM_OWNERS).nullable(),
  reason: z.enum(CLAIM_REASONS),
  nextDate: Instant.nullable(),
  overdue: z.boolean(),
  late: z.boolean(),
  submittedAt: Instant.nullable(),
  lines: z.number().int(),
  disputedLines: z.number().int(),
  claimedPoisha: Poisha,
  allowedPoisha: Poisha.nullable(),
  signals: z.number().int().describe('Signals naming this claim that no officer has dismissed'),
});
export const ClaimPageSchema = pageOf(ClaimSummarySchema);

/** A line pre-filled from an imported list that matches the signed-in claimant's number. */
export const PrefilledLineSchema = z.object({
  entryId: Uuid,
  list: z.object({ kind: z.enum(LIST_KINDS), gateway: z.enum(GATEWAYS).nullable(), source: z.string() }),
  facts: StoredLineFactsSchema,
  claimedElsewhere: z.boolean().describe('Another claim already names this payment: confirming it opens a dispute an officer decides'),
});
export const PrefilledLinesSchema = z.object({ items: z.array(PrefilledLineSchema) });

// ---------------------------------------------------------------------------------------------
// Officers: lists, files, signals, bulk steps.

export const ListProblemViewSchema = z.object({ line: z.number().int().nullable(), message: z.string().describe('In the reader’s language, naming the line and column') });

export const ListImportResultSchema = z.object({
  listId: Uuid,
  rows: z.number().int(),
  units: FourUnitsSchema,
  matchedLines: z.number().int().describe('Lines of existing claims that this list matched'),
});

export const ExportResultSchema = z.object({
  exportId: Uuid,
  purpose: z.enum(EXPORT_PURPOSES),
  rows: z.number().int(),
  units: FourUnitsSchema,
  sha256: z.string().describe('Of the exact bytes of the file, recorded in the programme’s history'),
  url: z.string().describe('Where to download the file'),
});

export const ClearanceImportResultSchema = z.object({ rows: z.number().int(), noObjection: z.number().int(), objection: z.number().int(), sha256: z.string() });

export const SignalViewSchema = z.object({
  code: z.enum(SIGNAL_CODES),
  key: z.string(),
  claims: z.array(z.string()).describe('Claim numbers'),
  lines: z.array(z.string()).describe('Line references'),
  numbers: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
  review: z.object({ decision: z.enum(['dismissed', 'watching']), reason: z.string(), at: Instant, officerId: Uuid }).nullable(),
});
export const SignalListSchema = z.object({ items: z.array(SignalViewSchema), note: z.string().describe('Signals are for officers to look at, never a rejection by themselves') });

export const BulkResultSchema = z.object({
  results: z.array(
    z.object({
      number: z.string(),
      ok: z.boolean(),
      version: z.number().int().optional().describe('The claim’s new version when the step was taken'),
      error: z.object({ code: z.string(), message: z.string() }).optional().describe('Why this claim was left as it was (the others are not affected)'),
    }),
  ),
});
