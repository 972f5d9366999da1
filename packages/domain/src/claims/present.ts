// A claim as its answer (views.ts) from the snapshot the machine works on, pure: the server
// adds what only it has (version, history, evidence) and sends the result through the response
// schema. Who asks decides the steps offered and what is shown: an officer sees the gateway's
// amount of a matched line; anyone but the claimant and officers sees a masked phone number.
import { maskMobile } from '../identity/phone.ts';
import { claimText, formatDhakaDay } from '../i18n/claims.ts';
import { type Locale, formatDate } from '../i18n/messages.ts';
import { refundablePoisha } from './amount.ts';
import type { ClaimRole, ClaimState } from './claimStates.ts';
import { type ClaimSnapshot, type ProgrammeFacts, claimActionsFor, claimAllowedPoisha, claimOwedPoisha } from './claimMachine.ts';
import { paymentConditions } from './conditions.ts';
import { lineEligibility } from './eligibility.ts';
import { lineReference } from './exportRows.ts';
import { type Instrument, surrenderText } from './instruments.ts';
import { type LineRole, type LineSnapshot, lineActionsFor } from './lines.ts';
import { formatTaka } from './money.ts';
import type { Eligibility, Holder, LegalHold, MoneyHeld } from './programme.ts';
import type { ClaimantDetails } from './requests.ts';
import { claimStatus } from './status.ts';
import type { ClaimLineView, ClaimStatusView, ClaimView } from './views.ts';

export function presentStatus(locale: Locale, s: ClaimSnapshot, programme: ProgrammeFacts): ClaimStatusView {
  const st = claimStatus(s, programme);
  const reason = claimText(locale, `claims.reason.${st.reason}`, st.rejectCode ? { reason: claimText(locale, `claims.reject.${st.rejectCode}`) } : {});
  const next = st.nextDate && st.nextStep ? claimText(locale, `claims.next.${st.nextStep}`, { date: formatDate(locale, st.nextDate) }) : null;
  return { ...st, nextDate: st.nextDate?.toISOString() ?? null, text: { reason, next } };
}

export function presentLine(claimNumber: string, claimState: ClaimState, l: LineSnapshot, eligibility: Eligibility, role: LineRole | null): ClaimLineView {
  return {
    id: l.id,
    no: l.no,
    reference: lineReference(claimNumber, l),
    state: l.state,
    source: l.source,
    facts: l.facts,
    refundablePoisha: refundablePoisha(l.facts),
    matched: { gateway: l.gatewayMatch !== null, merchant: l.merchantMatch !== null },
    ...(role === 'officer' ? { gatewayAmountPoisha: l.gatewayMatch?.amountPoisha ?? null } : {}),
    clearance: l.clearance,
    dispute: l.dispute ? { kind: l.dispute.kind, since: l.dispute.since, note: l.dispute.note, withClaims: l.dispute.withLineIds.length } : null,
    hold: l.hold ? { kind: l.hold.kind, reason: l.hold.reason, since: l.hold.since } : null,
    allowed: l.allowed ? { amountPoisha: l.allowed.amountPoisha, reasons: [...l.allowed.reasons] } : null,
    rejection: l.rejection,
    eligibility: lineEligibility(eligibility, l.facts),
    actions: role ? lineActionsFor(l.state, claimState, role) : [],
  };
}

export function presentInstrument(locale: Locale, i: Instrument): ClaimView['instruments'][number] {
  const cheque = i.input.kind === 'cheque' ? i.input : null;
  return {
    id: i.id,
    kind: i.input.kind,
    reference: i.input.kind === 'cheque' ? i.input.number : i.input.code,
    bank: cheque?.bank ?? null,
    facePoisha: i.input.facePoisha,
    dated: cheque?.dated ?? null,
    bounced: cheque?.bounced ?? null,
    surrender: i.surrender,
    condition: surrenderText(locale, i),
  };
}

export interface PresentClaimInput {
  readonly number: string;
  readonly version: number;
  readonly programmeId: string;
  readonly merchantName: string;
  readonly snapshot: ClaimSnapshot;
  readonly programme: ProgrammeFacts & { readonly eligibility: Eligibility };
  readonly claimant: ClaimantDetails & { readonly phone: string };
  /** Who asks: the claimant, an officer, or (for the system) nobody in particular. */
  readonly role: ClaimRole;
  readonly locale: Locale;
  readonly timeline: ClaimView['timeline'];
  readonly evidence: ClaimView['evidence'];
}

export function presentClaim(p: PresentClaimInput): ClaimView {
  const s = p.snapshot;
  const lineRole: LineRole | null = p.role === 'system' ? null : p.role;
  return {
    number: p.number,
    version: p.version,
    programmeId: p.programmeId,
    merchantName: p.merchantName,
    status: presentStatus(p.locale, s, p.programme),
    late: s.late,
    submittedAt: s.submittedAt,
    claimant: {
      name: p.claimant.name,
      district: p.claimant.district,
      address: p.claimant.address,
      phone: p.role === 'claimant' || p.role === 'officer' ? p.claimant.phone : maskMobile(p.claimant.phone),
      locale: p.claimant.locale,
    },
    lines: s.lines.map((l) => presentLine(p.number, s.state, l, p.programme.eligibility, lineRole)),
    instruments: s.instruments.map((i) => presentInstrument(p.locale, i)),
    deficiency: s.deficiency ? { items: [...s.deficiency.items], note: s.deficiency.note, noticeAt: s.deficiency.noticeAt } : null,
    determination: s.determination,
    acceptance: s.acceptance,
    contests: s.contests,
    claimedPoisha: s.lines.reduce((sum, l) => sum + refundablePoisha(l.facts), 0),
    allowedPoisha: claimAllowedPoisha(s),
    receivedPoisha: s.receivedPoisha,
    owedPoisha: claimOwedPoisha(s),
    conditions: paymentConditions(s, p.programme),
    actions: claimActionsFor(s.state, p.role),
    timeline: p.timeline,
    evidence: p.evidence,
  };
}

/** Who holds money, in words: "bKash", "Dutch-Bangla Bank account ending 1234". */
export function holderText(locale: Locale, h: Holder): string {
  switch (h.kind) {
    case 'gateway':
      return claimText(locale, `claims.gateway.${h.gateway}`);
    case 'bank_account':
      return claimText(locale, 'claims.holder.bank_account', { bank: h.bank, last4: h.accountLast4 });
    case 'other':
      return h.name;
  }
}

/** A report of money held, as the programme's page says it, with its date and source. */
export function moneyHeldText(locale: Locale, m: MoneyHeld): string {
  return claimText(locale, 'claims.money_held', { amount: formatTaka(locale, m.amountPoisha), holder: holderText(locale, m.holder), date: formatDhakaDay(locale, m.asOf), source: m.source });
}

/** A legal hold on the programme's page: its kind, since when and from what source, and its lifting. */
export function legalHoldText(locale: Locale, h: LegalHold): { title: string; since: string; lifted: string | null } {
  return {
    title: claimText(locale, `claims.legal_hold.${h.kind}`),
    since: claimText(locale, 'claims.legal_hold.since', { date: formatDhakaDay(locale, h.since), source: h.source }),
    lifted: h.lifted ? claimText(locale, 'claims.legal_hold.lifted', { date: formatDhakaDay(locale, h.lifted.on), source: h.lifted.source }) : null,
  };
}
