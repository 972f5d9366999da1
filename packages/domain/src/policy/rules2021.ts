// Rule set 'dcog-2021.1': the Digital Commerce Operation Guidelines 2021 (DCOG) and the
// Consumer Rights Protection Act 2009 (CRPA). Every number is a setting of the rule.
//
// How periods are counted (decided here; see the test table):
// - Delivery (5/10 days) and refund (10 days): CALENDAR days in Asia/Dhaka, counted from the
//   day after payment; the duty is met up to 23:59:59.999 Dhaka of the last day.
// - Dispatch (48 hours) and cash-back (72 hours): exact hours from the instant of payment
//   (3 × 24 h), regardless of weekends and holidays.
// - The merchant's 72 hours to act on a complaint: 3 Bangladesh WORKING days (Friday,
//   Saturday and public holidays not counted), to the end of the 3rd working day — the same
//   reading as lifecycle/settings.ts (merchantResponseWorkingDays), so the policy finding and
//   the lifecycle deadline never disagree.
// - Regulator window (CRPA s.60): 30 calendar days from the cause of action (regulatorWindow).
//
// Clause numbers are given as read from secondary sources; those not confirmed against the
// instrument's text are marked '(unconfirmed)'.
import {
  type WorkingCalendar,
  addCalendarDays,
  addWorkingDays,
  calendarDaysBetween,
  endOfDhakaDate,
  startOfDhakaDate,
} from '../calendar/calendar.ts';
import { regulatorWindow } from '../complaint/regulatorWindow.ts';
import { M, joinAll } from './messages.ts';
import { type Bilingual, type FactKey, type Facts, type Finding, type FindingNumbers, type Outcome, type RuleSet, defineRule } from './types.ts';

const HOUR_MS = 60 * 60 * 1000;
const IN_FORCE = '2021-07-04';

function finding(ruleId: string, outcome: Outcome, explanation: Bilingual, numbers: FindingNumbers = {}): Finding {
  return { ruleId, outcome, explanation, numbers };
}

/** The facts among `keys` that are absent (undefined). null counts as known. */
export function missingOf(facts: Facts, keys: readonly FactKey[]): FactKey[] {
  return keys.filter((k) => facts[k] === undefined);
}

export function unknownFinding(ruleId: string, missing: readonly FactKey[], numbers: FindingNumbers = {}): Finding {
  return { ruleId, outcome: 'unknown', missingFacts: [...missing], explanation: M.unknown(missing), numbers };
}

const iso = (d: Date) => d.toISOString();

/** A calendar-day deadline after an instant: the Dhaka date and its last instant. */
function calendarDeadline(from: Date, days: number) {
  const date = addCalendarDays(from, days);
  return { date, end: endOfDhakaDate(date) };
}

/** Judge an event against a calendar-day deadline (event null = not happened, judged at now). */
function judgeByDate(at: Date | null, now: Date, deadline: { date: string; end: Date }) {
  const when = at ?? now;
  if (when.getTime() > deadline.end.getTime()) {
    return { state: 'late' as const, late: calendarDaysBetween(startOfDhakaDate(deadline.date), when) };
  }
  if (at) return { state: 'met' as const, late: 0 };
  return { state: 'pending' as const, left: calendarDaysBetween(now, startOfDhakaDate(deadline.date)), late: 0 };
}

// ---------------------------------------------------------------------------------------------

export const deliveryRule = defineRule({
  id: 'dcog.delivery',
  instrument: 'DCOG 2021',
  clause: '3.1.5 (unconfirmed): delivery within 5 days in the same city, 10 days otherwise, after full payment',
  subject: 'merchant',
  inForceFrom: IN_FORCE,
  needs: ['paymentChannel', 'now'],
  settings: { sameCityDays: 5, otherCityDays: 10 },
  evaluate(facts, s): Finding {
    const id = this.id;
    if (facts.paymentChannel === 'cod') return finding(id, 'not_applicable', M.codNoPrepayment());
    const miss = missingOf(facts, ['paymentDate', 'sameCity', 'deliveredAt']);
    if (miss.length) return unknownFinding(id, miss);
    const paid = facts.paymentDate!;
    const days = facts.sameCity ? s.sameCityDays : s.otherCityDays;
    const deadline = calendarDeadline(paid, days);
    const at = facts.deliveredAt ?? null;
    const j = judgeByDate(at, facts.now!, deadline);
    const numbers: FindingNumbers = { paymentDate: iso(paid), days, deadline: deadline.date, ...(at ? { deliveredAt: iso(at) } : {}) };
    if (j.state === 'late') return finding(id, 'breach', M.deliveryLate(deadline.date, days, at, j.late), { ...numbers, daysLate: j.late });
    if (j.state === 'met') return finding(id, 'compliant', M.deliveryOnTime(deadline.date, at!), numbers);
    return finding(id, 'compliant', M.notYetDue(M.what.delivery, deadline.date, j.left!), { ...numbers, daysLeft: j.left! });
  },
});

