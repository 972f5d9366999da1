// What the merchant API answers. Requests are typed by the schemas in @nalish/domain (the
// ones the server validates with); these are the shapes of the answers.
import type { Action, ApiKeyScope, Locale, MerchantEventType, MerchantResponse, Owner, Phase, State } from '@nalish/domain';
import type { MerchantEvent } from '@nalish/domain/responses';

export type { MerchantEvent, MerchantEventType };

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** A complaint in a list. */
export interface ComplaintSummary {
  trackingCode: string;
  /** Send it back as expectedVersion to refuse a step if someone else moved first (409 conflict). */
  version: number;
  state: State;
  phase: Phase;
  owner: Owner | null;
  dueAt: string | null;
  overdue: boolean;
  merchantId: string;
  orderNumber: string;
  amountBdt: number;
  problemCategory: string;
  filedAt: string;
  updatedAt: string;
}

export interface Evidence {
  id: string;
  filename: string;
  mediaType: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
  sizeBytes: number;
  sha256: string;
  uploadedBy: 'consumer' | 'merchant' | 'officer';
  createdAt: string;
}

export interface TimelineEntry {
  seq: number;
  type: string;
  actorRole: 'consumer' | 'merchant' | 'officer' | 'system';
  fromState: State | null;
  toState: State;
  at: string;
  payload: unknown;
}

/** A complaint with everything the merchant may see. */
export interface Complaint extends ComplaintSummary {
  merchant: { id: string; name: string; status: string } | null;
  consumer: { name: string; phone: string; email: string | null; district: string; locale: Locale };
  order: { number: string; date: string; amountBdt: number; paymentChannel: string };
  description: string;
  wantedRemedy: string;
  preChecks: Record<string, unknown>;
  response: MerchantResponse | null;
  infoRequestedFrom: 'consumer' | 'merchant' | null;
  hearing: { at: string; mode: 'online' | 'in_person'; place: string } | null;
  decision: { outcome: 'upheld' | 'dismissed'; fineBdt: number; reasons: string; order?: string } | null;
  rating: number | null;
  /** The steps the merchant can take now. */
  actions: Action[];
  timeline: TimelineEntry[];
  evidence: Evidence[];
}

export interface EventsPage {
  items: MerchantEvent[];
  /** Where to continue (pass as `after`); store it once you have handled the items. */
  nextCursor: string;
  /** More events are ready now. */
  hasMore: boolean;
}

/** The merchant's own figures (the same figures the public profile and the regulator read). */
export type { MerchantStats } from '@nalish/domain/responses';

/** Who the key belongs to (GET /api/v1/session). */
export interface Identity {
  role: 'merchant';
  merchantId: string;
  merchantName: string | null;
}

/** A webhook endpoint as the API lists it (the signing secret is shown only on creation). */
export interface WebhookEndpoint {
  id: string;
  url: string;
  events: MerchantEventType[];
  enabled: boolean;
  createdAt: string;
  [key: string]: unknown;
}

export interface CreatedWebhookEndpoint {
  endpoint: WebhookEndpoint;
  /** For verifying signatures; shown only in this answer. */
  secret: string;
}

export type { ApiKeyScope };
