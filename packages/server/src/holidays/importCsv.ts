// Importing a year's holiday list from CSV: parse and check every line (each error names its
// line, in Bengali or English), compare with the table (added, removed, renamed, changed
// entries and the days that stop or start being working days), then apply in one transaction.
// The admin command line and the regulator console's endpoint call it; applying records the
// change of working days (changes.ts), which the deadline worker follows.
//
// The file, UTF-8, first line the column names:
//   date,kind,name_en,name_bn,lunar,confirmed,applies_to,source,note
//   2026-03-19..2026-03-23,executive_order,Eid-ul-Fitr holiday,ঈদুল ফিতরের ছুটি,yes,yes,,MoPA notification of 9 Nov 2025,
// date is a day or a range (first..last, Bengali digits accepted); kind is general,
// executive_order, optional or working_weekend; lunar (default no) and confirmed (default yes)
// are yes or no; applies_to only for an optional day. Only the first four columns are required.
//
// Parsing uses csv-parse (node-csv): quoted fields with commas, quotes and line breaks, a BOM
// from spreadsheet exports, and the line number of every record for the error messages.
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { type DhakaDate, type Locale, type Params, type WorkingCalendar, isWorkingDay, toBengaliDigits, toWesternDigits } from '@nalish/domain';
import {
  type CalendarMessageKey,
  type Holiday,
  type HolidayGroup,
  type HolidayKind,
  HOLIDAY_GROUPS,
  HOLIDAY_KINDS,
  HOLIDAY_LIMITS,
  calendarFromHolidays,
  calendarText,
  daysInRange,
  holidayFingerprint,
  holidayProblems,
} from '@nalish/domain/calendar';
import type { Db, Queryable } from '../db/db.ts';
import { type CalendarChangeSource, withCalendarChange } from './changes.ts';
import { type HolidayRow, deleteHoliday, insertHoliday, readHolidays, readYear, updateHoliday } from './table.ts';

export const CSV_COLUMNS = ['date', 'kind', 'name_en', 'name_bn', 'lunar', 'confirmed', 'applies_to', 'source', 'note'] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['date', 'kind', 'name_en', 'name_bn'];
/** A year's list has a few dozen lines; this keeps a wrong file from flooding the table. */
export const MAX_IMPORT_LINES = 500;
/** The same lock as the seed (seed.ts), so an import and a start never interleave. */
const LOCK_ID = 7_200_017;

/** One error, as a catalogue key: shown in the reader's language by `importErrorText`. */
export interface ImportError {
  /** The line of the file (1 = the header), or null for the file as a whole. */
  readonly line: number | null;
  readonly key: CalendarMessageKey;
  readonly params: Params;
}

/** Parameters that are years, passed as text (a number would be written 2,026). */
const YEAR_PARAMS = new Set(['year', 'found', 'years']);

export function importErrorText(locale: Locale, e: ImportError): string {
  const params = Object.fromEntries(
    Object.entries(e.params).map(([k, v]) => [k, locale === 'bn' && YEAR_PARAMS.has(k) && typeof v === 'string' ? toBengaliDigits(v) : v]),
  );
  const text = calendarText(locale, e.key, params);
  return e.line === null ? text : calendarText(locale, 'holidays.import.line', { line: e.line, problem: text });
}

export interface ParsedLine {
  readonly line: number;
  readonly holiday: Holiday;
}

export type ParseResult = { ok: true; year: number; lines: ParsedLine[] } | { ok: false; errors: ImportError[] };

const err = (line: number | null, key: CalendarMessageKey, params: Params = {}): ImportError => ({ line, key, params });

function yesNo(value: string, column: Column, fallback: boolean, line: number, errors: ImportError[]): boolean {
  const v = value.toLowerCase();
  if (v === '') return fallback;
  if (['yes', 'y', 'true', '1', 'হ্যাঁ'].includes(v)) return true;
  if (['no', 'n', 'false', '0', 'না'].includes(v)) return false;
  errors.push(err(line, 'holidays.import.yes_no', { column, value }));
  return fallback;
}

