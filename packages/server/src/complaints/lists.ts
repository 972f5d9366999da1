// Lists with keyset (cursor) pagination, ordered by deadline: the merchant's inbox, the
// regulator office's queue and the consumer's own complaints.
import type { State } from '@nalish/domain';
import type { Queryable } from '../db/db.ts';
import { invalidFields } from '../errors.ts';
import { COMPLAINT_COLUMNS, type ComplaintRow } from './row.ts';

export interface ListFilter {
  states?: readonly State[] | undefined;
  dueBefore?: Date | undefined;
  dueAfter?: Date | undefined;
  overdue?: boolean | undefined;
  filedAfter?: Date | undefined;
  filedBefore?: Date | undefined;
  updatedAfter?: Date | undefined;
  merchantId?: string | undefined;
  assignedOfficerId?: string | undefined;
  category?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

// Finished complaints have no deadline; they sort after every open one.
const DUE = `coalesce(c.due_at, 'infinity'::timestamptz)`;

interface Cursor {
  d: string;
  i: string;
}

export function encodeCursor(row: ComplaintRow): string {
  const c: Cursor = { d: row.due_at ? new Date(row.due_at).toISOString() : 'infinity', i: row.id };
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.d !== 'string' || typeof c.i !== 'string' || !/^[0-9a-f-]{36}$/.test(c.i)) throw new Error('bad');
    if (c.d !== 'infinity' && Number.isNaN(Date.parse(c.d))) throw new Error('bad');
    return c;
  } catch {
    throw invalidFields({ path: 'cursor', code: 'cursor_invalid' });
  }
}

export async function listComplaints(
  db: Queryable,
  scope: { column: 'merchant_id' | 'office_id' | 'consumer_phone'; value: string },
  f: ListFilter,
  now: Date,
): Promise<{ items: ComplaintRow[]; nextCursor: string | null }> {
  const where = [`c.${scope.column} = $1`];
  const params: unknown[] = [scope.value];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.states?.length) add('c.state = ANY(?::text[])', f.states);
  if (f.dueBefore) add('c.due_at < ?', f.dueBefore);
  if (f.dueAfter) add('c.due_at >= ?', f.dueAfter);
  if (f.overdue) add('c.due_at < ?', now);
  if (f.filedAfter) add('c.filed_at >= ?', f.filedAfter);
  if (f.filedBefore) add('c.filed_at < ?', f.filedBefore);
  if (f.updatedAfter) add('c.updated_at >= ?', f.updatedAfter);
  if (f.merchantId) add('c.merchant_id = ?', f.merchantId);
  if (f.assignedOfficerId) add('c.assigned_officer_id = ?', f.assignedOfficerId);
  if (f.category) add('c.category = ?', f.category);
  if (f.cursor) {
    const c = decodeCursor(f.cursor);
    params.push(c.d, c.i);
    where.push(`(${DUE}, c.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(f.limit + 1);
  const rows = await db.query<ComplaintRow>(
    `SELECT ${COMPLAINT_COLUMNS} FROM complaints c WHERE ${where.join(' AND ')}
     ORDER BY ${DUE}, c.id LIMIT $${params.length}`,
    params,
  );
  const items = rows.slice(0, f.limit);
  return { items, nextCursor: rows.length > f.limit ? encodeCursor(items[items.length - 1]!) : null };
}
