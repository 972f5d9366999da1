// A complaint goes to the office whose jurisdiction covers the consumer's district: the
// district office if there is one, else the division's, else the head office.
import { DISTRICTS, type District } from '@nalish/domain';
import type { Queryable } from '../db/db.ts';
import { AppError } from '../errors.ts';

export async function officeFor(tx: Queryable, district: District): Promise<string> {
  const division = DISTRICTS[district].division;
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM offices
     WHERE (level = 'district' AND area = $1) OR (level = 'division' AND area = $2) OR level = 'national'
     ORDER BY CASE level WHEN 'district' THEN 0 WHEN 'division' THEN 1 ELSE 2 END
     LIMIT 1`,
    [district, division],
  );
  if (!rows[0]) throw new AppError('internal', {}, { reason: 'no regulator office is configured' });
  return rows[0].id;
}

/**
 * The office a case goes to when this one misses its deadlines: a district office's division
 * office, else the head office; the head office's cases stay there (its head decides).
 */
export async function officeAbove(tx: Queryable, officeId: string): Promise<string> {
  const [office] = await tx.query<{ level: 'district' | 'division' | 'national'; area: string | null }>('SELECT level, area FROM offices WHERE id = $1', [officeId]);
  if (!office || office.level === 'national') return officeId;
  const division = office.level === 'district' ? DISTRICTS[office.area as District]?.division ?? null : null;
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM offices WHERE (level = 'division' AND area = $1) OR level = 'national'
     ORDER BY CASE level WHEN 'division' THEN 0 ELSE 1 END LIMIT 1`,
    [division],
  );
  return rows[0]?.id ?? officeId;
}
