// How the case's forms take a step (the case itself is the domain's ComplaintView).
import type { Step } from '../../../ui/steps.ts';

/**
 * A step on the case, sent with the version the officer saw: null when done, else the errors
 * to show, per field of `fields` ('' for the form as a whole).
 */
export type Post = (step: Step, body: object, fields: readonly string[]) => Promise<Record<string, string> | null>;

/** Calendar date (YYYY-MM-DD) shown as a Dhaka date. */
export const day = (ymd: string) => `${ymd.slice(0, 10)}T06:00:00Z`;
