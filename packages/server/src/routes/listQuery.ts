// The query string shared by the merchant inbox and the regulator queue.
import { STATES } from '@nalish/domain';
import { z } from 'zod';

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20));

export const ListQuery = z.object({
  state: csv(z.enum(STATES)).optional().describe('Comma-separated states'),
  dueBefore: z.iso.datetime({ offset: true }).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  filedAfter: z.iso.datetime({ offset: true }).optional(),
  filedBefore: z.iso.datetime({ offset: true }).optional(),
  category: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});
export type ListQueryInput = z.infer<typeof ListQuery>;

export function toFilter(q: ListQueryInput) {
  return {
    states: q.state,
    dueBefore: q.dueBefore ? new Date(q.dueBefore) : undefined,
    overdue: q.overdue,
    filedAfter: q.filedAfter ? new Date(q.filedAfter) : undefined,
    filedBefore: q.filedBefore ? new Date(q.filedBefore) : undefined,
    category: q.category,
    limit: q.limit,
    cursor: q.cursor,
  };
}
