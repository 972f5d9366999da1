// What the calendar's endpoints take and give: the non-working days in a range (every page that
// shows a deadline can say why it falls where it does) and the regulator console's import of a
// year's holiday list (preview, then apply). One schema per endpoint, shared by the server's
// validation, its OpenAPI description and the web app's types.
import { z } from 'zod';
import { HOLIDAY_GROUPS, HOLIDAY_KINDS } from './holidays.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date_format');

/** The longest range asked for at once (a deadline is at most weeks away; a year and a bit is plenty). */
export const MAX_NON_WORKING_RANGE_DAYS = 400;

export const NonWorkingDaysQuerySchema = z
  .object({
    from: IsoDate.describe('First Dhaka date, YYYY-MM-DD'),
    to: IsoDate.describe(`Last Dhaka date, YYYY-MM-DD (at most ${MAX_NON_WORKING_RANGE_DAYS} days after from)`),
  })
  .strict();
export type NonWorkingDaysQuery = z.infer<typeof NonWorkingDaysQuerySchema>;

export const NonWorkingDaySchema = z.object({
  date: IsoDate,
  /** weekend: a Friday or Saturday; holiday: offices closed by a general or executive-order holiday. */
  kind: z.enum(['weekend', 'holiday']),
  /** Why, in the language of the request ("Friday, the weekly holiday", "Eid-ul-Fitr (a general holiday)"). */
  reason: z.string(),
});
export type NonWorkingDay = z.infer<typeof NonWorkingDaySchema>;

export const NonWorkingDaysResponseSchema = z.object({ from: IsoDate, to: IsoDate, days: z.array(NonWorkingDaySchema) });
export type NonWorkingDaysResponse = z.infer<typeof NonWorkingDaysResponseSchema>;

/** The largest CSV the console takes (a year's list is a few kilobytes). */
export const MAX_HOLIDAY_CSV_CHARS = 100_000;

export const HolidayImportPreviewSchema = z
  .object({
    csv: z.string().min(1).max(MAX_HOLIDAY_CSV_CHARS).describe('The file, UTF-8: date,kind,name_en,name_bn[,lunar,confirmed,applies_to,source,note]'),
    year: z.number().int().min(2000).max(2100).optional().describe('The year of the list; without it the file must hold one year'),
  })
  .strict();
export type HolidayImportPreview = z.infer<typeof HolidayImportPreviewSchema>;

export const HolidayImportApplySchema = HolidayImportPreviewSchema.extend({
  expectedFingerprint: z.string().regex(/^[0-9a-f]{16}$/).describe("The preview's fingerprint: refused (409) if the table changed since"),
}).strict();
export type HolidayImportApply = z.infer<typeof HolidayImportApplySchema>;

export const HolidayEntrySchema = z.object({
  date: IsoDate,
  to: IsoDate,
  kind: z.enum(HOLIDAY_KINDS),
  closesOffices: z.boolean(),
  appliesTo: z.enum(HOLIDAY_GROUPS).nullable(),
  nameEn: z.string(),
  nameBn: z.string(),
  lunar: z.boolean(),
  confirmed: z.boolean(),
  source: z.string().nullable(),
  note: z.string().nullable(),
});
export type HolidayEntry = z.infer<typeof HolidayEntrySchema>;

const Pair = z.object({ before: HolidayEntrySchema, after: HolidayEntrySchema });

export const HolidayImportPlanSchema = z.object({
  year: z.number().int(),
  fingerprint: z.string(),
  applied: z.boolean(),
  added: z.array(HolidayEntrySchema),
  removed: z.array(HolidayEntrySchema),
  renamed: z.array(Pair),
  changed: z.array(Pair),
  unchanged: z.number().int(),
  /** Days that stop being working days, and days that become working days again. */
  nonWorkingDays: z.object({ added: z.array(IsoDate), removed: z.array(IsoDate) }),
  /** Open deadlines whose working-day count crosses a newly closed day (moved later after apply). */
  deadlinesToMove: z.number().int(),
});
export type HolidayImportPlan = z.infer<typeof HolidayImportPlanSchema>;
