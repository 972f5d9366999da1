// A case as the API shows it to an officer (GET /api/v1/complaints/{code}), and how the
// case's forms take a step.
import type { Evidence } from '../../../evidence.ts';
import type { PolicyView } from '../../../policy/model.ts';
import type { Step } from '../../../ui/steps.ts';

export interface TimelineEntry {
  seq: number;
  type: string;
  actorRole: string;
  toState: string;
  at: string;
  payload: Record<string, unknown>;
}

export interface CaseView {
  trackingCode: string;
  version: number;
  state: string;
  dueAt: string | null;
  overdue: boolean;
  merchant: { id: string; name: string; status: string } | null;
  consumer: { name: string; phone: string; email: string | null; district: string };
  order: { number: string; date: string; amountBdt: number; paymentChannel: string };
  orderConfirmed?: boolean;
  problemCategory: string;
  description: string;
  wantedRemedy: string;
  preChecks: { contactedMerchant?: boolean; contactedOn?: string; remedyReceived?: string; problemDate?: string };
  regulatorWindow: { lastDay: string; open: boolean };
  hearing: { at: string; mode: string; place: string } | null;
  decision: { outcome: string; reasons: string; fineBdt: number; order?: string } | null;
  fineCollectedBdt: number | null;
  complainantShareBdt: number | null;
  assignedOfficerId: string | null;
  filedAt: string;
  actions: string[];
  timeline: TimelineEntry[];
  evidence: Evidence[];
  historyChain?: { ok: boolean; events: number; brokenAtSeq?: number; reason?: string };
  policy: PolicyView | null;
}

/**
 * A step on the case, sent with the version the officer saw: null when done, else the errors
 * to show, per field of `fields` ('' for the form as a whole).
 */
export type Post = (step: Step, body: object, fields: readonly string[]) => Promise<Record<string, string> | null>;

/** Calendar date (YYYY-MM-DD) shown as a Dhaka date. */
export const day = (ymd: string) => `${ymd.slice(0, 10)}T06:00:00Z`;
