// Keeping the holiday table in step with the shipped data (packages/domain/data/holidays-bd.json)
// at every start, without undoing what an administrator did.
//
// A fresh database gets every shipped entry. An existing one gets what a new release adds or
// corrects, by a three-way comparison per entry: the entry as last applied (its fingerprint in
// holiday_shipped), the row as it is now, and the entry as shipped now.
//   - a new entry is inserted;
//   - a changed entry updates its row only if nobody edited the row since it was applied;
//   - an entry dropped from the data deletes its row only if nobody edited it;
//   - a row an administrator deleted stays deleted, an edited row stays as edited.
// Once a year's list was imported (importCsv.ts, recorded in holiday_imports), the shipped
// data leaves that year alone: a later release never overrides or doubles an imported list.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type ShippedHoliday, holidayFingerprint, parseShippedHolidays } from '@nalish/domain/calendar';
import type { Db, Queryable } from '../db/db.ts';
import { withCalendarChange } from './changes.ts';
import { deleteHoliday, readHolidays, updateHoliday } from './table.ts';

export const SHIPPED_HOLIDAYS_FILE = fileURLToPath(new URL('../../../domain/data/holidays-bd.json', import.meta.url));
const LOCK_ID = 7_200_017;

export async function loadShippedHolidays(file = SHIPPED_HOLIDAYS_FILE): Promise<ShippedHoliday[]> {
  return parseShippedHolidays(JSON.parse(await readFile(file, 'utf8')));
}

export interface SeedReport {
  /** Keys of entries inserted, rows updated or deleted to follow the data. */
  readonly added: string[];
  readonly updated: string[];
  readonly removed: string[];
  /** Keys whose row an administrator edited or deleted, left as they are. */
  readonly kept: string[];
}

export async function syncShippedHolidays(db: Db, shipped: readonly ShippedHoliday[]): Promise<SeedReport> {
  return db.transaction(async (tx) => {
    // Two processes starting together apply the data once.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    // A release that adds a closure moves the open deadlines it touches, like an import.
    return (await withCalendarChange(tx, 'release', () => syncInTransaction(tx, shipped))).result;
  });
}

async function syncInTransaction(tx: Queryable, shipped: readonly ShippedHoliday[]): Promise<SeedReport> {
  const applied = new Map((await tx.query<{ key: string; fingerprint: string }>('SELECT key, fingerprint FROM holiday_shipped')).map((r) => [r.key, r.fingerprint]));
  const rows = new Map((await readHolidays(tx)).filter((r) => r.shippedKey !== null).map((r) => [r.shippedKey!, r]));
  const imported = new Set((await tx.query<{ year: number }>('SELECT DISTINCT year FROM holiday_imports')).map((r) => Number(r.year)));
  const report: SeedReport = { added: [], updated: [], removed: [], kept: [] };
  const fresh: ShippedHoliday[] = [];
  const remember: [string, string][] = [];

  for (const entry of shipped) {
    if (imported.has(entry.year)) continue;
    const now = holidayFingerprint(entry);
    const before = applied.get(entry.key);
    if (before === now) continue;
    remember.push([entry.key, now]);
    if (before === undefined) {
      fresh.push(entry);
      continue;
    }
    const row = rows.get(entry.key);
    if (row && holidayFingerprint(row) === before) {
      await updateHoliday(tx, row.id, entry);
      report.updated.push(entry.key);
    } else {
      report.kept.push(entry.key);
    }
  }

  const current = new Set(shipped.map((e) => e.key));
  for (const [key, before] of applied) {
    if (current.has(key) || imported.has(Number(key.slice(0, 4)))) continue;
    const row = rows.get(key);
    if (row && holidayFingerprint(row) === before) {
      await deleteHoliday(tx, row.id);
      report.removed.push(key);
    } else if (row) {
      // Edited here: it stays, as the administrator's own row.
      await tx.query('UPDATE holidays SET shipped_key = NULL WHERE id = $1', [row.id]);
      report.kept.push(key);
    }
    await tx.query('DELETE FROM holiday_shipped WHERE key = $1', [key]);
  }

  if (fresh.length > 0) {
    // One statement for the lot (a fresh database gets about a hundred entries). A row an
    // administrator already made for the same holiday (same days, kind and name) wins.
    const inserted = await tx.query<{ shipped_key: string }>(
      `INSERT INTO holidays (first_day, last_day, kind, applies_to, name_en, name_bn, lunar, confirmed, source, note, shipped_key)
       SELECT x.first_day, x.last_day, x.kind, x.applies_to, x.name_en, x.name_bn, x.lunar, x.confirmed, x.source, x.note, x.shipped_key
         FROM jsonb_to_recordset($1::jsonb) AS x(first_day date, last_day date, kind text, applies_to text, name_en text, name_bn text,
                                                  lunar boolean, confirmed boolean, source text, note text, shipped_key text)
       ON CONFLICT DO NOTHING
       RETURNING shipped_key`,
      [
        JSON.stringify(
          fresh.map((e) => ({
            first_day: e.from,
            last_day: e.to,
            kind: e.kind,
            applies_to: e.appliesTo,
            name_en: e.nameEn,
            name_bn: e.nameBn,
            lunar: e.lunar,
            confirmed: e.confirmed,
            source: e.source,
            note: e.note,
            shipped_key: e.key,
          })),
        ),
      ],
    );
    const made = new Set(inserted.map((r) => r.shipped_key));
    for (const e of fresh) (made.has(e.key) ? report.added : report.kept).push(e.key);
  }
  if (remember.length > 0) {
    await tx.query(
      `INSERT INTO holiday_shipped (key, fingerprint)
       SELECT x.key, x.fingerprint FROM jsonb_to_recordset($1::jsonb) AS x(key text, fingerprint text)
       ON CONFLICT (key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, applied_at = now()`,
      [JSON.stringify(remember.map(([key, fingerprint]) => ({ key, fingerprint })))],
    );
  }
  return report;
}
