// The holidays table: list, add, remove, why a day is not a working day, import a year from CSV.
import { readFile } from 'node:fs/promises';
import { HOLIDAY_GROUPS, HOLIDAY_KINDS, type Holiday, calendarText, describeNonWorkingDay, holidayProblems } from '@nalish/domain/calendar';
import { ImportChangedError, applyHolidayImport, importErrorText, parseHolidayCsv, planHolidayImport } from '../holidays/importCsv.ts';
import { withCalendarChange } from '../holidays/changes.ts';
import { presentPlan, presentRow } from '../holidays/present.ts';
import { countDeadlinesThatWouldMove } from '../deadlines/recompute.ts';
import { type HolidayRow, deleteHoliday, insertHoliday, readHolidays, readYear } from '../holidays/table.ts';
import { parse, str, req, isoDate, json, oneOf, lang, limitOf } from './args.ts';
import { CliError, type Handler } from './io.ts';

const MOVES_FOLLOW =
  "The open deadlines that counted a newly closed day are moved by the server's deadline worker within seconds (each with an event and a message to the party who owes the step).";


export const holidaysCommands: Record<string, Handler> = {
  async 'holidays list'(args, getDeps, out) {
    const { values: v } = parse(args, { year: { type: 'string' } });
    const year = str(v, 'year');
    if (year !== undefined && !/^\d{4}$/.test(year)) throw new CliError(`--year must be a year like 2026, not "${year}"`);
    const db = (await getDeps()).db;
    const rows = year === undefined ? await readHolidays(db) : await readYear(db, Number(year));
    json(out, rows.map(presentRow));
    return 0;
  },

  async 'holidays add'(args, getDeps, out) {
    const { values: v } = parse(args, {
      date: { type: 'string' },
      to: { type: 'string' },
      'name-en': { type: 'string' },
      'name-bn': { type: 'string' },
      kind: { type: 'string' },
      'applies-to': { type: 'string' },
      lunar: { type: 'boolean' },
      unconfirmed: { type: 'boolean' },
      source: { type: 'string' },
      note: { type: 'string' },
    });
    const from = isoDate(v, 'date');
    const kind = oneOf(v, 'kind', HOLIDAY_KINDS) ?? 'general';
    const h: Holiday = {
      from,
      to: v.to === undefined ? from : isoDate(v, 'to'),
      kind,
      appliesTo: oneOf(v, 'applies-to', HOLIDAY_GROUPS) ?? null,
      nameEn: req(v, 'name-en'),
      nameBn: req(v, 'name-bn'),
      lunar: v.lunar === true,
      confirmed: v.unconfirmed !== true,
      source: str(v, 'source') ?? null,
      note: str(v, 'note') ?? null,
    };
    const problems = holidayProblems(h);
    if (problems.length > 0) throw new CliError(problems.map((p) => calendarText('en', `holidays.problem.${p}`, { max: limitOf(p) })).join('; '));
    const deps = await getDeps();
    // One holiday per days and kind from here; a second one on the same days (1 May 2026 is May
    // Day and Buddha Purnima) comes with the year's list (holidays import).
    const same = (await readHolidays(deps.db)).find((r) => r.from === h.from && r.to === h.to && r.kind === h.kind);
    if (same) throw new CliError(`there is already a holiday on that date: ${same.nameEn} (id ${same.id})`);
    const { result: id, change } = await deps.db.transaction((tx) => withCalendarChange(tx, 'cli_add', () => insertHoliday(tx, h)));
    deps.calendar.invalidate();
    json(out, { ...presentRow({ ...h, id, shippedKey: null }), calendarChange: change });
    if (change !== null) out.err(MOVES_FOLLOW);
    return 0;
  },

  async 'holidays remove'(args, getDeps, out) {
    const { values: v } = parse(args, { date: { type: 'string' }, id: { type: 'string' } });
    const deps = await getDeps();
    const rows = await readHolidays(deps.db);
    let target: HolidayRow | undefined;
    if (v.id !== undefined) {
      const id = req(v, 'id');
      if (!/^\d{1,18}$/.test(id)) throw new CliError(`--id must be a holiday id (a number from holidays list), not "${id}"`);
      target = rows.find((r) => r.id === Number(id));
      if (!target) throw new CliError(`no holiday with id ${id}`);
    } else {
      const date = isoDate(v, 'date');
      const onDay = rows.filter((r) => r.from === date && r.to === date);
      if (onDay.length > 1) throw new CliError(`there are ${onDay.length} holidays on ${date}: name one with --id (${onDay.map((r) => `${r.id} ${r.nameEn}`).join(', ')})`);
      target = onDay[0];
      if (!target) {
        const inside = rows.find((r) => r.from <= date && date <= r.to);
        throw new CliError(inside ? `${date} is part of ${inside.nameEn} (${inside.from}..${inside.to}): remove it with --id ${inside.id}` : `no holiday on ${date}`);
      }
    }
    const { change } = await deps.db.transaction((tx) => withCalendarChange(tx, 'cli_remove', () => deleteHoliday(tx, target.id)));
    deps.calendar.invalidate();
    // Days that become working days again never bring a deadline forward.
    json(out, { ...presentRow(target), removed: true, calendarChange: change });
    return 0;
  },

  async 'holidays why'(args, getDeps, out) {
    const { values: v } = parse(args, { date: { type: 'string' }, lang: { type: 'string' } });
    const date = isoDate(v, 'date');
    const locale = lang(v);
    const cal = await (await getDeps()).calendar.get();
    const reason = describeNonWorkingDay(locale, date, cal);
    json(out, { date, workingDay: reason === null, reason });
    return 0;
  },

  async 'holidays import'(args, getDeps, out) {
    const { values: v, positionals } = parse(args, { year: { type: 'string' }, lang: { type: 'string' }, apply: { type: 'boolean' }, expect: { type: 'string' } }, 1);
    const file = positionals[0];
    if (!file) throw new CliError('usage: holidays import <file.csv> [--year <yyyy>] [--lang bn|en] [--apply [--expect <fingerprint>]]');
    const year = str(v, 'year');
    if (year !== undefined && !/^\d{4}$/.test(year)) throw new CliError(`--year must be a year like 2026, not "${year}"`);
    if (v.expect !== undefined && v.apply !== true) throw new CliError('--expect goes with --apply');
    const locale = lang(v);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const parsed = parseHolidayCsv(text, year === undefined ? {} : { year: Number(year) });
    if (!parsed.ok) throw new CliError(parsed.errors.map((e) => importErrorText(locale, e)).join('\n'));
    const deps = await getDeps();
    if (v.apply !== true) {
      const plan = await planHolidayImport(deps.db, parsed);
      json(out, presentPlan(plan, false, await countDeadlinesThatWouldMove(deps.db, plan.nonWorkingDays.added, plan.calendarAfter, deps.settings)));
      out.err(`Preview only: nothing was changed. To apply: holidays import ${file} --apply --expect ${plan.fingerprint}`);
      return 0;
    }
    let plan: Awaited<ReturnType<typeof applyHolidayImport>>;
    try {
      plan = await applyHolidayImport(deps.db, parsed, str(v, 'expect') === undefined ? {} : { expectedFingerprint: str(v, 'expect')! });
    } catch (e) {
      if (e instanceof ImportChangedError) throw new CliError(calendarText(locale, e.key));
      throw e;
    }
    deps.calendar.invalidate();
    json(out, presentPlan(plan, true, await countDeadlinesThatWouldMove(deps.db, plan.nonWorkingDays.added, plan.calendarAfter, deps.settings)));
    if (plan.calendarChange !== null) out.err(MOVES_FOLLOW);
    return 0;
  },

};
