// What the API answers a merchant (its keys, team, webhooks, events and figures) and anyone
// looking a seller up (search, the public profile, the trust badge).
import { z } from 'zod';
import { STATES } from '../lifecycle/states.ts';
import { RuleBreachesSchema } from '../policy/views.ts';
import { FiguresSchema } from '../stats/figures.ts';
import { Instant, Uuid } from '../wire.ts';
import { API_KEY_SCOPES } from './apiKeys.ts';
import { MERCHANT_EVENT_TYPES } from './events.ts';

const MerchantStatus = z.enum(['registered', 'unclaimed', 'suspended']);

/** One event as a webhook delivers it and the events feed lists it. */
export const MerchantEventSchema = z.object({
  id: z.string().describe('evt_<n>: the same id in a webhook delivery and in the feed'),
  type: z.enum(MERCHANT_EVENT_TYPES),
  createdAt: Instant,
  complaint: z
    .object({ trackingCode: z.string(), state: z.enum(STATES), dueAt: Instant.nullable(), orderNumber: z.string() })
    .describe("The complaint as it is now (the consumer's personal data is read through the API)"),
  data: z
    .object({ action: z.string(), fromState: z.string().nullable(), toState: z.string(), reason: z.string().optional(), stars: z.number().int().optional() })
    .describe('The internal step (e.g. reject) and what the merchant may see of it'),
});
export type MerchantEvent = z.infer<typeof MerchantEventSchema>;

export const EventsPageSchema = z.object({
  items: z.array(MerchantEventSchema),
  nextCursor: z.string().describe('Where to continue: pass it as `after` next time (also when items is empty)'),
  hasMore: z.boolean().describe('More events are ready now'),
});
export type EventsPage = z.infer<typeof EventsPageSchema>;

export const ApiKeyViewSchema = z.object({
  id: Uuid,
  prefix: z.string().describe('The first characters, to tell keys apart'),
  label: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  createdAt: Instant,
  revokedAt: Instant.nullable(),
  lastUsedAt: Instant.nullable(),
});
export type ApiKeyView = z.infer<typeof ApiKeyViewSchema>;
export const ApiKeyListSchema = z.object({ items: z.array(ApiKeyViewSchema) });
export type ApiKeyList = z.infer<typeof ApiKeyListSchema>;
export const CreatedApiKeySchema = z.object({
  id: Uuid,
  key: z.string().describe('nlk_…: shown only in this answer; stored as a hash'),
  prefix: z.string(),
  label: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
});
export type CreatedApiKey = z.infer<typeof CreatedApiKeySchema>;