/** Parse and check a year's list. `year` given: every line must start in it; else one year is inferred. */
export function parseHolidayCsv(text: string, opts: { year?: number } = {}): ParseResult {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with its line number (the types do not follow the option).
    records = parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (e) {
    const line = typeof (e as { lines?: unknown }).lines === 'number' ? (e as { lines: number }).lines : null;
    return { ok: false, errors: [err(line, 'holidays.import.unreadable')] };
  }
  const [head, ...body] = records;
  if (!head) return { ok: false, errors: [err(null, 'holidays.import.empty')] };
  const header = head.record.map((c) => c.toLowerCase());
  const unknown = header.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const errors: ImportError[] = [];
  for (const c of unknown) errors.push(err(1, 'holidays.import.column_unknown', { column: c, columns: CSV_COLUMNS.join(', ') }));
  if (missing.length > 0) errors.push(err(1, 'holidays.import.header_missing', { columns: missing.join(', ') }));
  if (errors.length > 0) return { ok: false, errors };
  if (body.length === 0) return { ok: false, errors: [err(null, 'holidays.import.empty')] };
  if (body.length > MAX_IMPORT_LINES) return { ok: false, errors: [err(null, 'holidays.import.too_many', { max: MAX_IMPORT_LINES })] };

  const lines: ParsedLine[] = [];
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== header.length) {
      errors.push(err(line, 'holidays.import.unreadable'));
      continue;
    }
    const cell = (c: Column) => record[header.indexOf(c)] ?? '';
    const lineErrors: ImportError[] = [];
    const date = toWesternDigits(cell('date'));
    const range = /^(\d{4}-\d{2}-\d{2})(?:\s*\.\.\s*(\d{4}-\d{2}-\d{2}))?$/.exec(date);
    if (!range) lineErrors.push(err(line, 'holidays.import.date_format', { value: cell('date') }));
    const kind = cell('kind').toLowerCase();
    if (!(HOLIDAY_KINDS as readonly string[]).includes(kind)) lineErrors.push(err(line, 'holidays.import.kind_invalid', { kinds: HOLIDAY_KINDS.join(', '), value: cell('kind') }));
    const group = cell('applies_to').toLowerCase();
    if (group !== '' && !(HOLIDAY_GROUPS as readonly string[]).includes(group)) {
      lineErrors.push(err(line, 'holidays.import.group_invalid', { groups: HOLIDAY_GROUPS.join(', '), value: cell('applies_to') }));
    }
    const lunar = yesNo(cell('lunar'), 'lunar', false, line, lineErrors);
    const confirmed = yesNo(cell('confirmed'), 'confirmed', true, line, lineErrors);
    if (lineErrors.length > 0 || !range) {
      errors.push(...lineErrors);
      continue;
    }
    const holiday: Holiday = {
      from: range[1]!,
      to: range[2] ?? range[1]!,
      kind: kind as HolidayKind,
      appliesTo: group === '' ? null : (group as HolidayGroup),
      nameEn: cell('name_en'),
      nameBn: cell('name_bn'),
      lunar,
      confirmed,
      source: cell('source') || null,
      note: cell('note') || null,
    };
    const problems = holidayProblems(holiday);
    for (const p of problems) {
      const max = p === 'range_too_long' ? HOLIDAY_LIMITS.maxSpanDays : p === 'name_too_long' ? HOLIDAY_LIMITS.maxNameLength : HOLIDAY_LIMITS.maxTextLength;
      errors.push(err(line, `holidays.problem.${p}`, { max }));
    }
    if (problems.length === 0) lines.push({ line, holiday });
  }

  const years = [...new Set(lines.map((l) => Number(l.holiday.from.slice(0, 4))))].sort();
  const year = opts.year ?? (years.length === 1 ? years[0]! : null);
  if (year === null && years.length > 1) errors.push(err(null, 'holidays.import.mixed_years', { years: years.join(', ') }));
  if (year !== null) {
    for (const l of lines) {
      const found = Number(l.holiday.from.slice(0, 4));
      if (found !== year) errors.push(err(l.line, 'holidays.import.wrong_year', { found: String(found), year: String(year) }));
    }
  }
  const seen = new Map<string, number>();
  for (const l of lines) {
    const key = identity(l.holiday);
    const other = seen.get(key);
    if (other !== undefined) errors.push(err(l.line, 'holidays.import.duplicate', { other }));
    else seen.set(key, l.line);
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  return { ok: true, year: year!, lines };
}

/** The same holiday: the same days, kind and English name (the table's UNIQUE). */
const identity = (h: Holiday) => JSON.stringify([h.from, h.to, h.kind, h.nameEn]);
const slot = (h: Holiday) => JSON.stringify([h.from, h.to, h.kind]);

export interface ImportPlan {
  readonly year: number;
  readonly added: Holiday[];
  readonly removed: HolidayRow[];
  /** The same days and kind under another name. */
  readonly renamed: { before: HolidayRow; after: Holiday }[];
  /** The same holiday with other details (lunar, confirmed, applies_to, source, note, Bengali name). */
  readonly changed: { before: HolidayRow; after: Holiday }[];
  readonly unchanged: number;
  /** Days that stop being working days, and days that become working days again. */
  readonly nonWorkingDays: { readonly added: DhakaDate[]; readonly removed: DhakaDate[] };
  /** Of the table's year and the file: apply refuses if the table changed since the preview. */
  readonly fingerprint: string;
  /** The working calendar once the list is applied (to count the deadlines it would move). */
  readonly calendarAfter: WorkingCalendar;
}