export const dispatchRule = defineRule({
  id: 'dcog.dispatch48h',
  instrument: 'DCOG 2021',
  clause: '3.1.6 (unconfirmed): goods handed to the courier and the buyer told within 48 hours of payment',
  subject: 'merchant',
  inForceFrom: IN_FORCE,
  needs: ['paymentChannel', 'now'],
  settings: { hours: 48 },
  evaluate(facts, s): Finding {
    const id = this.id;
    if (facts.paymentChannel === 'cod') return finding(id, 'not_applicable', M.codNoPrepayment());
    const miss = missingOf(facts, ['paymentDate', 'handedToCourierAt', 'buyerToldShippedAt']);
    if (miss.length) return unknownFinding(id, miss);
    const paid = facts.paymentDate!;
    const deadline = new Date(paid.getTime() + s.hours * HOUR_MS);
    const now = facts.now!;
    const numbers: FindingNumbers = { paymentDate: iso(paid), hours: s.hours, deadline: iso(deadline) };
    const parts: Bilingual[] = [];
    let pending = false;
    for (const [what, at] of [
      [M.courier, facts.handedToCourierAt ?? null],
      [M.buyerTold, facts.buyerToldShippedAt ?? null],
    ] as const) {
      if (at) numbers[what === M.courier ? 'handedToCourierAt' : 'buyerToldShippedAt'] = iso(at);
      if ((at ?? now).getTime() > deadline.getTime()) parts.push(M.deadlineMissed(what, s.hours, deadline, at));
      else if (!at) pending = true;
    }
    if (parts.length) return finding(id, 'breach', joinAll(parts), numbers);
    if (pending) return finding(id, 'compliant', M.hoursNotYetDue(M.what.dispatch, deadline), numbers);
    return finding(id, 'compliant', M.deadlineMet(M.what.dispatch, deadline), numbers);
  },
});

export const advanceEscrowRule = defineRule({
  id: 'dcog.advanceEscrow',
  instrument: 'DCOG 2021',
  clause: '3.1.9 (unconfirmed) and the 2021 escrow directive: an advance above 10% for goods not in stock only through escrow',
  subject: 'merchant',
  inForceFrom: IN_FORCE,
  needs: ['paymentChannel'],
  settings: { maxAdvancePercentWithoutEscrow: 10 },
  evaluate(facts, s): Finding {
    const id = this.id;
    if (facts.paymentChannel === 'cod' && !facts.advancePaidBdt) return finding(id, 'not_applicable', M.codNoPrepayment());
    if (facts.advancePaidBdt === undefined) return unknownFinding(id, ['advancePaidBdt']);
    const advance = facts.advancePaidBdt;
    if (advance === 0) return finding(id, 'not_applicable', M.noAdvance(), { advancePaidBdt: 0 });
    if (facts.inStock === undefined) return unknownFinding(id, ['inStock']);
    if (facts.inStock) return finding(id, 'not_applicable', M.inStock(), { advancePaidBdt: advance, inStock: true });
    if (facts.priceBdt === undefined) return unknownFinding(id, ['priceBdt']);
    const price = facts.priceBdt;
    const pct = s.maxAdvancePercentWithoutEscrow;
    const limit = (price * pct) / 100;
    const numbers: FindingNumbers = { advancePaidBdt: advance, priceBdt: price, percent: pct, limitBdt: limit };
    if (advance <= limit) return finding(id, 'compliant', M.advanceSmall(advance, price, pct), numbers);
    if (facts.advanceViaEscrow === undefined) return unknownFinding(id, ['advanceViaEscrow'], numbers);
    if (facts.advanceViaEscrow) return finding(id, 'compliant', M.advanceEscrow(advance, price, pct), { ...numbers, viaEscrow: true });
    return finding(id, 'breach', M.advanceNoEscrow(advance, price, pct, limit), { ...numbers, viaEscrow: false });
  },
});

const REFUND_STARTERS = new Set(['not_fulfilled', 'cancelled_by_seller']);

