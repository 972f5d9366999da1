// Deadline settings. Each is a setting (the server reads overrides from its configuration);
// the defaults come from the source documents:
// - merchantResponseWorkingDays: the Digital Commerce Operation Guidelines 2021 give the
//   merchant 72 hours to act on a complaint; we count 3 Bangladesh working days.
// - remedyDays: the guidelines' refund rule (refund within 10 days).
// - consumerReplyDays / deemedAcceptReminderDays: Nalish policy (issue #2).
// - regulator*: Nalish's service standard for the DNCRP, so no case sits without a date.
import { z } from 'zod';

export const LifecycleSettingsSchema = z.object({
  merchantResponseWorkingDays: z.number().int().min(1).max(30).default(3),
  /** Reminder to the merchant this many working days before its deadline (0 = the due day). */
  merchantReminderWorkingDays: z.number().int().min(0).max(10).default(1),
  consumerReplyDays: z.number().int().min(1).max(60).default(7),
  deemedAcceptReminderDays: z.number().int().min(0).max(30).default(2),
  remedyDays: z.number().int().min(1).max(90).default(10),
  remedyReminderDays: z.number().int().min(0).max(30).default(2),
  /** The merchant is reminded to record the remedy this many working days before its deadline. */
  remedyRecordReminderWorkingDays: z.number().int().min(1).max(10).default(1),
  /** After the merchant records the remedy as carried out, the consumer has this many working
   *  days to confirm it or report it not received; silence then closes the complaint as
   *  "carried out, not confirmed by the consumer" (Nalish policy, issue 18). */
  remedyConfirmWorkingDays: z.number().int().min(1).max(30).default(5),
  /** The consumer is reminded this many working days before that. */
  remedyConfirmReminderWorkingDays: z.number().int().min(1).max(10).default(1),
  ratingDays: z.number().int().min(1).max(90).default(14),
  regulatorAssignWorkingDays: z.number().int().min(1).max(30).default(2),
  regulatorReviewWorkingDays: z.number().int().min(1).max(90).default(15),
  regulatorOverdueExtensionWorkingDays: z.number().int().min(1).max(30).default(5),
  /** A case whose regulator deadline is missed this many times goes to the office above
   *  (district → division → head office), marked overdue (issue 18). */
  regulatorMissesBeforeRaise: z.number().int().min(1).max(10).default(2),
  /** The hour (Dhaka) from which each office's daily digest of overdue cases is sent. */
  overdueDigestHourDhaka: z.number().int().min(0).max(23).default(9),
  infoReplyDays: z.number().int().min(1).max(60).default(7),
  decisionAfterHearingWorkingDays: z.number().int().min(1).max(60).default(5),
  complianceDays: z.number().int().min(1).max(180).default(30),
  /** Share of a collected fine paid to the complainant: Consumer Rights Protection Act 2009, s.76(4). */
  complainantSharePercent: z.number().int().min(0).max(100).default(25),
  /** A complaint to the DNCRP must be filed within 30 days of the cause of action (CRPA 2009, s.60). */
  regulatorFilingLimitDays: z.number().int().min(1).max(365).default(30),
});
export type LifecycleSettings = z.infer<typeof LifecycleSettingsSchema>;

export const DEFAULT_SETTINGS: LifecycleSettings = LifecycleSettingsSchema.parse({});
