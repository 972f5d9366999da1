// What a merchant's API key may do. One list, used by the server (checks and the database
// constraint's source), the merchant portal (the checkboxes) and the typed client.
import { z } from 'zod';

export const API_KEY_SCOPES = ['complaints:read', 'complaints:respond', 'webhooks:manage'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
export const ApiKeyScopeSchema = z.enum(API_KEY_SCOPES);

export const ApiKeyCreateSchema = z.object({
  label: z.string().trim().min(1).max(100),
  /** At least one; each at most once. */
  scopes: z
    .array(ApiKeyScopeSchema)
    .min(1)
    .max(API_KEY_SCOPES.length)
    .refine((s) => new Set(s).size === s.length, { message: 'scopes_unique' }),
});
export type ApiKeyCreateInput = z.infer<typeof ApiKeyCreateSchema>;

/** The header every write made with an API key carries (optional for portal sessions). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IdempotencyKeySchema = z.string().min(1).max(200);
/**
 * How long a request holds its Idempotency-Key when nothing renews it. A running request renews
 * it (server: http/idempotency.ts), so this is how long a key stays "in progress" (409) after
 * the server that was running it crashed; the client keeps retrying that 409 at least this long.
 */
export const IDEMPOTENCY_LEASE_SECONDS = 10;
