import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CLAIM_CATALOGUES, type ClaimMessageKey, claimText, hasClaimMessage } from './claims.ts';
import { claimsBn } from './claims.bn.ts';
import { claimsEn } from './claims.en.ts';
import { LOCALES, formatDate, toBengaliDigits } from './messages.ts';
import { assertFitsSms } from './sms.testing.ts';
import { CLAIM_OWNERS, CLAIM_PHASES, CLAIM_REJECT_CODES, CLAIM_STATES, MISSING_ITEMS } from '../claims/claimStates.ts';
import { CLAIMANT_TEMPLATES, CLAIM_CLOCK_STEPS, OFFICE_TEMPLATES, type ClaimGuard } from '../claims/claimMachine.ts';
import { CONDITION_KINDS } from '../claims/conditions.ts';
import { INSTRUMENT_KINDS } from '../claims/instruments.ts';
import { LINE_PROBLEMS } from '../claims/lineFacts.ts';
import { ALLOW_REASONS, DISPUTE_KINDS, LINE_HOLD_KINDS, LINE_REJECT_CODES, LINE_STATES, type LineGuard } from '../claims/lines.ts';
import { LEGAL_HOLD_KINDS, PROGRAMME_STATES, type ProgrammeGuard } from '../claims/programme.ts';
import { type DeterminationReason, MAX_SENDER_ID_LENGTH, claimOfficeEmail, claimSms, smsTaka } from '../claims/sms.ts';
import { CLAIM_REASONS } from '../claims/status.ts';
import { DELIVERY, GATEWAYS } from '../claims/vocabulary.ts';

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('the claims catalogue', () => {
  it('bn and en have the same keys and the same placeholders; none is empty', () => {
    assert.deepEqual(Object.keys(claimsBn).sort(), Object.keys(claimsEn).sort());
    for (const key of Object.keys(claimsEn) as ClaimMessageKey[]) {
      assert.deepEqual(placeholders(claimsBn[key]), placeholders(claimsEn[key]), key);
      for (const l of LOCALES) assert.ok(CLAIM_CATALOGUES[l][key].trim().length > 0, `${l} ${key}`);
    }
  });

  it('the Bengali catalogue is in Bengali (brand names of gateways aside)', () => {
    for (const [key, text] of Object.entries(claimsBn)) assert.match(text, /[\u0980-\u09ff]/, key);
  });

  it('every state, reason, code, kind and guard has a label in both languages', () => {
    const guards: { claim: ClaimGuard[]; line: LineGuard[]; programme: ProgrammeGuard[] } = {
      claim: ['programme_closed', 'no_lines', 'lines_incomplete', 'disputes_open', 'lines_undecided', 'line_decision', 'unknown_line', 'contests_used', 'determined_before', 'above_owed', 'nothing_received'],
      line: ['above_refundable', 'facts_invalid', 'hold_is_police_objection', 'clearance_required'],
      programme: ['narrows_eligibility', 'hold_not_active', 'lift_before_hold', 'window_not_later', 'window_open', 'payments_stayed', 'claims_open'],
    };
    const keys = [
      ...PROGRAMME_STATES.map((s) => `claims.programme_state.${s}`),
      ...CLAIM_STATES.map((s) => `claims.state.${s}`),
      ...LINE_STATES.map((s) => `claims.line_state.${s}`),
      ...CLAIM_OWNERS.map((s) => `claims.owner.${s}`),
      ...CLAIM_PHASES.map((s) => `claims.phase.${s}`),
      ...CLAIM_REASONS.map((s) => `claims.reason.${s}`),
      ...CLAIM_CLOCK_STEPS.map((s) => `claims.next.${s}`),
      ...CLAIM_REJECT_CODES.map((s) => `claims.reject.${s}`),
      ...LINE_REJECT_CODES.map((s) => `claims.line_reject.${s}`),
      ...ALLOW_REASONS.map((s) => `claims.allow_reason.${s}`),
      ...MISSING_ITEMS.map((s) => `claims.missing.${s}`),
      ...DISPUTE_KINDS.map((s) => `claims.dispute.${s}`),
      ...LINE_HOLD_KINDS.map((s) => `claims.line_hold.${s}`),
      ...LEGAL_HOLD_KINDS.map((s) => `claims.legal_hold.${s}`),
      ...GATEWAYS.map((s) => `claims.gateway.${s}`),
      ...DELIVERY.map((s) => `claims.delivered.${s}`),
      ...CONDITION_KINDS.map((s) => `claims.condition.${s}`),
      ...INSTRUMENT_KINDS.map((s) => `claims.instrument.${s}`),
      ...LINE_PROBLEMS.map((s) => `claims.problem.${s}`),
      ...guards.claim.map((g) => `claims.guard.claim.${g}`),
      ...guards.line.map((g) => `claims.guard.line.${g}`),
      ...guards.programme.map((g) => `claims.guard.programme.${g}`),
    ];
    for (const k of keys) assert.ok(hasClaimMessage(k), k);
  });
});

