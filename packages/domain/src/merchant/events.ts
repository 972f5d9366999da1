// The public event types a merchant's systems receive (webhooks and the events feed) and the
// shape of one event. Which history event becomes which type is decided in one place on the
// server (packages/server/src/integration/merchantEvents.ts); this is only the vocabulary,
// shared with the typed client.
import type { State } from '../lifecycle/states.ts';

export const MERCHANT_EVENT_TYPES = [
  'complaint.created',
  'complaint.consumer_replied',
  'complaint.deadline_approaching',
  'complaint.deadline_missed',
  'complaint.escalated',
  'complaint.decided',
] as const;
export type MerchantEventType = (typeof MERCHANT_EVENT_TYPES)[number];

export interface MerchantEvent {
  /** evt_<n>: the same id in a webhook delivery and in the feed. */
  id: string;
  type: MerchantEventType;
  createdAt: string;
  /** The complaint as it is now (the consumer's personal data is read through the API). */
  complaint: { trackingCode: string; state: State; dueAt: string | null; orderNumber: string };
  /** The internal step (e.g. 'reject') and what the merchant may see of it. */
  data: { action: string; fromState: string | null; toState: string; reason?: string; stars?: number };
}
