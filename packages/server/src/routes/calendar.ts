// The working calendar over HTTP: why the days up to a deadline are not working days (public:
// the holiday list is public information, and the consumer's tracking page asks without
// signing in), and the regulator console's import of a year's holiday list (head-office
// officers only, access/holidays.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { negotiateLocale } from '@nalish/domain';
import {
  HolidayImportApplySchema,
  HolidayImportPlanSchema,
  HolidayImportPreviewSchema,
  MAX_NON_WORKING_RANGE_DAYS,
  NonWorkingDaysQuerySchema,
  NonWorkingDaysResponseSchema,
} from '@nalish/domain/calendar';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { requireActor } from '../http/auth.ts';
import { nonWorkingDays } from '../holidays/nonWorkingDays.ts';
import { applyConsoleImport, previewHolidayImport } from '../holidays/console.ts';
import { mayManageHolidays, officeLevelOf } from '../access/holidays.ts';

export const calendarRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const locale = (request: FastifyRequest) => negotiateLocale(request.headers['accept-language']);
    const headOffice = async (request: FastifyRequest) => {
      const actor = requireActor(request);
      if (!mayManageHolidays(actor, await officeLevelOf(deps.db, actor))) throw new AppError('forbidden');
    };

    app.get(
      '/api/v1/calendar/non-working-days',
      {
        schema: {
          tags: ['calendar'],
          summary: `The days in a range that are not working days, each with the reason in the language of the request (at most ${MAX_NON_WORKING_RANGE_DAYS} days)`,
          querystring: NonWorkingDaysQuerySchema,
          response: { 200: NonWorkingDaysResponseSchema },
        },
      },
      async (request) => {
        const { from, to } = request.query;
        const days = await nonWorkingDays(deps, from, to, locale(request));
        if (!days) throw new AppError('date_range_invalid', { max: MAX_NON_WORKING_RANGE_DAYS });
        return { from, to, days };
      },
    );

    app.post(
      '/api/v1/regulator/holidays/import/preview',
      {
        schema: {
          tags: ['regulator'],
          summary: "Preview a year's holiday list (CSV): what is added, changed and removed, which days stop being working days, how many open deadlines would move. Changes nothing. Head-office officers only.",
          body: HolidayImportPreviewSchema,
          response: { 200: HolidayImportPlanSchema },
        },
      },
      async (request) => {
        await headOffice(request);
        return previewHolidayImport(deps, request.body, locale(request));
      },
    );

    app.post(
      '/api/v1/regulator/holidays/import/apply',
      {
        schema: {
          tags: ['regulator'],
          summary:
            "Apply a year's holiday list previewed with this fingerprint (409 holiday_list_changed if the table changed since). The open deadlines it touches are moved by the deadline worker, each with an event and a message. Head-office officers only.",
          body: HolidayImportApplySchema,
          response: { 200: HolidayImportPlanSchema },
        },
      },
      async (request) => {
        await headOffice(request);
        return applyConsoleImport(deps, request.body, locale(request));
      },
    );
  };
