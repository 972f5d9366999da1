// What the API answers about complaints: a complaint in a list, a complaint in full as the
// person asking may see it, its evidence, the regulator's queue entry. Each schema is the one
// the server declares for its routes (and OpenAPI shows); the typed client and the web app
// import the types.
import { z } from 'zod';
import { ACTIONS, type Action, DECISION_OUTCOMES, HEARING_ATTENDANCE, HEARING_MODES, REFUND_CHANNELS, REMEDIES } from '../lifecycle/actions.ts';
import { PHASES, ROLES, STATES } from '../lifecycle/states.ts';
import { PolicyViewSchema } from '../policy/views.ts';
import { DhakaDay, Instant, Uuid, pageOf } from '../wire.ts';
import { ACTIVE_CONTENT_KINDS, EVIDENCE_TYPES } from './evidence.ts';
import { COMPLAINT_EVENT_TYPES, type ComplaintEventType } from './events.ts';
import { CATEGORIES, PAYMENT_CHANNELS, REMEDY_RECEIVED, WANTED_REMEDIES } from './filing.ts';

const StateEnum = z.enum(STATES);

/** A complaint in a list (the inbox, the queue, the consumer's own). */
export const ComplaintSummarySchema = z.object({
  trackingCode: z.string().describe('e.g. 482-193-5706'),
  version: z.number().int().describe('Send it back as expectedVersion: a step refused with 409 if someone moved first'),
  state: StateEnum,
  phase: z.enum(PHASES).describe('new, with_merchant, with_regulator or closed'),
  owner: z.enum(['system', 'merchant', 'consumer', 'regulator']).nullable().describe('Who must act next; null when finished'),
  dueAt: Instant.nullable(),
  overdue: z.boolean(),
  merchantId: Uuid,
  orderNumber: z.string(),
  amountBdt: z.number().int(),
  orderConfirmed: z.boolean().describe("The merchant's server signed the order (widget order context)"),
  problemCategory: z.enum(CATEGORIES),
  filedAt: Instant,
  updatedAt: Instant,
});
export type ComplaintSummary = z.infer<typeof ComplaintSummarySchema>;
export const ComplaintPageSchema = pageOf(ComplaintSummarySchema);
export type ComplaintPage = z.infer<typeof ComplaintPageSchema>;

/** The regulator's queue adds the merchant's name and the officer assigned. */
export const CaseSummarySchema = ComplaintSummarySchema.extend({ merchantName: z.string().nullable(), assignedOfficerId: Uuid.nullable() });
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export const CasePageSchema = pageOf(CaseSummarySchema);
export type CasePage = z.infer<typeof CasePageSchema>;

export const EvidenceSchema = z.object({
  id: Uuid,
  filename: z.string(),
  mediaType: z.enum(EVIDENCE_TYPES),
  sizeBytes: z.number().int(),
  sha256: z.string().describe('Of the file as uploaded: shows later that it is the one that was filed'),
  original: z
    .object({ sha256: z.string(), sizeBytes: z.number().int() })
    .nullable()
    .describe('The file the consumer chose, when the phone shrank it before sending (its SHA-256 and size); null when the upload is the original'),
  activeContent: z.array(z.enum(ACTIVE_CONTENT_KINDS)).describe('A PDF that can act when opened: what it carries (shown as a warning beside it); empty for every other file'),
  uploadedBy: z.enum(['consumer', 'merchant', 'officer']),
  createdAt: Instant,
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** An upload's answer: the file, and the complaint's version after it (the upload is a step of its history). */
export const EvidenceUploadedSchema = EvidenceSchema.extend({
  complaintVersion: z.number().int().describe('The complaint’s new version: send it as expectedVersion with the next step'),
});
export type EvidenceUploaded = z.infer<typeof EvidenceUploadedSchema>;

export const TimelineEntrySchema = z.object({
  seq: z.number().int(),
  type: z.enum(COMPLAINT_EVENT_TYPES as [ComplaintEventType, ...ComplaintEventType[]]),
  actorRole: z.enum(ROLES),
  fromState: StateEnum.nullable(),
  toState: StateEnum,
  at: Instant,
  payload: z.record(z.string(), z.unknown()).describe('The step’s details (its request body, or what the event records)'),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** The merchant's answer as stored (the request schema's rules applied when it was sent). */
export const StoredResponseSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('offer'),
    remedy: z.enum(REMEDIES),
    amountBdt: z.number().int().optional(),
    byDate: Instant.optional(),
    message: z.string(),
    evidenceIds: z.array(Uuid),
  }),
  z.object({ kind: z.literal('defence'), message: z.string(), evidenceIds: z.array(Uuid) }),
]);
export type StoredResponse = z.infer<typeof StoredResponseSchema>;

