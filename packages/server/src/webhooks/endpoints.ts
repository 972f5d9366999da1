// A merchant's webhook endpoints: create, change, switch off and on, delete, rotate the secret.
// Every query names the merchant, so one merchant never reaches another's endpoint (404).
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { MerchantEventType } from '../integration/merchantEvents.ts';
import { checkWebhookUrl } from './address.ts';
import { enqueuePing } from './enqueue.ts';
import { newSigningSecret, secretHint } from './signature.ts';

/** Endpoints per merchant: enough for production, staging and a spare. */
export const MAX_ENDPOINTS = 10;
/** The longest a rotated-out secret may go on signing. */
export { MAX_PREVIOUS_SECRET_HOURS } from '@nalish/domain';

interface EndpointRow {
  id: string;
  url: string;
  secret: string;
  previous_secret_until: Date | null;
  events: MerchantEventType[];
  enabled: boolean;
  disabled_at: Date | null;
  disabled_reason: 'merchant' | 'failing' | null;
  consecutive_failures: number;
  failing_since: Date | null;
  last_success_at: Date | null;
  created_at: Date;
}

const COLUMNS = `id, url, secret, previous_secret_until, events, enabled, disabled_at, disabled_reason,
  consecutive_failures, failing_since, last_success_at, created_at`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function present(r: EndpointRow, now: Date) {
  return {
    id: r.id,
    url: r.url,
    events: r.events,
    enabled: r.enabled,
    disabledAt: iso(r.disabled_at),
    disabledReason: r.disabled_reason,
    secretHint: secretHint(r.secret),
    previousSecretValidUntil: r.previous_secret_until && new Date(r.previous_secret_until) > now ? iso(r.previous_secret_until) : null,
    consecutiveFailures: r.consecutive_failures,
    failingSince: iso(r.failing_since),
    lastSuccessAt: iso(r.last_success_at),
    createdAt: iso(r.created_at)!,
  };
}
export type EndpointView = ReturnType<typeof present>;

export async function listEndpoints(deps: Deps, merchantId: string): Promise<EndpointView[]> {
  const rows = await deps.db.query<EndpointRow>(
    `SELECT ${COLUMNS} FROM webhook_endpoints WHERE merchant_id = $1 AND deleted_at IS NULL ORDER BY created_at, id`,
    [merchantId],
  );
  const now = deps.now();
  return rows.map((r) => present(r, now));
}

/** The endpoint, locked, or 404 when it is not this merchant's (or was deleted). */
async function lockEndpoint(tx: Queryable, merchantId: string, id: string): Promise<EndpointRow> {
  const [row] = await tx.query<EndpointRow>(
    `SELECT ${COLUMNS} FROM webhook_endpoints WHERE id = $1 AND merchant_id = $2 AND deleted_at IS NULL FOR UPDATE`,
    [id, merchantId],
  );
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getEndpoint(deps: Deps, merchantId: string, id: string): Promise<EndpointView> {
  return present(await lockEndpoint(deps.db, merchantId, id), deps.now());
}

const uniqueEvents = (events: readonly MerchantEventType[]) => [...new Set(events)];

export async function createEndpoint(
  deps: Deps,
  merchantId: string,
  input: { url: string; events: readonly MerchantEventType[] },
): Promise<{ endpoint: EndpointView; secret: string }> {
  const url = checkWebhookUrl(input.url, deps.config.webhooks.allowLoopback);
  const secret = newSigningSecret();
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    // One creation at a time per merchant, so two parallel requests cannot pass the limit.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`webhooks:${merchantId}`]);
    const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM webhook_endpoints WHERE merchant_id = $1 AND deleted_at IS NULL',
      [merchantId],
    );
    if (n >= MAX_ENDPOINTS) throw new AppError('webhook_limit', { max: MAX_ENDPOINTS });
    const [r] = await tx.query<EndpointRow>(
      `INSERT INTO webhook_endpoints (id, merchant_id, url, secret, events, created_at)
       VALUES ($1, $2, $3, $4, $5::text[], $6) RETURNING ${COLUMNS}`,
      [randomUUID(), merchantId, url, secret, uniqueEvents(input.events), now],
    );
    return r!;
  });
  return { endpoint: present(row, now), secret };
}

