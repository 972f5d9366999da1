// Reading one complaint by its tracking code, for someone who may see it (access/complaint.ts):
// a complaint they may not see is not found.
import type { Queryable } from '../db/db.ts';
import type { Actor } from '../access/actor.ts';
import { authorise } from '../access/complaint.ts';
import { COMPLAINT_COLUMNS, type ComplaintRow } from './row.ts';

export async function readComplaint(db: Queryable, actor: Actor, code: string): Promise<ComplaintRow> {
  const [row] = await db.query<ComplaintRow>(`SELECT ${COMPLAINT_COLUMNS} FROM complaints c WHERE c.tracking_code = $1`, [code]);
  return authorise(actor, row ?? null);
}
