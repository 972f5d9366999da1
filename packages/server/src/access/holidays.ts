// Who may change the holiday calendar from the console: the regulator's head-office staff,
// i.e. an officer of the national office (offices.level = 'national'). Officers have no role of
// their own in the domain; the head office is where the Directorate administers the service for
// the whole country, and a holiday changes every office's deadlines, so a district or division
// officer may not. Everyone else (consumers, merchants) is refused too. Administrators with
// shell access use the command line (`nalish holidays import`).
import type { Queryable } from '../db/db.ts';
import type { Actor } from './actor.ts';

export function mayManageHolidays(actor: Actor, officeLevel: string | null): boolean {
  return actor.role === 'officer' && officeLevel === 'national';
}

/** The level of the actor's office, for mayManageHolidays. */
export async function officeLevelOf(q: Queryable, actor: Actor): Promise<string | null> {
  if (actor.role !== 'officer') return null;
  const [row] = await q.query<{ level: string }>('SELECT level FROM offices WHERE id = $1', [actor.officeId]);
  return row?.level ?? null;
}