export interface EndpointChange {
  url?: string | undefined;
  events?: readonly MerchantEventType[] | undefined;
  enabled?: boolean | undefined;
}

export async function updateEndpoint(deps: Deps, merchantId: string, id: string, change: EndpointChange): Promise<EndpointView> {
  const url = change.url === undefined ? undefined : checkWebhookUrl(change.url, deps.config.webhooks.allowLoopback);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await lockEndpoint(tx, merchantId, id);
    const newUrl = url !== undefined && url !== row.url;
    const enable = change.enabled === true && !row.enabled;
    const disable = change.enabled === false && row.enabled;
    const [r] = await tx.query<EndpointRow>(
      `UPDATE webhook_endpoints SET
         url = coalesce($3, url),
         events = coalesce($4::text[], events),
         enabled = CASE WHEN $5 THEN true WHEN $6 THEN false ELSE enabled END,
         disabled_at = CASE WHEN $5 THEN NULL WHEN $6 THEN $7 ELSE disabled_at END,
         disabled_reason = CASE WHEN $5 THEN NULL WHEN $6 THEN 'merchant' ELSE disabled_reason END,
         -- switched on again or pointed elsewhere: the count of failures starts over
         consecutive_failures = CASE WHEN $5 OR $8 THEN 0 ELSE consecutive_failures END,
         failing_since = CASE WHEN $5 OR $8 THEN NULL ELSE failing_since END
       WHERE id = $1 AND merchant_id = $2 RETURNING ${COLUMNS}`,
      [id, merchantId, url ?? null, change.events ? uniqueEvents(change.events) : null, enable, disable, now, newUrl],
    );
    return present(r!, now);
  });
}

/** Switch a disabled endpoint on again; its waiting deliveries go out in order. */
export function enableEndpoint(deps: Deps, merchantId: string, id: string): Promise<EndpointView> {
  return updateEndpoint(deps, merchantId, id, { enabled: true });
}

/**
 * A new secret, shown once. With keepPreviousHours > 0 deliveries are signed with both secrets
 * for that long (two v1= in the header), so the merchant can deploy the new one without a gap;
 * with 0 (after a leak) the old secret stops at once.
 */
export async function rotateSecret(deps: Deps, merchantId: string, id: string, keepPreviousHours: number): Promise<{ endpoint: EndpointView; secret: string }> {
  const secret = newSigningSecret();
  const now = deps.now();
  const until = keepPreviousHours > 0 ? new Date(now.getTime() + keepPreviousHours * 3600_000) : null;
  return deps.db.transaction(async (tx) => {
    await lockEndpoint(tx, merchantId, id);
    const [r] = await tx.query<EndpointRow>(
      `UPDATE webhook_endpoints SET previous_secret = CASE WHEN $4::timestamptz IS NULL THEN NULL ELSE secret END,
         previous_secret_until = $4, secret = $3
       WHERE id = $1 AND merchant_id = $2 RETURNING ${COLUMNS}`,
      [id, merchantId, secret, until],
    );
    return { endpoint: present(r!, now), secret };
  });
}

/**
 * Delete: the endpoint stops receiving at once and its secret is erased; its delivery log is
 * kept (outbox rows reference it). Deliveries still waiting are marked failed.
 */
export async function deleteEndpoint(deps: Deps, merchantId: string, id: string): Promise<void> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const row = await lockEndpoint(tx, merchantId, id);
    await tx.query(
      `UPDATE webhook_endpoints SET deleted_at = $3, enabled = false, disabled_at = coalesce(disabled_at, $3),
         disabled_reason = coalesce(disabled_reason, 'merchant'), secret = NULL, previous_secret = NULL, previous_secret_until = NULL
       WHERE id = $1 AND merchant_id = $2`,
      [row.id, merchantId, now],
    );
    await tx.query(
      `UPDATE outbox SET status = 'failed', last_error = 'endpoint deleted', locked_until = NULL
       WHERE channel = 'webhook' AND endpoint_id = $1 AND status = 'pending'`,
      [row.id],
    );
  });
}

/** A test event (type ping) through the outbox, like any delivery; one attempt. */
export async function pingEndpoint(deps: Deps, merchantId: string, id: string): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const row = await lockEndpoint(tx, merchantId, id);
    if (!row.enabled) throw new AppError('webhook_disabled');
    return enqueuePing(tx, row.id, deps.now());
  });
}
