// The messages a claim sends, rendered in the reader's language: an SMS to the claimant at
// each step (received, deficient, determined, rejected, and the reminders), an e-mail to the
// programme's office when a claim is overdue.
//
// Every SMS fits two segments (a Bengali one: 134 characters), names the claim, says that
// Nalish never asks for a PIN or a fee, and names the one sender id. It names the site, not a
// long link: shorter, and it teaches people the one genuine address. Only the lists (what is
// missing, the reasons) vary in length; they are shortened ("transaction id +2") until the text
// fits, and the page shows them in full. Bengali readers get Bengali digits; English texts stay
// in the GSM-7 alphabet ("Tk", "...").
import { type ClaimMessageKey, claimText } from '../i18n/claims.ts';
import { type Locale, type Params, formatDate, formatNumber, smsSegments, toBengaliDigits } from '../i18n/messages.ts';
import type { ClaimantTemplate, OfficeTemplate } from './claimMachine.ts';
import type { ClaimRejectCode, MissingItem } from './claimStates.ts';
import type { AllowReason, LineRejectCode, LineSnapshot } from './lines.ts';
import { POISHA_PER_TAKA, formatTaka } from './money.ts';

export const SMS_MAX_SEGMENTS = 2;
/** An alphanumeric SMS sender id has at most 11 characters (GSM 03.38). */
export const MAX_SENDER_ID_LENGTH = 11;

export const CLAIMANT_SMS: Record<ClaimantTemplate, ClaimMessageKey> = {
  claim_draft_reminder: 'claims.sms.claim_draft_reminder',
  claim_received: 'claims.sms.claim_received',
  claim_deficient: 'claims.sms.claim_deficient',
  claim_cure_reminder: 'claims.sms.claim_cure_reminder',
  claim_determined: 'claims.sms.claim_determined',
  claim_answer_reminder: 'claims.sms.claim_answer_reminder',
  claim_rejected: 'claims.sms.claim_rejected',
};

export const OFFICE_EMAIL: Record<OfficeTemplate, { subject: ClaimMessageKey; body: ClaimMessageKey }> = {
  claim_review_overdue: { subject: 'claims.email.claim_review_overdue.subject', body: 'claims.email.claim_review_overdue.body' },
  claim_payment_overdue: { subject: 'claims.email.claim_payment_overdue.subject', body: 'claims.email.claim_payment_overdue.body' },
};

/** A reason given in a determination: why a line was allowed, or why it was rejected. */
export type DeterminationReason = { readonly kind: 'allow'; readonly code: AllowReason } | { readonly kind: 'reject'; readonly code: LineRejectCode };

/** The distinct reasons of a claim's decided lines, allowed ones first. */
export function determinationReasons(lines: readonly LineSnapshot[]): DeterminationReason[] {
  const out = new Map<string, DeterminationReason>();
  for (const l of lines) if (l.allowed && !l.rejection) for (const code of l.allowed.reasons) out.set(`allow:${code}`, { kind: 'allow', code });
  for (const l of lines) if (l.rejection) out.set(`reject:${l.rejection.code}`, { kind: 'reject', code: l.rejection.code });
  return [...out.values()];
}

export interface ClaimSmsInput {
  /** The claim number, as issued (digits and dashes). */
  readonly claim: string;
  /** The host of the public site, e.g. nalish.gov.bd (siteOf). */
  readonly site: string;
  readonly sender: string;
  readonly due?: Date | null;
  readonly items?: readonly MissingItem[];
  readonly amountPoisha?: number;
  readonly reasons?: readonly DeterminationReason[];
  readonly rejectCode?: ClaimRejectCode;
}

/** The host of the public address: https://nalish.gov.bd/ → nalish.gov.bd. */
export function siteOf(publicUrl: string): string {
  return new URL(publicUrl).host;
}

/** Taka in an SMS: ৳১,০৫০.৫০ in Bengali; Tk 1,050.50 in English (৳ would make the SMS Unicode). */
export function smsTaka(locale: Locale, poisha: number): string {
  if (locale === 'bn') return formatTaka('bn', poisha);
  const whole = poisha % POISHA_PER_TAKA === 0;
  return `Tk ${new Intl.NumberFormat('en-GB', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(poisha / POISHA_PER_TAKA)}`;
}

