// The dates of a claim, each a setting (the server reads overrides from its configuration).
// No statute sets them: they are Nalish's service standard for a claims programme, chosen so
// that no claim sits without a next date, and a claimant who reads Bengali only and checks SMS
// now and then still has time to answer:
// - a draft is kept at least draftDays (or until the last date, if later), with a reminder;
// - officers screen a submitted claim within screeningWorkingDays, or it goes to review anyway;
// - a claimant has cureWorkingDays to cure a deficiency (the notice may give more), reminded
//   cureReminderWorkingDays working days before;
// - officers determine within reviewWorkingDays; past it the office is told and gets
//   reviewOverdueExtensionWorkingDays more, again and again, so the date always moves on;
// - a claimant answers a determination within answerDays (reminder answerReminderDays before);
//   silence then counts as acceptance of the allowed amount, marked "deemed", never as the
//   claimant's word in any figure;
// - a claim in payment is followed up every paymentFollowUpDays until it is paid (issue 13's
//   repayment rounds replace this with the round's date);
// - a claimant may contest a determination maxContests times.
import { z } from 'zod';

export const ClaimsSettingsSchema = z.object({
  draftDays: z.number().int().min(1).max(180).default(30),
  draftReminderDays: z.number().int().min(0).max(30).default(3),
  screeningWorkingDays: z.number().int().min(1).max(30).default(5),
  cureWorkingDays: z.number().int().min(1).max(60).default(10),
  cureReminderWorkingDays: z.number().int().min(1).max(10).default(2),
  reviewWorkingDays: z.number().int().min(1).max(120).default(20),
  reviewOverdueExtensionWorkingDays: z.number().int().min(1).max(30).default(5),
  answerDays: z.number().int().min(1).max(60).default(14),
  answerReminderDays: z.number().int().min(0).max(30).default(3),
  paymentFollowUpDays: z.number().int().min(1).max(180).default(30),
  maxContests: z.number().int().min(0).max(5).default(1),
});
export type ClaimsSettings = z.infer<typeof ClaimsSettingsSchema>;

export const DEFAULT_CLAIMS_SETTINGS: ClaimsSettings = ClaimsSettingsSchema.parse({});

/** The longest cure period a deficiency notice may give (working days). */
export const MAX_CURE_WORKING_DAYS = 60;
