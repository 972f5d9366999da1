// Bangladesh's government holidays as data: one entry per holiday or multi-day closure, with
// its kind, names in both languages and whether a lunar date is confirmed. The rules for a
// valid entry live here once; the shipped data (data/holidays-bd.json), the CSV import and the
// database's CHECKs (migration 009) all follow them.
//
// The Ministry of Public Administration publishes each year's list (usually in October or
// November): general holidays (সাধারণ ছুটি) and holidays by executive order (নির্বাহী আদেশে
// ছুটি) close government offices; optional holidays (ঐচ্ছিক ছুটি) are days that members of one
// community may take, and do not close offices. The government also orders offices open on a
// Friday or Saturday now and then, in exchange for a longer Eid closure (17 and 24 May 2025).
import { z } from 'zod';
import { type DhakaDate, DEFAULT_WEEKEND, type WorkingCalendar, shiftDate, weekdayOf } from './calendar.ts';

export const HOLIDAY_KINDS = ['general', 'executive_order', 'optional', 'working_weekend'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** Whether a kind of entry closes government offices, and so stops the working-day count. */
export const CLOSES_OFFICES: Record<HolidayKind, boolean> = {
  general: true,
  executive_order: true,
  optional: false,
  working_weekend: false,
};

/** Who an optional holiday is for. */
export const HOLIDAY_GROUPS = ['muslim', 'hindu', 'christian', 'buddhist', 'ethnic_minorities', 'industrial_workers'] as const;
export type HolidayGroup = (typeof HOLIDAY_GROUPS)[number];

/** Limits, repeated as CHECKs in migration 009. */
export const HOLIDAY_LIMITS = { maxSpanDays: 31, maxNameLength: 200, maxTextLength: 1000 } as const;

export interface Holiday {
  /** First day (Dhaka date). */
  readonly from: DhakaDate;
  /** Last day, the same as `from` for a one-day holiday. */
  readonly to: DhakaDate;
  readonly kind: HolidayKind;
  /** Only for optional holidays: the community or group it is for. */
  readonly appliesTo: HolidayGroup | null;
  readonly nameEn: string;
  readonly nameBn: string;
  /** The date follows the moon or a religious almanac. */
  readonly lunar: boolean;
  /** False while a lunar date is only expected (not confirmed by a list, notice or moon sighting). */
  readonly confirmed: boolean;
  /** The circular, notice or decision it comes from. */
  readonly source: string | null;
  readonly note: string | null;
}

/** What can be wrong with an entry; each has a message in the catalogues (holidays.problem.*). */
export type HolidayProblem =
  | 'date_invalid'
  | 'range_reversed'
  | 'range_too_long'
  | 'name_en_missing'
  | 'name_bn_missing'
  | 'name_too_long'
  | 'text_too_long'
  | 'applies_to_only_optional'
  | 'working_weekend_not_weekend';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written as YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Days from `from` to `to`, both included (0 if `to` is before `from`). */
export function daysInRange(from: DhakaDate, to: DhakaDate): DhakaDate[] {
  const out: DhakaDate[] = [];
  for (let d = from; d <= to && out.length <= HOLIDAY_LIMITS.maxSpanDays; d = shiftDate(d, 1)) out.push(d);
  return out;
}

/** Every rule an entry breaks, in a stable order; empty when it is valid. */
export function holidayProblems(h: Holiday): HolidayProblem[] {
  const out: HolidayProblem[] = [];
  if (!isIsoDate(h.from) || !isIsoDate(h.to)) out.push('date_invalid');
  else if (h.to < h.from) out.push('range_reversed');
  else if (daysInRange(h.from, h.to).length > HOLIDAY_LIMITS.maxSpanDays) out.push('range_too_long');
  if (h.nameEn.trim() === '') out.push('name_en_missing');
  if (h.nameBn.trim() === '') out.push('name_bn_missing');
  if (h.nameEn.length > HOLIDAY_LIMITS.maxNameLength || h.nameBn.length > HOLIDAY_LIMITS.maxNameLength) out.push('name_too_long');
  if ((h.source?.length ?? 0) > HOLIDAY_LIMITS.maxTextLength || (h.note?.length ?? 0) > HOLIDAY_LIMITS.maxTextLength) out.push('text_too_long');
  if (h.appliesTo !== null && h.kind !== 'optional') out.push('applies_to_only_optional');
  // An order to open offices is for one Friday or Saturday at a time.
  if (h.kind === 'working_weekend' && !out.includes('date_invalid') && (h.from !== h.to || !DEFAULT_WEEKEND.includes(weekdayOf(h.from)))) {
    out.push('working_weekend_not_weekend');
  }
  return out;
}

/**
 * The identity of an entry's content, to tell an untouched shipped entry from one an
 * administrator edited (see the server's holidays/seed.ts).
 */
export function holidayFingerprint(h: Holiday): string {
  return JSON.stringify([h.from, h.to, h.kind, h.appliesTo, h.nameEn, h.nameBn, h.lunar, h.confirmed, h.source, h.note]);
}

/** Build the working calendar from the table's entries. */
export function calendarFromHolidays(entries: readonly Holiday[]): WorkingCalendar {
  const holidays = new Set<DhakaDate>();
  const workingWeekendDays = new Set<DhakaDate>();
  const entriesByDate = new Map<DhakaDate, Holiday[]>();
  for (const h of entries) {
    for (const d of daysInRange(h.from, h.to)) {
      if (CLOSES_OFFICES[h.kind]) holidays.add(d);
      if (h.kind === 'working_weekend') workingWeekendDays.add(d);
      const list = entriesByDate.get(d);
      if (list) list.push(h);
      else entriesByDate.set(d, [h]);
    }
  }
  return { holidays, workingWeekendDays, entriesByDate };
}

/** Why a date is not a working day, or null when it is one. */
export type NonWorkingReason =
  /** Offices are closed: the holidays that close them (empty for a calendar without names). */
  | { readonly kind: 'holiday'; readonly holidays: readonly Holiday[]; readonly weekday: number }
  | { readonly kind: 'weekend'; readonly weekday: number };

export function whyNotWorking(date: DhakaDate, cal: WorkingCalendar): NonWorkingReason | null {
  const weekday = weekdayOf(date);
  if (cal.holidays.has(date)) {
    const closing = (cal.entriesByDate?.get(date) ?? []).filter((h) => CLOSES_OFFICES[h.kind]);
    return { kind: 'holiday', holidays: closing, weekday };
  }
  if ((cal.weekend ?? DEFAULT_WEEKEND).includes(weekday) && !cal.workingWeekendDays?.has(date)) return { kind: 'weekend', weekday };
  return null;
}

/** The optional holidays on a date (they do not close offices, but people ask). */
export function optionalHolidaysOn(date: DhakaDate, cal: WorkingCalendar): readonly Holiday[] {
  return (cal.entriesByDate?.get(date) ?? []).filter((h) => h.kind === 'optional');
}

// ---------------------------------------------------------------------------------------------
// The shipped data file (format 2): years, each with its sources and entries.

const ShippedEntrySchema = z
  .object({
    key: z.string().regex(/^\d{4}\/[a-z0-9-]+$/),
    date: z.string(),
    to: z.string().optional(),
    kind: z.enum(HOLIDAY_KINDS),
    appliesTo: z.enum(HOLIDAY_GROUPS).optional(),
    en: z.string(),
    bn: z.string(),
    lunar: z.boolean().optional(),
    confirmed: z.boolean().optional(),
    source: z.string(),
    note: z.string().optional(),
  })
  .strict();

const SourceSchema = z.object({ en: z.string().min(1), bn: z.string().min(1), reported: z.array(z.string()) }).strict();

const ShippedYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** published: the year's list was found; expected: estimated before the list is out. */
    status: z.enum(['published', 'expected']),
    sources: z.record(z.string(), SourceSchema),
    unconfirmed: z.string(),
    holidays: z.array(ShippedEntrySchema),
  })
  .strict();