export const ChainCheckSchema = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  brokenAtSeq: z.number().int().optional(),
  reason: z.string().optional(),
});
export type ChainCheck = z.infer<typeof ChainCheckSchema>;

/** A complaint with everything the person asking may see (officers also get the history check). */
export const ComplaintViewSchema = ComplaintSummarySchema.extend({
  merchant: z.object({ id: Uuid, name: z.string(), status: z.enum(['registered', 'unclaimed', 'suspended']) }).nullable(),
  consumer: z.object({
    name: z.string(),
    phone: z.string().describe('Masked for anyone but the consumer, the merchant and officers'),
    email: z.string().nullable(),
    district: z.string(),
    locale: z.enum(['bn', 'en']),
  }),
  order: z.object({ number: z.string(), date: DhakaDay, amountBdt: z.number().int(), paymentChannel: z.enum(PAYMENT_CHANNELS) }),
  description: z.string(),
  wantedRemedy: z.enum(WANTED_REMEDIES),
  preChecks: z.object({
    contactedMerchant: z.boolean(),
    contactedOn: DhakaDay.optional(),
    remedyReceived: z.enum(REMEDY_RECEIVED),
    problemDate: DhakaDay,
  }),
  policy: PolicyViewSchema.nullable(),
  regulatorWindow: z.object({ lastDay: DhakaDay, daysLeft: z.number().int(), open: z.boolean() }).describe('The 30 days the law gives to complain to the regulator'),
  response: StoredResponseSchema.nullable(),
  infoRequestedFrom: z.enum(['consumer', 'merchant']).nullable(),
  hearing: z
    .object({
      at: Instant,
      mode: z.enum(HEARING_MODES),
      place: z.string(),
      secondNotice: z.boolean().optional().describe('A party missed the first hearing: this is the second notice'),
      adjournedBecause: z.string().optional(),
      outcome: z.enum(['held', 'cancelled']).optional(),
      attendance: z.enum(HEARING_ATTENDANCE).optional(),
      note: z.string().optional(),
    })
    .nullable(),
  remedyRecord: z
    .object({
      remedy: z.enum(REMEDIES),
      channel: z.enum(REFUND_CHANNELS).optional(),
      reference: z.string().optional(),
      doneAt: Instant.optional(),
      note: z.string().optional(),
      recordedAt: Instant,
    })
    .nullable()
    .describe('The merchant’s record that the remedy was carried out, for the consumer to check'),
  responseLate: z.boolean().describe('The answer came after the merchant’s deadline (counted as not on time)'),
  lateAnswerAccepted: z.boolean().describe('The consumer accepted the late answer: the officer may settle by agreement'),
  regulatorLate: z
    .object({ since: Instant, misses: z.number().int(), raisedAt: Instant.nullable() })
    .nullable()
    .describe('The regulator missed its deadline: since when, how often, and when the case went to the office above'),
  next: z
    .object({
      step: z.string(),
      owner: z.enum(['system', 'merchant', 'consumer', 'regulator']),
      dueAt: Instant,
      lastDay: DhakaDay,
      daysLeft: z.number().int().describe('Whole days left after today: 0 means today is the last day'),
      onSilence: z.enum(ACTIONS as [Action, ...Action[]]).nullable(),
    })
    .nullable()
    .describe('What happens next, who does it and by when'),
  decision: z.object({ outcome: z.enum(DECISION_OUTCOMES), fineBdt: z.number().int(), reasons: z.string(), order: z.string().optional() }).nullable(),
  fineCollectedBdt: z.number().int().nullable(),
  complainantShareBdt: z.number().int().nullable(),
  assignedOfficerId: Uuid.nullable(),
  rating: z.number().int().nullable(),
  officeId: Uuid,
  actions: z.array(z.enum(ACTIONS as [Action, ...Action[]])).describe('The steps the person asking can take now'),
  timeline: z.array(TimelineEntrySchema),
  evidence: z.array(EvidenceSchema),
  historyChain: ChainCheckSchema.optional().describe('Officers: whether the hash chain of the history verifies'),
});
export type ComplaintView = z.infer<typeof ComplaintViewSchema>;
