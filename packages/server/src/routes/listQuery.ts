// The query string shared by the merchant inbox and the regulator queue (the schema lives in
// @nalish/domain so the typed client sends exactly what the server accepts).
import { ComplaintListQuery } from '@nalish/domain';
import type { z } from 'zod';

export const ListQuery = ComplaintListQuery;
export type ListQueryInput = z.infer<typeof ListQuery>;

const date = (s: string | undefined) => (s ? new Date(s) : undefined);

export function toFilter(q: ListQueryInput) {
  return {
    states: q.state,
    dueBefore: date(q.dueBefore),
    dueAfter: date(q.dueAfter),
    overdue: q.overdue,
    filedAfter: date(q.filedAfter),
    filedBefore: date(q.filedBefore),
    updatedAfter: date(q.updatedAfter),
    category: q.category,
    limit: q.limit,
    cursor: q.cursor,
  };
}
