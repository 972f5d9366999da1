// Holiday entries and an import's plan as the CLI prints them and the console's endpoints
// answer (the domain's HolidayEntrySchema and HolidayImportPlanSchema).
import { CLOSES_OFFICES, type Holiday, type HolidayEntry, type HolidayImportPlan } from '@nalish/domain/calendar';
import type { ImportPlan } from './importCsv.ts';
import type { HolidayRow } from './table.ts';

export const presentHoliday = (h: Holiday): HolidayEntry => ({
  date: h.from,
  to: h.to,
  kind: h.kind,
  closesOffices: CLOSES_OFFICES[h.kind],
  appliesTo: h.appliesTo,
  nameEn: h.nameEn,
  nameBn: h.nameBn,
  lunar: h.lunar,
  confirmed: h.confirmed,
  source: h.source,
  note: h.note,
});

export const presentRow = (r: HolidayRow) => ({ id: r.id, ...presentHoliday(r), shipped: r.shippedKey });

export function presentPlan(plan: ImportPlan, applied: boolean, deadlinesToMove: number): HolidayImportPlan {
  return {
    year: plan.year,
    applied,
    fingerprint: plan.fingerprint,
    added: plan.added.map(presentHoliday),
    removed: plan.removed.map(presentRow),
    renamed: plan.renamed.map((r) => ({ before: presentRow(r.before), after: presentHoliday(r.after) })),
    changed: plan.changed.map((c) => ({ before: presentRow(c.before), after: presentHoliday(c.after) })),
    unchanged: plan.unchanged,
    nonWorkingDays: plan.nonWorkingDays,
    deadlinesToMove,
  };
}
