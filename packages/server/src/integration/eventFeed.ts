// The feed of merchant events for merchants who poll instead of receiving webhooks: the
// merchant's history events mapped through merchantEvents.ts, oldest first, from a cursor.
//
// Why the cursor is (feed_tx, id) and not the event id: ids come from a sequence, so with
// two concurrent transactions a lower id can commit after a higher one, and a reader paging
// by id would step over it for ever. The feed orders by the writing transaction's id
// (migration 005) and hands out only events whose transaction is older than every running
// one; whatever commits later has a transaction id at least that high and so always sorts
// after any cursor handed out before. Events are at most a running transaction late — on a
// PostgreSQL server any transaction of the cluster (pg_current_snapshot spans databases), so
// a long report or backup holds the feed back until it ends; nothing is lost.
import type { Queryable } from '../db/db.ts';
import { invalidFields } from '../errors.ts';
import { type MerchantEvent, type MerchantEventComplaint, toMerchantEvent } from './merchantEvents.ts';

export interface FeedPage {
  items: MerchantEvent[];
  /** Where to continue: pass it as `after` next time (also when items is empty). */
  nextCursor: string;
  /** More events are ready now; poll again at once rather than after a pause. */
  hasMore: boolean;
}

interface Position {
  tx: string;
  id: number;
}

const START: Position = { tx: '0', id: 0 };

export function encodeFeedCursor(p: Position): string {
  return Buffer.from(`${p.tx}.${p.id}`).toString('base64url');
}

export function decodeFeedCursor(s: string): Position {
  const m = /^(\d{1,20})\.(\d{1,18})$/.exec(Buffer.from(s, 'base64url').toString('utf8'));
  if (!m) throw invalidFields({ path: 'after', code: 'cursor_invalid' });
  return { tx: m[1]!, id: Number(m[2]) };
}

interface FeedRow extends MerchantEventComplaint {
  id: number;
  feed_tx: string;
  type: string;
  actor_role: string;
  from_state: string | null;
  to_state: string;
  payload: unknown;
  created_at: Date;
}

// Most history events (evidence, internal steps) are not merchant events: read in batches
// and map until the page is full, within a bound per request.
const BATCH = 200;
const MAX_BATCHES = 5;

export async function readFeed(db: Queryable, merchantId: string, after: string | undefined, limit: number): Promise<FeedPage> {
  let pos = after ? decodeFeedCursor(after) : START;
  const items: MerchantEvent[] = [];
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const rows = await db.query<FeedRow>(
      `SELECT e.id, e.feed_tx::text AS feed_tx, e.type, e.actor_role, e.from_state, e.to_state, e.payload, e.created_at,
              c.tracking_code, c.state, c.due_at, c.order_number
         FROM events e JOIN complaints c ON c.id = e.complaint_id
        WHERE c.merchant_id = $1
          AND (e.feed_tx, e.id) > ($2::xid8, $3::bigint)
          AND e.feed_tx < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.feed_tx, e.id
        LIMIT $4`,
      [merchantId, pos.tx, pos.id, BATCH],
    );
    for (const r of rows) {
      pos = { tx: r.feed_tx, id: Number(r.id) };
      const event = toMerchantEvent(
        { id: r.id, type: r.type, actorRole: r.actor_role, fromState: r.from_state, toState: r.to_state, payload: r.payload, createdAt: r.created_at },
        r,
      );
      if (event) items.push(event);
      if (items.length === limit) return { items, nextCursor: encodeFeedCursor(pos), hasMore: true };
    }
    if (rows.length < BATCH) return { items, nextCursor: encodeFeedCursor(pos), hasMore: false };
  }
  return { items, nextCursor: encodeFeedCursor(pos), hasMore: true };
}
