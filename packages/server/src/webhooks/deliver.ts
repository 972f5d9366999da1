// One webhook delivery attempt, run by the outbox worker (notify/deliver.ts) for a row it has
// leased: sign, POST, log the attempt, then mark the row delivered or schedule the next try.
//
// Retries: after failed attempt n the next waits RETRY_DELAYS_MS[n-1], ±10% jitter (so many
// deliveries that failed together do not all come back at once). The schedule spans 27 h 36 min
// (at least 24 h 50 min with the jitter); after the last attempt the delivery is failed.
//
// Disabling: an endpoint is switched off when a delivery gives up AND the endpoint has not
// answered any delivery with a 2xx for 24 hours (its run of failures began more than 24 h
// ago). One event the merchant's code cannot handle gives up alone and the endpoint stays on;
// an endpoint that is down for a day is switched off and the merchant is e-mailed.
//
// The row is fenced by its attempts count: the lease is extended, and the result written, only
// while the row still has the count this worker leased it with. A worker whose lease ran out
// (it hung, or the process was stopped) cannot overwrite the result of the one that took over.
import { type Locale, formatDateTime, t } from '@nalish/domain';
import type { Db, Queryable } from '../db/db.ts';
import { enqueueOutbox } from '../records/outbox.ts';
import { PING_TYPE } from './enqueue.ts';
import type { WebhookSender } from './http.ts';
import { signatureHeader } from './signature.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
export const RETRY_DELAYS_MS = [1 * MIN, 5 * MIN, 30 * MIN, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR] as const;
/** The first attempt and one after each delay. */
export const WEBHOOK_MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
export const JITTER = 0.1;
/** No 2xx for this long, and a delivery that gave up: the endpoint is switched off. */
export const DISABLE_AFTER_MS = 24 * HOUR;

/** The wait after failed attempt `attempt` (1-based); `random` in [0, 1). */
export function retryDelayMs(attempt: number, random: number = Math.random()): number {
  const base = RETRY_DELAYS_MS[Math.min(Math.max(attempt, 1), RETRY_DELAYS_MS.length) - 1]!;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random));
}

export const USER_AGENT = 'Nalish-Webhooks/1';

export interface LeasedWebhook {
  id: number;
  endpoint_id: string;
  event_id: string;
  template: string;
  body: string;
  attempts: number;
}

interface EndpointRow {
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: Date | null;
}

export interface WebhookContext {
  db: Db;
  sender: WebhookSender;
  now: () => Date;
  leaseMs: number;
  /** For the link in the "endpoint disabled" e-mail. */
  publicUrl: string;
}

export type WebhookOutcome = 'delivered' | 'failed' | 'skipped';