const ELLIPSIS: Record<Locale, string> = { bn: '…', en: '...' };

/** A list shortened to its first `keep` labels and a count of the rest: "transaction id +2". */
function shortList(locale: Locale, labels: readonly string[], keep: number): string {
  const shown = labels.slice(0, keep).join(', ');
  return keep < labels.length ? `${shown} +${formatNumber(locale, labels.length - keep)}` : shown;
}

/** The SMS for a claimant, within SMS_MAX_SEGMENTS: lists shortened first, then the one label cut. */
export function claimSms(locale: Locale, template: ClaimantTemplate, input: ClaimSmsInput): string {
  const key = CLAIMANT_SMS[template];
  const label = (k: ClaimMessageKey) => claimText(locale, k);
  const base: Record<string, string> = {
    claim: locale === 'bn' ? toBengaliDigits(input.claim) : input.claim,
    site: input.site,
    sender: input.sender,
  };
  if (input.due) base.due = formatDate(locale, input.due);
  if (input.amountPoisha !== undefined) base.amount = smsTaka(locale, input.amountPoisha);
  // The one free-length part of this template, if any: a list, or the one reason of a rejection.
  const list =
    template === 'claim_deficient'
      ? { name: 'items', labels: (input.items ?? []).map((i) => label(`claims.missing.${i}`)) }
      : template === 'claim_determined'
        ? { name: 'reasons', labels: (input.reasons ?? []).map((r) => label(r.kind === 'allow' ? `claims.allow_reason.${r.code}` : `claims.line_reject.${r.code}`)) }
        : template === 'claim_rejected'
          ? { name: 'reason', labels: [label(`claims.reject.${input.rejectCode ?? 'other'}`)] }
          : null;
  const render = (p: Params) => claimText(locale, key, p);
  if (!list) return render(base);
  let text = '';
  for (let keep = list.labels.length; keep >= 1; keep--) {
    text = render({ ...base, [list.name]: shortList(locale, list.labels, keep) });
    if (smsSegments(text) <= SMS_MAX_SEGMENTS) return text;
  }
  // Even one label is too long: cut it (whole words first, then whole letters, never inside a
  // conjunct), keeping the count of the others.
  for (const cut of cuts(locale, list.labels[0] ?? '')) {
    text = render({ ...base, [list.name]: shortList(locale, [cut, ...list.labels.slice(1)], 1) });
    if (smsSegments(text) <= SMS_MAX_SEGMENTS) return text;
  }
  return text;
}

/** Ever shorter forms of a label, ending in an ellipsis: fewer words, then fewer letters of the first. */
function cuts(locale: Locale, label: string): string[] {
  const out: string[] = [];
  const words = label.split(' ');
  for (let n = words.length - 1; n >= 1; n--) out.push(`${words.slice(0, n).join(' ')}${ELLIPSIS[locale]}`);
  // Letters as a reader sees them (grapheme clusters): a Bengali conjunct is never split.
  const letters = [...new Intl.Segmenter(locale, { granularity: 'grapheme' }).segment(words[0] ?? '')].map((g) => g.segment);
  for (let n = letters.length - 1; n >= 1; n--) out.push(`${letters.slice(0, n).join('')}${ELLIPSIS[locale]}`);
  return out;
}

export interface OfficeEmailInput {
  readonly claim: string;
  readonly merchant: string;
  readonly url: string;
  readonly due?: Date | null;
  readonly amountPoisha?: number;
}

/** The e-mail to the programme's office about one claim. */
export function claimOfficeEmail(locale: Locale, template: OfficeTemplate, input: OfficeEmailInput): { subject: string; body: string } {
  const p: Record<string, string> = { claim: input.claim, merchant: input.merchant, url: input.url };
  if (input.due) p.due = formatDate(locale, input.due);
  if (input.amountPoisha !== undefined) p.amount = formatTaka(locale, input.amountPoisha);
  const keys = OFFICE_EMAIL[template];
  return { subject: claimText(locale, keys.subject, p), body: claimText(locale, keys.body, p) };
}

/** The notice every claims page shows: Nalish never asks for a PIN, a wallet OTP or a fee, and its one sender id. */
export const noPinNoFeeNotice = (locale: Locale, sender: string): string => claimText(locale, 'claims.notice.no_pin_no_fee', { sender });