export const refundRule = defineRule({
  id: 'dcog.refund',
  instrument: 'DCOG 2021',
  clause: '3.1.10 (unconfirmed): refund of an unfulfilled order within 10 days, same channel, in full, without charges',
  subject: 'merchant',
  inForceFrom: IN_FORCE,
  needs: ['refundDueReason', 'now'],
  settings: { days: 10 },
  evaluate(facts, s): Finding {
    const id = this.id;
    if (!REFUND_STARTERS.has(facts.refundDueReason!)) return finding(id, 'not_applicable', M.refundNotDue());
    const miss = missingOf(facts, ['paymentChannel', 'amountPaidBdt']);
    if (miss.length) return unknownFinding(id, miss);
    const paidAmount = facts.amountPaidBdt!;
    if (paidAmount === 0) return finding(id, 'not_applicable', M.nothingPaid(), { amountPaidBdt: 0 });
    const miss2 = missingOf(facts, ['paymentDate', 'refundedAt']);
    if (miss2.length) return unknownFinding(id, miss2);
    const paid = facts.paymentDate!;
    const deadline = calendarDeadline(paid, s.days);
    const at = facts.refundedAt ?? null;
    const j = judgeByDate(at, facts.now!, deadline);
    const numbers: FindingNumbers = { paymentDate: iso(paid), amountPaidBdt: paidAmount, days: s.days, deadline: deadline.date };
    if (at) numbers.refundedAt = iso(at);
    const breaches: Bilingual[] = [];
    if (j.state === 'late') {
      breaches.push(M.refundLate(deadline.date, s.days, paidAmount, at, j.late));
      numbers.daysLate = j.late;
    }
    if (!at) {
      if (breaches.length) return finding(id, 'breach', joinAll(breaches), numbers);
      return finding(id, 'compliant', M.notYetDue(M.what.refund, deadline.date, j.left!), { ...numbers, daysLeft: j.left! });
    }
    const missing: FactKey[] = [];
    if (facts.refundChannel === undefined) missing.push('refundChannel');
    else if (facts.refundChannel !== facts.paymentChannel) {
      breaches.push(M.refundWrongChannel(facts.paymentChannel!, facts.refundChannel));
    }
    if (facts.refundChannel !== undefined) numbers.refundChannel = facts.refundChannel;
    if (facts.refundedAmountBdt === undefined) missing.push('refundedAmountBdt');
    else {
      numbers.refundedAmountBdt = facts.refundedAmountBdt;
      if (facts.refundedAmountBdt < paidAmount) breaches.push(M.refundShort(paidAmount, facts.refundedAmountBdt));
    }
    if (facts.refundChargesBdt === undefined) missing.push('refundChargesBdt');
    else {
      numbers.refundChargesBdt = facts.refundChargesBdt;
      if (facts.refundChargesBdt > 0) breaches.push(M.refundCharges(facts.refundChargesBdt));
    }
    if (breaches.length) {
      const f = finding(id, 'breach', joinAll(breaches), numbers);
      return missing.length ? { ...f, missingFacts: missing } : f;
    }
    if (missing.length) return unknownFinding(id, missing, numbers);
    return finding(id, 'compliant', M.refundOk(paidAmount, at, deadline.date), numbers);
  },
});

export const cashbackRule = defineRule({
  id: 'dcog.cashback',
  instrument: 'DCOG 2021',
  clause: '3.1.11 (unconfirmed): promised cash-back credited within 72 hours, not held in a wallet',
  subject: 'merchant',
  inForceFrom: IN_FORCE,
  needs: ['cashbackPromisedBdt', 'now'],
  // Counted from the buyer's payment (the trigger is not confirmed from the instrument).
  settings: { hours: 72 },
  evaluate(facts, s): Finding {
    const id = this.id;
    const amount = facts.cashbackPromisedBdt!;
    if (amount === 0) return finding(id, 'not_applicable', M.noCashback());
    const miss = missingOf(facts, ['paymentDate', 'cashbackCreditedAt']);
    if (miss.length) return unknownFinding(id, miss);
    const paid = facts.paymentDate!;
    const deadline = new Date(paid.getTime() + s.hours * HOUR_MS);
    const at = facts.cashbackCreditedAt ?? null;
    const numbers: FindingNumbers = { cashbackPromisedBdt: amount, paymentDate: iso(paid), hours: s.hours, deadline: iso(deadline) };
    if (at) numbers.cashbackCreditedAt = iso(at);
    const breaches: Bilingual[] = [];
    if ((at ?? facts.now!).getTime() > deadline.getTime()) breaches.push(M.deadlineMissed(M.what.cashback, s.hours, deadline, at));
    if (facts.cashbackHeldInWallet) {
      breaches.push(M.cashbackInWallet(amount));
      numbers.heldInWallet = true;
    }
    if (breaches.length) return finding(id, 'breach', joinAll(breaches), numbers);
    if (!at) return finding(id, 'compliant', M.hoursNotYetDue(M.what.cashback, deadline), numbers);
    if (facts.cashbackHeldInWallet === undefined) return unknownFinding(id, ['cashbackHeldInWallet'], numbers);
    return finding(id, 'compliant', M.deadlineMet(M.what.cashback, deadline), numbers);
  },
});