export const ShippedHolidaysSchema = z.object({ format: z.literal(2), about: z.string(), years: z.array(ShippedYearSchema) }).strict();

export interface ShippedHoliday extends Holiday {
  /** Stable name of the entry across releases ('2026/eid-ul-fitr'). */
  readonly key: string;
  readonly year: number;
}

/**
 * The shipped entries, each checked against the rules; a source is named by its English text.
 * Throws on a malformed file: it ships with the code, and a test reads it.
 */
export function parseShippedHolidays(json: unknown): ShippedHoliday[] {
  const data = ShippedHolidaysSchema.parse(json);
  const out: ShippedHoliday[] = [];
  const keys = new Set<string>();
  for (const y of data.years) {
    for (const e of y.holidays) {
      const source = y.sources[e.source];
      if (!source) throw new Error(`holiday ${e.key}: unknown source ${e.source}`);
      const h: ShippedHoliday = {
        key: e.key,
        year: y.year,
        from: e.date,
        to: e.to ?? e.date,
        kind: e.kind,
        appliesTo: e.appliesTo ?? null,
        nameEn: e.en,
        nameBn: e.bn,
        lunar: e.lunar ?? false,
        confirmed: e.confirmed ?? true,
        source: source.en,
        note: e.note ?? null,
      };
      const problems = holidayProblems(h);
      if (problems.length > 0) throw new Error(`holiday ${e.key}: ${problems.join(', ')}`);
      if (!e.key.startsWith(`${y.year}/`) || !h.from.startsWith(`${y.year}-`)) throw new Error(`holiday ${e.key} is not in ${y.year}`);
      if (keys.has(e.key)) throw new Error(`holiday ${e.key} appears twice`);
      keys.add(e.key);
      out.push(h);
    }
  }
  return out;
}
