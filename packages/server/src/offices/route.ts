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