// ---------------------------------------------------------------------------------------------
// SMS: within two segments, naming the claim, "never a PIN or a fee" and the only sender id.

/** The longest due date and the longest allowed amount a claim can show (50 lines of Tk 1 crore would be absurd; one crore with poisha is the worst a person sees). */
const WORST = { claim: '123-456-7890', site: 'nalish.gov.bd', amountPoisha: 12_345_678_50 } as const;
const SENDERS = ['NALISH', 'X'.repeat(MAX_SENDER_ID_LENGTH)];
const ALL_REASONS: DeterminationReason[] = [...ALLOW_REASONS.map((code) => ({ kind: 'allow' as const, code })), ...LINE_REJECT_CODES.map((code) => ({ kind: 'reject' as const, code }))];

describe('claim SMS', () => {
  it('every claimant template, in both languages, with the worst values, fits two segments and says what it must', () => {
    for (const locale of LOCALES) {
      for (const sender of SENDERS) {
        for (const template of CLAIMANT_TEMPLATES) {
          for (const items of [[...MISSING_ITEMS], ['payer_account' as const]]) {
            for (const reasons of [ALL_REASONS, ALL_REASONS.slice(0, 1)]) {
              const text = claimSms(locale, template, { ...WORST, sender, due: new Date('2026-09-28T06:00:00Z'), items, reasons, rejectCode: 'deficiency_not_cured' });
              const where = `${locale} ${template} (${sender}, ${items.length} items, ${reasons.length} reasons)`;
              assertFitsSms(text, where);
              assert.ok(text.includes(sender), `${where}: names the sender id`);
              assert.match(text, locale === 'bn' ? /পিন\/ফি/ : /never asks for a PIN or a fee/, `${where}: never a PIN or a fee`);
              if (template !== 'claim_draft_reminder') assert.ok(text.includes(locale === 'bn' ? toBengaliDigits(WORST.claim) : WORST.claim), `${where}: the claim number`);
              if (template !== 'claim_received' && template !== 'claim_rejected') assert.ok(text.includes(formatDate(locale, new Date('2026-09-28T06:00:00Z'))), `${where}: by when`);
            }
          }
        }
      }
    }
  });

  it('the fixed words of each Bengali SMS leave room for the worst values, whatever date format the ICU data prints', () => {
    // The longest values: claim number, amount (Tk 1 crore with poisha), a date as an older ICU
    // prints it, the site, an 11-character sender, and a list (or a rejection's reason) cut to
    // one letter and a count: the renderer shortens those, and only those, to fit.
    const worst: Record<string, number> = { claim: 12, amount: 16, due: [...'২৮ সেপ্টে, ২০২৬'].length, site: WORST.site.length, sender: MAX_SENDER_ID_LENGTH, items: 7, reasons: 7, reason: 7 };
    for (const template of CLAIMANT_TEMPLATES) {
      const text = claimsBn[`claims.sms.${template}`];
      const fixed = [...text.replace(/\{\w+\}/g, '')].length;
      const variable = placeholders(text).reduce((sum, p) => sum + (worst[p!] ?? assert.fail(`${template}: no worst length for {${p}}`)), 0);
      assert.ok(fixed + variable <= 134, `${template}: ${fixed} fixed + ${variable} variable characters > 134`);
    }
  });

  it('every date of the year fits (the 28th of each month, the longest day number)', () => {
    for (const locale of LOCALES) {
      for (let m = 0; m < 12; m++) {
        const due = new Date(Date.UTC(2026, m, 28, 6));
        for (const template of CLAIMANT_TEMPLATES) {
          const text = claimSms(locale, template, { ...WORST, sender: SENDERS[1]!, due, items: [...MISSING_ITEMS], reasons: ALL_REASONS, rejectCode: 'not_a_customer' });
          assertFitsSms(text, `${locale} ${template} due ${formatDate(locale, due)}`);
          assert.ok(text.includes(formatDate(locale, due)) || template === 'claim_received' || template === 'claim_rejected', `${locale} ${template}: by when`);
        }
      }
    }
  });

  it('deficient: says what is missing and by when; a long list is shortened with the count of the rest', () => {
    const one = claimSms('bn', 'claim_deficient', { ...WORST, sender: 'NALISH', due: new Date('2026-04-06T17:00:00Z'), items: ['transaction_id'] });
    assert.match(one, /লেনদেন নম্বর/);
    assert.ok(one.includes(formatDate('bn', new Date('2026-04-06T17:00:00Z'))), one);
    const many = claimSms('bn', 'claim_deficient', { ...WORST, sender: 'X'.repeat(11), due: new Date('2026-04-06T17:00:00Z'), items: [...MISSING_ITEMS] });
    assert.match(many, /পরিশোধের প্রমাণ.* \+[০-৯]+/);
    const en = claimSms('en', 'claim_deficient', { ...WORST, sender: 'NALISH', due: new Date('2026-04-06T17:00:00Z'), items: ['transaction_id', 'proof_of_payment'] });
    assert.equal(en, 'Nalish claim 123-456-7890: by 6 Apr 2026 add at nalish.gov.bd: transaction id, proof of payment. Nalish never asks for a PIN or a fee; SMS only from NALISH.');
  });

  it('determined: the amount and the reasons (each label in full for an ordinary claim), accept or contest by when', () => {
    for (const r of ALL_REASONS) {
      const text = claimSms('bn', 'claim_determined', { ...WORST, sender: 'NALISH', amountPoisha: 85_500_00, due: new Date('2026-09-28T06:00:00Z'), reasons: [r] });
      const label = claimText('bn', r.kind === 'allow' ? `claims.allow_reason.${r.code}` : `claims.line_reject.${r.code}`);
      assert.ok(text.includes(`(${label})`), `${r.code}: ${text}`);
      assert.ok(text.includes('৳৮৫,৫০০'), text);
      assertFitsSms(text, r.code);
    }
    const en = claimSms('en', 'claim_determined', { ...WORST, sender: 'NALISH', amountPoisha: 85_550_50, due: new Date('2026-09-28T06:00:00Z'), reasons: ALL_REASONS.slice(0, 2) });
    assert.equal(en, "Nalish claim 123-456-7890: Tk 85,550.50 allowed (matched the gateway's list, matched the merchant's list). Accept or contest by 28 Sept 2026. Nalish never asks for a PIN or a fee; SMS only from NALISH.");
  });

  it('rejected: the reason code in words, in full for every code with the usual sender', () => {
    for (const code of CLAIM_REJECT_CODES) {
      for (const locale of LOCALES) {
        const text = claimSms(locale, 'claim_rejected', { ...WORST, sender: 'NALISH', rejectCode: code });
        assert.ok(text.includes(claimText(locale, `claims.reject.${code}`)), `${locale} ${code}: ${text}`);
        assertFitsSms(text, code);
      }
    }
  });

  it('a label cut to fit is cut between letters, never inside a Bengali conjunct', () => {
    const text = claimSms('bn', 'claim_determined', { ...WORST, sender: 'X'.repeat(11), due: new Date('2026-09-28T06:00:00Z'), reasons: [{ kind: 'reject', code: 'belongs_to_another_claim' }, ...ALL_REASONS] });
    assertFitsSms(text, 'cut');
    assert.doesNotMatch(text, /\u09cd…/, 'no virama before the ellipsis');
  });

  it('English SMS stay in the GSM-7 alphabet (no ৳, no curly quotes), so they are not sent as Unicode', () => {
    for (const template of CLAIMANT_TEMPLATES) {
      const text = claimSms('en', template, { ...WORST, sender: 'NALISH', due: new Date('2026-09-28T06:00:00Z'), items: [...MISSING_ITEMS], reasons: ALL_REASONS, rejectCode: 'false_claim' });
      assert.match(text, /^[\x20-\x7e\n]*$/, `${template}: ${text}`);
    }
    assert.equal(smsTaka('en', 1_234_567_850), 'Tk 12,345,678.50', 'the same grouping as every English amount (formatBdt)');
    assert.equal(smsTaka('en', 100_000), 'Tk 1,000');
  });

  it('office e-mails about overdue claims, in both languages', () => {
    for (const locale of LOCALES) {
      for (const template of OFFICE_TEMPLATES) {
        const m = claimOfficeEmail(locale, template, { claim: WORST.claim, merchant: 'Alesha Mart', url: 'https://nalish.gov.bd/regulator/claims/123-456-7890', due: new Date('2026-09-28T06:00:00Z'), amountPoisha: 85_500_00 });
        assert.doesNotMatch(m.subject + m.body, /\{\w+\}/, `${locale} ${template}`);
        assert.ok(m.body.includes('Alesha Mart'));
      }
    }
  });
});
