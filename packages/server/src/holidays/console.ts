// The regulator console's import of a year's holiday list: the same parse, plan and apply as
// the command line (importCsv.ts), with errors in the reader's language and the count of open
// deadlines the list would move. Applying records the change; the deadline worker moves them.
import type { Locale } from '@nalish/domain';
import type { HolidayImportApply, HolidayImportPlan, HolidayImportPreview } from '@nalish/domain/calendar';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { countDeadlinesThatWouldMove } from '../deadlines/recompute.ts';
import { ImportChangedError, type ParsedLine, applyHolidayImport, importErrorText, parseHolidayCsv, planHolidayImport } from './importCsv.ts';
import { presentPlan } from './present.ts';

function parsedOrRefused(input: HolidayImportPreview, locale: Locale): { year: number; lines: ParsedLine[] } {
  const parsed = parseHolidayCsv(input.csv, input.year === undefined ? {} : { year: input.year });
  if (!parsed.ok) {
    throw new AppError('holiday_list_invalid', {}, { problems: parsed.errors.map((e) => ({ line: e.line, message: importErrorText(locale, e) })) });
  }
  return parsed;
}

export async function previewHolidayImport(deps: Deps, input: HolidayImportPreview, locale: Locale): Promise<HolidayImportPlan> {
  const plan = await planHolidayImport(deps.db, parsedOrRefused(input, locale));
  return presentPlan(plan, false, await countDeadlinesThatWouldMove(deps.db, plan.nonWorkingDays.added, plan.calendarAfter, deps.settings));
}

export async function applyConsoleImport(deps: Deps, input: HolidayImportApply, locale: Locale): Promise<HolidayImportPlan> {
  const parsed = parsedOrRefused(input, locale);
  // Counted before the change: what the worker is about to move.
  const preview = await planHolidayImport(deps.db, parsed);
  const toMove = await countDeadlinesThatWouldMove(deps.db, preview.nonWorkingDays.added, preview.calendarAfter, deps.settings);
  try {
    const plan = await applyHolidayImport(deps.db, parsed, { expectedFingerprint: input.expectedFingerprint, source: 'console_import' });
    deps.calendar.invalidate();
    return presentPlan(plan, true, toMove);
  } catch (e) {
    if (e instanceof ImportChangedError) throw new AppError('holiday_list_changed');
    throw e;
  }
}
