// What a merchant sends to manage its webhook endpoints. The server validates its routes with
// these schemas and the typed client checks requests with them before sending.
import { z } from 'zod';
import { MERCHANT_EVENT_TYPES } from './events.ts';

/** Longest endpoint address accepted. */
export const MAX_WEBHOOK_URL_LENGTH = 2048;
/** Longest overlap during which a rotated-out secret also signs deliveries. */
export const MAX_PREVIOUS_SECRET_HOURS = 72;

// Whether the address is allowed (https, public) is the server's check: it needs DNS.
const Url = z.string().trim().min(1).max(MAX_WEBHOOK_URL_LENGTH).describe('https:// address on the public internet');
const Events = z.array(z.enum(MERCHANT_EVENT_TYPES)).min(1).max(MERCHANT_EVENT_TYPES.length);

export const WebhookCreateSchema = z.object({ url: Url, events: Events });
export const WebhookPatchSchema = z
  .object({ url: Url.optional(), events: Events.optional(), enabled: z.boolean().optional() })
  .refine((p) => p.url !== undefined || p.events !== undefined || p.enabled !== undefined, { message: 'nothing_to_change' });
export const WebhookRotateSchema = z.object({
  /** Hours the old secret goes on signing too (0: it stops at once, e.g. after a leak). */
  keepPreviousHours: z.number().int().min(0).max(MAX_PREVIOUS_SECRET_HOURS).default(0),
});
export type WebhookCreateInput = z.input<typeof WebhookCreateSchema>;
export type WebhookPatchInput = z.input<typeof WebhookPatchSchema>;