export const merchantResponseRule = defineRule({
  id: 'dcog.merchantResponse',
  instrument: 'DCOG 2021',
  clause: '3.3 (unconfirmed): the merchant acts on a complaint within 72 hours (counted as 3 working days)',
  subject: 'merchant',
  inForceFrom: IN_FORCE,
  needs: ['complaintToMerchantAt', 'merchantActedAt', 'now'],
  settings: { workingDays: 3 },
  evaluate(facts, s, calendar: WorkingCalendar): Finding {
    const id = this.id;
    const complained = facts.complaintToMerchantAt!;
    const date = addWorkingDays(complained, s.workingDays, calendar);
    const deadline = { date, end: endOfDhakaDate(date) };
    const at = facts.merchantActedAt ?? null;
    const j = judgeByDate(at, facts.now!, deadline);
    const numbers: FindingNumbers = { complaintToMerchantAt: iso(complained), workingDays: s.workingDays, deadline: date };
    if (at) numbers.merchantActedAt = iso(at);
    if (j.state === 'late') {
      return finding(id, 'breach', M.responseLate(complained, s.workingDays, date, at, j.late), { ...numbers, daysLate: j.late });
    }
    if (j.state === 'met') return finding(id, 'compliant', M.responseOk(at!, date), numbers);
    return finding(id, 'compliant', M.notYetDue(M.what.response, date, j.left!), { ...numbers, daysLeft: j.left! });
  },
});

export const pageIdentityRule = defineRule({
  id: 'dcog.pageIdentity',
  instrument: 'DCOG 2021',
  clause: '3.2 (unconfirmed): the seller shows its trade licence number and DBID',
  subject: 'merchant',
  inForceFrom: IN_FORCE,
  needs: ['pageShowsTradeLicence', 'pageShowsDbid'],
  settings: {},
  evaluate(facts): Finding {
    const keys = ['pageShowsTradeLicence', 'pageShowsDbid'] as const;
    const numbers: FindingNumbers = { pageShowsTradeLicence: facts.pageShowsTradeLicence!, pageShowsDbid: facts.pageShowsDbid! };
    const absent = keys.filter((k) => !facts[k]);
    if (absent.length) return finding(this.id, 'breach', M.pageMissing(absent), numbers);
    return finding(this.id, 'compliant', M.pageOk(keys), numbers);
  },
});

export const returnPolicyRule = defineRule({
  id: 'dcog.returnPolicy',
  instrument: 'DCOG 2021',
  clause: '3.2 (unconfirmed): the seller shows its return and refund policy',
  subject: 'merchant',
  inForceFrom: IN_FORCE,
  needs: ['pageShowsReturnPolicy'],
  settings: {},
  evaluate(facts): Finding {
    const numbers: FindingNumbers = { pageShowsReturnPolicy: facts.pageShowsReturnPolicy! };
    if (!facts.pageShowsReturnPolicy) return finding(this.id, 'breach', M.pageMissing(['pageShowsReturnPolicy']), numbers);
    return finding(this.id, 'compliant', M.pageOk(['pageShowsReturnPolicy']), numbers);
  },
});

/**
 * CRPA 2009 s.60: the consumer's own time limit. 'compliant' = still within time (days left);
 * 'breach' = the regulator's route is closed (the merchant route stays open). subject
 * 'consumer': never counted against the merchant in statistics.
 */
export const regulatorWindowRule = defineRule({
  id: 'crpa.regulatorWindow',
  instrument: 'CRPA 2009',
  clause: 's.60: complaint to the DNCRP within 30 days of the cause of action',
  subject: 'consumer',
  inForceFrom: '2009-04-06',
  needs: ['causeOfActionDate', 'now'],
  settings: { days: 30 },
  evaluate(facts, s): Finding {
    const cause = facts.causeOfActionDate!;
    const w = regulatorWindow(cause, facts.now!, s.days);
    const numbers: FindingNumbers = { causeOfActionDate: cause, days: s.days, lastDay: w.lastDay, daysLeft: w.daysLeft };
    if (w.open) return finding(this.id, 'compliant', M.regulatorOpen(cause, w.lastDay, w.daysLeft), numbers);
    return finding(this.id, 'breach', M.regulatorClosed(cause, w.lastDay, -w.daysLeft), { ...numbers, regulatorRouteOpen: false, merchantRouteOpen: true });
  },
});

export const RULES_2021 = [
  deliveryRule,
  dispatchRule,
  advanceEscrowRule,
  refundRule,
  cashbackRule,
  merchantResponseRule,
  pageIdentityRule,
  returnPolicyRule,
  regulatorWindowRule,
] as const;

export const RULE_SET_2021: RuleSet = {
  version: 'dcog-2021.1',
  effectiveFrom: IN_FORCE,
  rules: RULES_2021,
};
