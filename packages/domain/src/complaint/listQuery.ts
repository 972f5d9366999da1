// The query string of complaint lists (the merchant inbox, the regulator queue): filters by
// state, deadline and date, and a cursor. Shared by the server and the typed client.
import { z } from 'zod';
import { STATES } from '../lifecycle/states.ts';

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(20));

const instant = z.iso.datetime({ offset: true });

export const ComplaintListQuery = z.object({
  state: csv(z.enum(STATES)).optional().describe('Comma-separated states'),
  dueBefore: instant.optional().describe('Deadline before this instant'),
  dueAfter: instant.optional().describe('Deadline at or after this instant'),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('Only complaints past their deadline'),
  filedAfter: instant.optional(),
  filedBefore: instant.optional(),
  updatedAfter: instant.optional().describe('Changed at or after this instant (any step, new evidence)'),
  category: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
});
/** What a caller sends (strings as in a URL; the state list may be an array). */
export type ComplaintListParams = z.input<typeof ComplaintListQuery>;
