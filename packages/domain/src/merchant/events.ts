// The public event types a merchant's systems receive (webhooks and the events feed). Which
// history event becomes which type is decided in one place on the server
// (packages/server/src/integration/merchantEvents.ts); the shape of one event is
// MerchantEventSchema (merchant/views.ts). This is only the vocabulary, shared with the client.
export const MERCHANT_EVENT_TYPES = [
  'complaint.created',
  'complaint.consumer_replied',
  'complaint.deadline_approaching',
  'complaint.deadline_missed',
  'complaint.escalated',
  'complaint.decided',
] as const;
export type MerchantEventType = (typeof MERCHANT_EVENT_TYPES)[number];
