// The `holidays` table (migration 009): reading its rows as the domain's Holiday entries, and
// writing them. Every writer (the seed, the CSV import, the CLI) goes through here.
import type { Holiday, HolidayGroup, HolidayKind } from '@nalish/domain/calendar';
import type { Queryable } from '../db/db.ts';

export interface HolidayRow extends Holiday {
  readonly id: number;
  /** The shipped entry the row came from ('2026/eid-ul-fitr'), or null for rows made here. */
  readonly shippedKey: string | null;
}

interface DbRow {
  id: string | number;
  first_day: string;
  last_day: string;
  kind: HolidayKind;
  applies_to: HolidayGroup | null;
  name_en: string;
  name_bn: string;
  lunar: boolean;
  confirmed: boolean;
  source: string | null;
  note: string | null;
  shipped_key: string | null;
}

// Dates as text: a `date` read through pg or PGlite would become a Date at local midnight.
const COLUMNS = `id, to_char(first_day, 'YYYY-MM-DD') AS first_day, to_char(last_day, 'YYYY-MM-DD') AS last_day,
  kind, applies_to, name_en, name_bn, lunar, confirmed, source, note, shipped_key`;

const fromDb = (r: DbRow): HolidayRow => ({
  id: Number(r.id),
  from: r.first_day,
  to: r.last_day,
  kind: r.kind,
  appliesTo: r.applies_to,
  nameEn: r.name_en,
  nameBn: r.name_bn,
  lunar: r.lunar,
  confirmed: r.confirmed,
  source: r.source,
  note: r.note,
  shippedKey: r.shipped_key,
});

/** Every row, in date order; with `year`, those that touch that year. */
export async function readHolidays(q: Queryable, year?: number): Promise<HolidayRow[]> {
  const rows = await q.query<DbRow>(
    `SELECT ${COLUMNS} FROM holidays
      WHERE $1::int IS NULL OR (extract(year FROM first_day) <= $1::int AND extract(year FROM last_day) >= $1::int)
      ORDER BY first_day, last_day, kind, name_en`,
    [year ?? null],
  );
  return rows.map(fromDb);
}

/** The rows that belong to a year's list: those that start in it. */
export async function readYear(q: Queryable, year: number): Promise<HolidayRow[]> {
  const rows = await q.query<DbRow>(`SELECT ${COLUMNS} FROM holidays WHERE extract(year FROM first_day) = $1::int ORDER BY first_day, last_day, kind, name_en`, [year]);
  return rows.map(fromDb);
}

const values = (h: Holiday) => [h.from, h.to, h.kind, h.appliesTo, h.nameEn, h.nameBn, h.lunar, h.confirmed, h.source, h.note];

export async function insertHoliday(q: Queryable, h: Holiday, shippedKey: string | null = null): Promise<number> {
  const [row] = await q.query<{ id: string | number }>(
    `INSERT INTO holidays (first_day, last_day, kind, applies_to, name_en, name_bn, lunar, confirmed, source, note, shipped_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [...values(h), shippedKey],
  );
  return Number(row!.id);
}

export async function updateHoliday(q: Queryable, id: number, h: Holiday): Promise<void> {
  await q.query(
    `UPDATE holidays SET first_day = $2, last_day = $3, kind = $4, applies_to = $5, name_en = $6, name_bn = $7,
            lunar = $8, confirmed = $9, source = $10, note = $11, updated_at = now()
      WHERE id = $1`,
    [id, ...values(h)],
  );
}

export async function deleteHoliday(q: Queryable, id: number): Promise<void> {
  await q.query('DELETE FROM holidays WHERE id = $1', [id]);
}