export async function deliverWebhook(ctx: WebhookContext, m: LeasedWebhook): Promise<WebhookOutcome> {
  const { db } = ctx;
  const sentAt = ctx.now();
  const claimed = await db.transaction(async (tx) => {
    // Renew the lease for the length of the POST, and read the endpoint as it is now: a paused,
    // deleted or re-pointed endpoint is honoured even for a row leased a moment ago.
    const [ep] = await tx.query<EndpointRow>(
      `UPDATE outbox o SET locked_until = $3
       FROM webhook_endpoints e
       WHERE o.id = $1 AND o.attempts = $2 AND o.status = 'pending' AND e.id = o.endpoint_id AND e.enabled
       RETURNING e.url, e.secret, e.previous_secret, e.previous_secret_until`,
      [m.id, m.attempts, new Date(sentAt.getTime() + ctx.leaseMs)],
    );
    if (!ep) return null;
    // An earlier attempt still "sending": its worker stopped before it could record the answer.
    await tx.query(`UPDATE webhook_attempts SET outcome = 'interrupted' WHERE outbox_id = $1 AND outcome = 'sending'`, [m.id]);
    // This attempt is in the log before the POST goes out, so a crash cannot make it vanish.
    const [a] = await tx.query<{ id: string | number }>(
      `INSERT INTO webhook_attempts (outbox_id, endpoint_id, event_id, attempt, url, outcome, duration_ms, at)
       VALUES ($1, $2, $3, (SELECT count(*)::int + 1 FROM webhook_attempts WHERE outbox_id = $1), $4, 'sending', 0, $5) RETURNING id`,
      [m.id, m.endpoint_id, m.event_id, ep.url, sentAt],
    );
    return { ep, attemptId: a!.id };
  });
  if (!claimed) return 'skipped';
  const { ep, attemptId } = claimed;

  const secrets = [ep.secret];
  if (ep.previous_secret && ep.previous_secret_until && new Date(ep.previous_secret_until) > sentAt) secrets.push(ep.previous_secret);
  const result = await ctx.sender.post(ep.url, m.body, {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'nalish-event-id': m.event_id,
    'nalish-event-type': m.template,
    'nalish-signature': signatureHeader(secrets, sentAt, m.body),
  });
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const now = ctx.now();

  return db.transaction(async (tx) => {
    // Completed even if another worker has since marked it interrupted: the answer did come.
    await tx.query(
      `UPDATE webhook_attempts SET outcome = $2, response_status = $3, error = $4, response_body = $5, duration_ms = $6 WHERE id = $1`,
      [attemptId, result.status === null ? 'no_answer' : 'answered', result.status, result.status === null ? (result.error ?? 'no answer') : null, result.body || null, result.durationMs],
    );
    if (ok) {
      await tx.query(
        `UPDATE outbox SET status = 'sent', sent_at = $3, locked_until = NULL, last_error = NULL WHERE id = $1 AND attempts = $2`,
        [m.id, m.attempts, now],
      );
      await tx.query(
        `UPDATE webhook_endpoints SET consecutive_failures = 0, failing_since = NULL, last_success_at = $2 WHERE id = $1`,
        [m.endpoint_id, now],
      );
      return 'delivered';
    }
    // A test event is tried once: the merchant is looking at the log for its answer.
    const giveUp = m.template === PING_TYPE || m.attempts >= WEBHOOK_MAX_ATTEMPTS;
    const error = result.status !== null ? `HTTP ${result.status}` : (result.error ?? 'no answer');
    await tx.query(
      `UPDATE outbox SET status = $3, next_attempt_at = $4, locked_until = NULL, last_error = $5 WHERE id = $1 AND attempts = $2`,
      [m.id, m.attempts, giveUp ? 'failed' : 'pending', new Date(now.getTime() + retryDelayMs(m.attempts)), error.slice(0, 500)],
    );
    await tx.query(
      `UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1, failing_since = coalesce(failing_since, $2) WHERE id = $1`,
      [m.endpoint_id, sentAt],
    );
    if (giveUp) await disableIfFailing(tx, m.endpoint_id, now, ctx.publicUrl);
    return 'failed';
  });
}

/** Switch the endpoint off when it has failed for DISABLE_AFTER_MS, and e-mail the merchant. */
async function disableIfFailing(tx: Queryable, endpointId: string, now: Date, publicUrl: string): Promise<void> {
  const [off] = await tx.query<{ url: string; failing_since: Date; contact_email: string | null; locale: Locale }>(
    `UPDATE webhook_endpoints e SET enabled = false, disabled_at = $2, disabled_reason = 'failing'
     FROM merchants m
     WHERE e.id = $1 AND e.enabled AND e.failing_since <= $3 AND m.id = e.merchant_id
     RETURNING e.url, e.failing_since, m.contact_email, m.locale`,
    [endpointId, now, new Date(now.getTime() - DISABLE_AFTER_MS)],
  );
  if (!off?.contact_email) return;
  const params = { url: off.url, since: formatDateTime(off.locale, new Date(off.failing_since)), link: `${publicUrl}/merchant/webhooks/${endpointId}` };
  await enqueueOutbox(
    tx,
    [{ channel: 'email', recipient: off.contact_email, subject: t(off.locale, 'notify.merchant.webhook_disabled.subject', params), body: t(off.locale, 'notify.merchant.webhook_disabled.body', params), template: 'webhook_disabled' }],
    { record: null, now },
  );
}
