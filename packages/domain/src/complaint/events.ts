// Every event a complaint's history can hold, as one discriminated union on `type`: the
// lifecycle steps (their payloads are what the action schemas give) and the events that take
// no step (the filing itself, evidence, a deadline reminder, the policy checks). The server's
// event writer accepts only these, so a misspelt type or a payload of the wrong shape does not
// compile.
import { ACTIONS, type Action, type PayloadOf } from '../lifecycle/actions.ts';
import type { Template } from '../lifecycle/machine.ts';
import type { FactSource, WireFacts } from '../policy/facts.ts';
import type { Outcome } from '../policy/types.ts';
import type { PaymentChannel } from './channels.ts';
import type { FileComplaintInput } from './filing.ts';

/** Events that are not a lifecycle step ('filed' starts the history; the others change no state). */
export const NON_STEP_EVENTS = ['filed', 'evidence_added', 'deadline_reminder', 'deadline_moved', 'policy_facts_stated', 'policy_finding_reviewed'] as const;
export type NonStepEventType = (typeof NON_STEP_EVENTS)[number];
export type ComplaintEventType = Action | NonStepEventType;
export const COMPLAINT_EVENT_TYPES: readonly ComplaintEventType[] = [...NON_STEP_EVENTS, ...ACTIONS];

/** The order as the merchant's server signed it (the widget's order context). */
export interface ConfirmedOrder {
  merchantId: string;
  orderNumber: string;
  orderDate: string;
  amountBdt: number;
  paymentChannel: PaymentChannel;
  buyerPhone: string;
  iat: number;
  exp: number;
}

/** The closed days that moved a deadline, with the holidays that close them. */
export interface DeadlineMovedPayload {
  previousDueAt: string;
  dueAt: string;
  /** The Dhaka dates newly closed between the clock's start and the new deadline, and why. */
  holidays: { date: string; nameEn: string; nameBn: string }[];
  /** The calendar_changes row that caused the move. */
  calendarChange: number;
}

/** The policy outcome of each rule, the compact form events carry. */
export type RuleOutcomes = Record<string, Outcome>;

export interface ComplaintEventPayloads extends Omit<{ [A in Action]: PayloadOf<A> }, 'route'> {
  /** What the consumer filed (less the order-context token), the merchant it was resolved to,
   *  the confirmed order and the policy outcomes at filing. */
  filed: Omit<FileComplaintInput, 'orderContext' | 'merchant'> & {
    merchant: FileComplaintInput['merchant'] & { id: string };
    orderConfirmedByMerchant?: ConfirmedOrder;
    policy: { ruleSet: string | null; outcomes: RuleOutcomes };
  };
  /** Routing records whether the merchant could be reached (with_merchant) or not (escalated). */
  route: { merchantReachable: boolean };
  evidence_added: { evidenceId: string; filename: string; mediaType: string; sizeBytes: number; sha256: string; original?: { sha256: string; sizeBytes: number } };
  /** A reminder to the merchant is history too: it is the merchant's deadline_approaching event. */
  deadline_reminder: { template: Template; dueAt: string | null };
  /** A holiday declared after the deadline was set moved it later (never earlier). */
  deadline_moved: DeadlineMovedPayload;
  policy_facts_stated: {
    source: FactSource;
    facts: WireFacts;
    evidenceIds: string[];
    reason?: string;
    ruleSet: string | null;
    outcomes: RuleOutcomes;
    /** Rules whose outcome the new facts changed. */
    changed: string[];
  };
  policy_finding_reviewed: {
    ruleId: string;
    decision: 'confirm' | 'override';
    outcome: Outcome;
    computedOutcome: Outcome;
    reason: string;
    /** The outcome an earlier review held, when this one replaces it. */
    replaces?: Outcome;
  };
}

export type ComplaintEvent = { [T in ComplaintEventType]: { type: T; payload: ComplaintEventPayloads[T] } }[ComplaintEventType];
