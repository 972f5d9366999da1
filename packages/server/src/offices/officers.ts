// The officers of an office (for assigning a case), by name.
import type { OfficerList } from '@nalish/domain/responses';
import type { Queryable } from '../db/db.ts';

export async function officersOf(db: Queryable, officeId: string): Promise<OfficerList['items']> {
  return db.query<{ id: string; name: string; email: string }>('SELECT id, name, email FROM officers WHERE office_id = $1 AND active ORDER BY name', [officeId]);
}
