// What a merchant's systems are told about: the few public event types a webhook or the
// events feed carries, mapped from the internal history. One table, used by both the
// webhook outbox and the polling feed, so the two never disagree on what happened.
import { MERCHANT_EVENT_TYPES, type MerchantEventType, type State } from '@nalish/domain';
import type { MerchantEvent } from '@nalish/domain/responses';

// The vocabulary lives in @nalish/domain (shared with the typed client); the mapping is here.
export { MERCHANT_EVENT_TYPES, type MerchantEvent, type MerchantEventType };

/** An event of the history, as the events table holds it. */
export interface HistoryEvent {
  /** events.id: the public id's source (the feed pages by writing transaction and id, see eventFeed.ts). */
  id: string | number;
  type: string;
  actorRole: string;
  fromState: string | null;
  toState: string;
  payload: unknown;
  createdAt: Date | string;
}

// The consumer's answers the merchant has to react to.
const CONSUMER_REPLIES = new Set(['accept', 'reject', 'confirm_fulfilled', 'report_unfulfilled', 'withdraw', 'provide_info', 'rate']);
// Deadlines the merchant let pass (the system acts at the expiry).
const MISSED = new Set(['merchant_silent', 'remedy_overdue']);

/**
 * The public type of a history event, or null when merchants are not told of it.
 * Each history event maps to at most one public event, so a public id is never reused.
 */
export function merchantEventType(e: Pick<HistoryEvent, 'type' | 'actorRole' | 'fromState' | 'toState'>): MerchantEventType | null {
  if (e.type === 'route' && e.toState === 'with_merchant') return 'complaint.created';
  if (e.type === 'deadline_reminder') return 'complaint.deadline_approaching';
  if (MISSED.has(e.type)) return 'complaint.deadline_missed';
  if (e.type === 'decide') return 'complaint.decided';
  if (e.toState === 'escalated' && e.fromState !== 'escalated') return 'complaint.escalated';
  if (e.actorRole === 'consumer' && CONSUMER_REPLIES.has(e.type)) return 'complaint.consumer_replied';
  return null;
}

/** The public id of an event: stable, unique, the same in a webhook and in the feed. */
export function publicEventId(historyEventId: string | number): string {
  return `evt_${historyEventId}`;
}

export interface MerchantEventComplaint {
  tracking_code: string;
  state: State;
  due_at: Date | string | null;
  order_number: string;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/**
 * The body a merchant receives for a history event. The complaint part is the complaint as
 * it is now (the caller passes the current row); the consumer's personal data is not included:
 * the merchant reads it through the API with its key.
 */
export function toMerchantEvent(e: HistoryEvent, c: MerchantEventComplaint): MerchantEvent | null {
  const type = merchantEventType(e);
  if (!type) return null;
  const p = (e.payload ?? {}) as Record<string, unknown>;
  const data: MerchantEvent['data'] = { action: e.type, fromState: e.fromState, toState: e.toState };
  if (typeof p.reason === 'string') data.reason = p.reason;
  if (typeof p.stars === 'number') data.stars = p.stars;
  return {
    id: publicEventId(e.id),
    type,
    createdAt: iso(e.createdAt)!,
    complaint: { trackingCode: c.tracking_code, state: c.state, dueAt: iso(c.due_at), orderNumber: c.order_number },
    data,
  };
}