/** What importing the parsed list would change, against the rows of its year. */
export async function planHolidayImport(q: Queryable, parsed: { year: number; lines: readonly ParsedLine[] }): Promise<ImportPlan> {
  const existing = await readYear(q, parsed.year);
  const incoming = parsed.lines.map((l) => l.holiday);
  const left = new Map(existing.map((r) => [r.id, r]));
  const unmatched: Holiday[] = [];
  const changed: ImportPlan['changed'] = [];
  let unchanged = 0;
  for (const h of incoming) {
    const same = [...left.values()].find((r) => identity(r) === identity(h));
    if (!same) {
      unmatched.push(h);
      continue;
    }
    left.delete(same.id);
    if (holidayFingerprint(same) === holidayFingerprint(h)) unchanged += 1;
    else changed.push({ before: same, after: h });
  }
  const renamed: ImportPlan['renamed'] = [];
  const added: Holiday[] = [];
  for (const h of unmatched) {
    const was = [...left.values()].find((r) => slot(r) === slot(h));
    if (was) {
      left.delete(was.id);
      renamed.push({ before: was, after: h });
    } else {
      added.push(h);
    }
  }
  const removed = [...left.values()];

  // Working days before and after, over every day the change touches (a year's list may
  // reach into the next year, and the other years' rows still count).
  const all = await readHolidays(q);
  const gone = new Set([...removed, ...renamed.map((r) => r.before), ...changed.map((c) => c.before)].map((r) => r.id));
  const before = calendarFromHolidays(all);
  const after = calendarFromHolidays([...all.filter((r) => !gone.has(r.id)), ...added, ...renamed.map((r) => r.after), ...changed.map((c) => c.after)]);
  const touched = new Set<DhakaDate>();
  for (const h of [...added, ...removed, ...renamed.flatMap((r) => [r.before, r.after]), ...changed.flatMap((c) => [c.before, c.after])]) {
    for (const d of daysInRange(h.from, h.to)) touched.add(d);
  }
  const days = [...touched].sort();
  const nonWorkingDays = {
    added: days.filter((d) => isWorkingDay(d, before) && !isWorkingDay(d, after)),
    removed: days.filter((d) => !isWorkingDay(d, before) && isWorkingDay(d, after)),
  };
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([parsed.year, existing.map((r) => [r.id, holidayFingerprint(r)]), incoming.map(holidayFingerprint)]))
    .digest('hex')
    .slice(0, 16);
  return { year: parsed.year, added, removed, renamed, changed, unchanged, nonWorkingDays, fingerprint, calendarAfter: after };
}

export class ImportChangedError extends Error {
  readonly key: CalendarMessageKey = 'holidays.import.changed_since_preview';
  constructor() {
    super('the holiday table changed since the preview');
  }
}

/**
 * Apply the list in one transaction: the plan is made again under the lock, so what is
 * applied is what the table holds now; with `expectedFingerprint` (from the preview) a table
 * changed in between is refused with ImportChangedError.
 */
export async function applyHolidayImport(
  db: Db,
  parsed: { year: number; lines: readonly ParsedLine[] },
  opts: { expectedFingerprint?: string; source?: Extract<CalendarChangeSource, 'cli_import' | 'console_import'> } = {},
): Promise<ImportPlan & { calendarChange: number | null }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    const plan = await planHolidayImport(tx, parsed);
    if (opts.expectedFingerprint !== undefined && opts.expectedFingerprint !== plan.fingerprint) throw new ImportChangedError();
    // The open deadlines the change touches are moved after the commit by the deadline worker.
    const { change } = await withCalendarChange(tx, opts.source ?? 'cli_import', async () => {
      for (const r of plan.removed) await deleteHoliday(tx, r.id);
      for (const { before, after } of [...plan.renamed, ...plan.changed]) await updateHoliday(tx, before.id, after);
      for (const h of plan.added) await insertHoliday(tx, h);
    });
    await tx.query('INSERT INTO holiday_imports (year, added, removed, changed) VALUES ($1, $2, $3, $4)', [
      plan.year,
      plan.added.length,
      plan.removed.length,
      plan.renamed.length + plan.changed.length,
    ]);
    return { ...plan, calendarChange: change };
  });
}
