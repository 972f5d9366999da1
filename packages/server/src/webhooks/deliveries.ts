// The delivery log a merchant sees (each delivery with its HTTP attempts), and redelivery.
import type { WebhookAttemptOutcome } from '@nalish/domain/responses';
import type { Deps } from '../deps.ts';
import { AppError, invalidFields } from '../errors.ts';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';
const STATUS: Record<string, DeliveryStatus> = { pending: 'pending', sent: 'delivered', failed: 'failed' };
const OUTBOX_STATUS: Record<DeliveryStatus, string> = { pending: 'pending', delivered: 'sent', failed: 'failed' };

interface DeliveryRow {
  id: number;
  event_id: string;
  template: string;
  body: string;
  status: string;
  next_attempt_at: Date;
  sent_at: Date | null;
  last_error: string | null;
  created_at: Date;
  tracking_code: string | null;
}

export type AttemptOutcome = WebhookAttemptOutcome;

interface AttemptRow {
  outbox_id: number;
  attempt: number;
  outcome: AttemptOutcome;
  url: string;
  response_status: number | null;
  error: string | null;
  response_body: string | null;
  duration_ms: number;
  at: Date;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function present(r: DeliveryRow, attempts: AttemptRow[]) {
  const status = STATUS[r.status] ?? 'pending';
  return {
    id: String(r.id),
    eventId: r.event_id,
    type: r.template,
    status,
    complaintTrackingCode: r.tracking_code,
    createdAt: iso(r.created_at)!,
    deliveredAt: status === 'delivered' ? iso(r.sent_at) : null,
    nextAttemptAt: status === 'pending' ? iso(r.next_attempt_at) : null,
    lastError: r.last_error,
    /** The JSON body, as sent. */
    event: JSON.parse(r.body) as unknown,
    attempts: attempts.map((a) => ({
      attempt: a.attempt,
      outcome: a.outcome,
      at: iso(a.at)!,
      url: a.url,
      responseStatus: a.response_status,
      error: a.error,
      responseBody: a.response_body,
      durationMs: a.duration_ms,
    })),
  };
}
export type DeliveryView = ReturnType<typeof present>;

/** Cursors are opaque to clients: the last id of the page, newest first. */
const encodeCursor = (id: number) => Buffer.from(`d:${id}`).toString('base64url');
function decodeCursor(c: string | undefined): number | null {
  if (!c) return null;
  const m = /^d:(\d{1,18})$/.exec(Buffer.from(c, 'base64url').toString());
  if (!m) throw invalidFields({ path: 'cursor', code: 'cursor_invalid' });
  return Number(m[1]);
}

async function ownEndpoint(deps: Deps, merchantId: string, endpointId: string): Promise<{ enabled: boolean }> {
  const [e] = await deps.db.query<{ enabled: boolean }>(
    'SELECT enabled FROM webhook_endpoints WHERE id = $1 AND merchant_id = $2 AND deleted_at IS NULL',
    [endpointId, merchantId],
  );
  if (!e) throw new AppError('not_found');
  return e;
}

const DELIVERY_COLUMNS = `o.id, o.event_id, o.template, o.body, o.status, o.next_attempt_at, o.sent_at, o.last_error, o.created_at,
  c.tracking_code`;

async function withAttempts(deps: Deps, rows: DeliveryRow[]): Promise<DeliveryView[]> {
  if (rows.length === 0) return [];
  const attempts = await deps.db.query<AttemptRow>(
    `SELECT outbox_id, attempt, outcome, url, response_status, error, response_body, duration_ms, at
     FROM webhook_attempts WHERE outbox_id = ANY($1::bigint[]) ORDER BY outbox_id, id`,
    [rows.map((r) => r.id)],
  );
  return rows.map((r) => present(r, attempts.filter((a) => Number(a.outbox_id) === Number(r.id))));
}

export async function listDeliveries(
  deps: Deps,
  merchantId: string,
  endpointId: string,
  q: { limit: number; cursor?: string | undefined; status?: DeliveryStatus | undefined; eventId?: string | undefined },
): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
  await ownEndpoint(deps, merchantId, endpointId);
  const before = decodeCursor(q.cursor);
  const rows = await deps.db.query<DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS}
     FROM outbox o LEFT JOIN complaints c ON c.id = o.complaint_id
     WHERE o.channel = 'webhook' AND o.endpoint_id = $1
       AND ($2::bigint IS NULL OR o.id < $2) AND ($3::text IS NULL OR o.status = $3) AND ($4::text IS NULL OR o.event_id = $4)
     ORDER BY o.id DESC LIMIT $5`,
    [endpointId, before, q.status ? OUTBOX_STATUS[q.status] : null, q.eventId ?? null, q.limit + 1],
  );
  const page = rows.slice(0, q.limit);
  return { items: await withAttempts(deps, page), nextCursor: rows.length > q.limit ? encodeCursor(Number(page.at(-1)!.id)) : null };
}

export async function getDelivery(deps: Deps, merchantId: string, endpointId: string, deliveryId: string): Promise<DeliveryView> {
  await ownEndpoint(deps, merchantId, endpointId);
  const [row] = await deps.db.query<DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS} FROM outbox o LEFT JOIN complaints c ON c.id = o.complaint_id
     WHERE o.id = $1 AND o.channel = 'webhook' AND o.endpoint_id = $2`,
    [deliveryId, endpointId],
  );
  if (!row) throw new AppError('not_found');
  return (await withAttempts(deps, [row]))[0]!;
}

/**
 * Send a delivery again: the same event id and body (the receiver recognises it by its id).
 * A delivered or failed one starts a new round of retries; a waiting one is tried now.
 */
export async function redeliver(deps: Deps, merchantId: string, endpointId: string, deliveryId: string): Promise<DeliveryView> {
  const endpoint = await ownEndpoint(deps, merchantId, endpointId);
  if (!endpoint.enabled) throw new AppError('webhook_disabled');
  const rows = await deps.db.query(
    `UPDATE outbox SET
       attempts = CASE WHEN status = 'pending' THEN attempts ELSE 0 END,
       status = 'pending', next_attempt_at = $3, last_error = CASE WHEN status = 'pending' THEN last_error ELSE NULL END
     WHERE id = $1 AND channel = 'webhook' AND endpoint_id = $2 RETURNING id`,
    [deliveryId, endpointId, deps.now()],
  );
  if (rows.length === 0) throw new AppError('not_found');
  return getDelivery(deps, merchantId, endpointId, deliveryId);
}