export const TeamMemberSchema = z.object({
  id: Uuid,
  email: z.string(),
  name: z.string(),
  role: z.enum(['owner', 'agent']),
  active: z.boolean(),
  createdAt: Instant,
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;
export const TeamListSchema = z.object({ items: z.array(TeamMemberSchema) });
export type TeamList = z.infer<typeof TeamListSchema>;
export const TeamMemberResultSchema = z.object({
  member: TeamMemberSchema,
  initialPassword: z.string().optional().describe('A generated password, shown only in this answer'),
});
export type TeamMemberResult = z.infer<typeof TeamMemberResultSchema>;

export const WebhookEndpointSchema = z.object({
  id: Uuid,
  url: z.string(),
  events: z.array(z.enum(MERCHANT_EVENT_TYPES)),
  enabled: z.boolean(),
  disabledAt: Instant.nullable(),
  disabledReason: z.enum(['merchant', 'failing']).nullable(),
  secretHint: z.string().describe('The end of the signing secret, to tell secrets apart'),
  previousSecretValidUntil: Instant.nullable(),
  consecutiveFailures: z.number().int(),
  failingSince: Instant.nullable(),
  lastSuccessAt: Instant.nullable(),
  createdAt: Instant,
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;
export const WebhookEndpointListSchema = z.object({
  items: z.array(WebhookEndpointSchema),
  eventTypes: z.array(z.enum(MERCHANT_EVENT_TYPES)).describe('The event types an endpoint may choose'),
});
export type WebhookEndpointList = z.infer<typeof WebhookEndpointListSchema>;
export const WebhookEndpointCreatedSchema = z.object({
  endpoint: WebhookEndpointSchema,
  secret: z.string().describe('For verifying signatures; shown only in this answer'),
});
export type WebhookEndpointCreated = z.infer<typeof WebhookEndpointCreatedSchema>;

/** answered: an HTTP status came back; no_answer: a timeout or refused connection; interrupted:
 *  Nalish stopped (a crash) before it could record the answer; sending: going out now. */
export const WEBHOOK_ATTEMPT_OUTCOMES = ['sending', 'answered', 'no_answer', 'interrupted'] as const;
export type WebhookAttemptOutcome = (typeof WEBHOOK_ATTEMPT_OUTCOMES)[number];

export const WebhookAttemptSchema = z.object({
  attempt: z.number().int(),
  outcome: z.enum(WEBHOOK_ATTEMPT_OUTCOMES),
  at: Instant,
  url: z.string(),
  responseStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  responseBody: z.string().nullable(),
  durationMs: z.number().int(),
});
export type WebhookAttempt = z.infer<typeof WebhookAttemptSchema>;
export const WebhookDeliverySchema = z.object({
  id: z.string(),
  eventId: z.string(),
  type: z.string().describe('The event type, or ping for a test event'),
  status: z.enum(['pending', 'delivered', 'failed']),
  complaintTrackingCode: z.string().nullable(),
  createdAt: Instant,
  deliveredAt: Instant.nullable(),
  nextAttemptAt: Instant.nullable(),
  lastError: z.string().nullable(),
  event: z.unknown().describe('The JSON body, as sent'),
  attempts: z.array(WebhookAttemptSchema),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;
export const WebhookDeliveryPageSchema = z.object({ items: z.array(WebhookDeliverySchema), nextCursor: z.string().nullable() });
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPageSchema>;

/** The merchant's own figures: every figure of stats/figures.ts, and the rules found broken. */
export const MerchantStatsSchema = FiguresSchema.extend({ policyBreaches: z.array(RuleBreachesSchema) });
export type MerchantStats = z.infer<typeof MerchantStatsSchema>;

export const SigningSecretInfoSchema = z.object({ exists: z.boolean(), prefix: z.string().nullable(), createdAt: Instant.nullable() });
export type SigningSecretInfo = z.infer<typeof SigningSecretInfoSchema>;
export const SigningSecretCreatedSchema = z.object({
  secret: z.string().describe('nss_…: shown only in this answer; the old one stops working at once'),
  prefix: z.string(),
  createdAt: Instant,
});
export type SigningSecretCreated = z.infer<typeof SigningSecretCreatedSchema>;

export const MerchantSearchSchema = z.object({
  items: z.array(z.object({ id: Uuid, name: z.string(), status: MerchantStatus, registered: z.boolean() })),
});
export type MerchantSearch = z.infer<typeof MerchantSearchSchema>;

/** A seller's public profile: registration, where it sells, and its record on Nalish. */
export const MerchantProfileSchema = z.object({
  id: Uuid,
  name: z.string(),
  status: MerchantStatus,
  registered: z.boolean(),
  tradeLicence: z.string().nullable(),
  dbid: z.string().nullable(),
  websites: z.array(z.string()),
  facebookPages: z.array(z.string()),
  complaints: FiguresSchema,
  policyBreaches: z.array(RuleBreachesSchema),
  regulatorLate: z
    .object({ cases: z.number().int(), since: z.string().nullable() })
    .optional()
    .describe("Cases against this seller on which the regulator missed its deadline and has not caught up, and since when"),
});
export type MerchantProfile = z.infer<typeof MerchantProfileSchema>;

export const BadgeRecordSchema = z.object({
  months: z.literal(12),
  complaints: z.number().int().describe('Filed in the last 12 months, less those rejected as invalid'),
  answeredOnTimePct: z.number().int().nullable().describe('Answered of the answers that came due; null when none came due'),
  resolvedPct: z.number().int().nullable().describe('Resolved (the consumer confirmed) of the settled complaints; null when none is settled'),
});
export type BadgeRecord = z.infer<typeof BadgeRecordSchema>;
export const BadgeSchema = z.object({
  merchantId: Uuid,
  name: z.string(),
  status: MerchantStatus,
  registered: z.boolean(),
  tradeLicence: z.boolean(),
  dbid: z.boolean(),
  profileUrl: z.string(),
  site: z.object({ host: z.string().nullable(), verified: z.boolean() }).describe("The site showing the badge, and whether it is one of the merchant's websites"),
  record: BadgeRecordSchema.nullable().describe("Only on the merchant's own websites"),
  text: z.object({ brand: z.string(), status: z.string(), papers: z.string(), lines: z.array(z.string()), site: z.string(), profile: z.string() }),
});
export type Badge = z.infer<typeof BadgeSchema>;
