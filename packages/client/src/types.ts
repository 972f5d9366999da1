// What the merchant API answers: the domain's response schemas (@nalish/domain/responses), the
// same ones the server declares on its routes and checks what it sends against. Only the names
// the client has always used are given here; nothing is restated.
import type { ApiKeyScope, MerchantEventType } from '@nalish/domain';
import type {
  ComplaintSummary,
  ComplaintView,
  EventsPage,
  Evidence,
  EvidenceUploaded,
  Identity as AnyIdentity,
  MerchantEvent,
  MerchantStats,
  TimelineEntry,
  WebhookEndpoint,
  WebhookEndpointCreated,
  WebhookEndpointList,
} from '@nalish/domain/responses';

export type { ApiKeyScope, ComplaintSummary, EventsPage, Evidence, EvidenceUploaded, MerchantEvent, MerchantEventType, MerchantStats, TimelineEntry, WebhookEndpoint, WebhookEndpointList };

/** One page of a list; pass nextCursor as `cursor` for the next (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A complaint with everything the merchant may see, and the steps it can take now (`actions`). */
export type Complaint = ComplaintView;

/** Who the key belongs to (GET /api/v1/session): an API key answers as its merchant. */
export type Identity = Extract<AnyIdentity, { role: 'merchant' }>;

/** A new endpoint with its signing secret, shown only in this answer. */
export type CreatedWebhookEndpoint = WebhookEndpointCreated;
