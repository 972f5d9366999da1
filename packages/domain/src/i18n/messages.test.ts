import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CATALOGUES,
  LOCALES,
  type MessageKey,
  formatBdt,
  formatDate,
  formatDateTime,
  formatNumber,
  hasMessage,
  negotiateLocale,
  smsSegments,
  t,
  toBengaliDigits,
  toWesternDigits,
} from './messages.ts';
import { assertFitsSms, dueAlternatives, longestDateTime } from './sms.testing.ts';
import { en } from './en.ts';
import { bn } from './bn.ts';
import { type NotifyIntent, type Snapshot, INITIAL_SNAPSHOT, ON_ENTER, TRANSITIONS, clockFor } from '../lifecycle/machine.ts';
import { DEFAULT_SETTINGS } from '../lifecycle/settings.ts';
import { STATES } from '../lifecycle/states.ts';
import { ACTIONS } from '../lifecycle/actions.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('bn and en have exactly the same keys', () => {
    assert.deepEqual(Object.keys(bn).sort(), Object.keys(en).sort());
  });

  it('each key has the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      assert.deepEqual([...new Set(placeholders(bn[key]))], [...new Set(placeholders(en[key]))], key);
    }
  });

  it('no message is empty or only spaces, and none has a broken placeholder', () => {
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(CATALOGUES[locale])) {
        assert.ok(text.trim().length > 0, `${locale} ${key} is empty`);
        assert.doesNotMatch(text.replace(/\{\w+\}/g, ''), /[{}]/, `${locale} ${key} has a stray brace`);
      }
    }
  });

  it('the Bengali catalogue is in Bengali', () => {
    for (const [key, text] of Object.entries(bn)) {
      if (key.startsWith('error.malformed_json')) continue;
      assert.match(text, /[\u0980-\u09ff]/, key);
    }
  });

  it('hasMessage tells real keys from others', () => {
    assert.equal(hasMessage('state.closed'), true);
    assert.equal(hasMessage('state.nope'), false);
    assert.equal(hasMessage('toString'), false);
  });

  it('t fills placeholders, writes numbers in the locale digits and leaves unknown ones visible', () => {
    assert.equal(t('en', 'error.otp_invalid', { left: 2 }), 'The code is not correct. 2 tries left.');
    assert.equal(t('bn', 'error.otp_invalid', { left: 2 }), 'কোডটি সঠিক নয়। আর ২ বার চেষ্টা করতে পারবেন।');
    assert.equal(t('en', 'error.evidence_too_large'), 'Each file can be at most {mb} MB.');
    assert.equal(t('bn', 'error.duplicate_complaint', { code: '123-456-7890' }), 'এই অর্ডার নিয়ে আপনার একটি অভিযোগ চলমান আছে: 123-456-7890।');
  });

  it('every state, guard, outcome and hearing mode has a label', () => {
    for (const s of STATES) assert.ok(hasMessage(`state.${s}`), s);
    assert.ok(hasMessage('outcome.upheld') && hasMessage('outcome.dismissed'));
    assert.ok(hasMessage('hearing.online') && hasMessage('hearing.in_person'));
  });
});

// ---------------------------------------------------------------------------------------------
// Every notification the lifecycle can send must have a message for its audience.

function intentsUsed(): NotifyIntent[] {
  const out: NotifyIntent[] = [{ to: 'consumer', template: 'filed' }]; // sent by the server on filing
  for (const s of STATES) out.push(...ON_ENTER[s]);
  for (const a of ACTIONS) {
    const n = TRANSITIONS[a].notify;
    if (n && typeof n !== 'function') out.push(...n);
  }
  // The notices that depend on the case (a late answer, a case raised to the office above, a
  // party who missed a hearing).
  out.push(
    { to: 'consumer', template: 'late_answer' },
    { to: 'office', template: 'late_answer_office' },
    { to: 'office', template: 'raised_to_head' },
    { to: 'office', template: 'regulator_overdue' },
    { to: 'consumer', template: 'regulator_late' },
    { to: 'consumer', template: 'hearing_second_notice' },
    { to: 'merchant', template: 'hearing_second_notice' },
  );
  const now = new Date('2026-03-01T04:00:00Z');
  for (const state of STATES) {
    const snap: Snapshot = { ...INITIAL_SNAPSHOT, merchantReachable: true, state };
    const clock = clockFor(state, snap, { now, role: 'system', settings: DEFAULT_SETTINGS, calendar: { holidays: new Set() } });
    for (const r of clock?.reminders ?? []) out.push(r.notify);
  }
  // 'party' means whichever side was asked: both need the message.
  return out.flatMap((i) => (i.to === 'party' ? [{ ...i, to: 'consumer' as const }, { ...i, to: 'merchant' as const }] : [i]));
}

describe('notification messages', () => {
  const used = intentsUsed();

  it('the reminders are part of what is checked', () => {
    const templates = new Set(used.map((i) => i.template));
    for (const tpl of ['merchant_reminder', 'deemed_accept_soon', 'confirm_remedy_soon', 'escalated_office', 'regulator_overdue']) {
      assert.ok(templates.has(tpl as NotifyIntent['template']), tpl);
    }
  });

  it('every intent has a message for its audience', () => {
    for (const { to, template } of used) {
      const base = `notify.${to}.${template}`;
      if (to === 'consumer') {
        const sms = hasMessage(`${base}.sms`);
        const mail = hasMessage(`${base}.subject`) && hasMessage(`${base}.body`);
        assert.ok(sms || mail, `${base}: neither SMS nor e-mail`);
        if (!sms) assert.ok(hasMessage(`${base}.subject`) && hasMessage(`${base}.body`), base);
      } else {
        assert.ok(hasMessage(`${base}.subject`), `${base}.subject missing`);
        assert.ok(hasMessage(`${base}.body`), `${base}.body missing`);
      }
    }
  });

  it('an e-mail subject never comes without a body, or the other way round', () => {
    for (const key of Object.keys(en)) {
      const m = /^(notify\.\w+\.\w+)\.(subject|body)$/.exec(key);
      if (!m) continue;
      assert.ok(hasMessage(`${m[1]}.subject`) && hasMessage(`${m[1]}.body`), m[1]);
    }
  });

  it('every SMS, in both languages, fits in two segments with worst-case values', () => {
    const smsKeys = (Object.keys(en) as MessageKey[]).filter((k) => k.endsWith('.sms'));
    assert.ok(smsKeys.length >= 10);
    for (const locale of LOCALES) {
      const params = {
        code: '123-456-7890',
        merchant: 'Evaly Bangladesh Li…', // names are cut to 20 characters
        url: 'https://nalish.gov.bd/t/123-456-7890',
        hearing: longestDateTime(locale),
        place: locale === 'bn' ? 'জাতীয় ভোক্তা অধিকার সংরক্ষণ অধিদপ্তর, ঢাকা'.slice(0, 40) : 'DNCRP, TCB Bhaban, 1 Kawran Bazar, Dhaka',
        outcome: [t(locale, 'outcome.upheld'), t(locale, 'outcome.dismissed')].sort((a, b) => b.length - a.length)[0]!,
        mode: t(locale, 'hearing.in_person'),
        otp: '123456',
        since: longestDateTime(locale),
      };
      assert.equal([...params.merchant].length, 20);
      assert.ok([...params.place].length <= 40);
      for (const key of smsKeys) {
        for (const due of dueAlternatives(locale)) assertFitsSms(t(locale, key, { ...params, due }), `${locale} ${key}`);
      }
    }
  });

  it('smsSegments counts GSM-7 and UCS-2 segments', () => {
    assert.equal(smsSegments('a'.repeat(160)), 1);
    assert.equal(smsSegments('a'.repeat(161)), 2);
    assert.equal(smsSegments('a'.repeat(306)), 2);
    assert.equal(smsSegments('a'.repeat(307)), 3);
    assert.equal(smsSegments('অ'.repeat(70)), 1);
    assert.equal(smsSegments('অ'.repeat(71)), 2);
    assert.equal(smsSegments('অ'.repeat(134)), 2);
    assert.equal(smsSegments('অ'.repeat(135)), 3);
    // One non-ASCII character makes the whole text Unicode.
    assert.equal(smsSegments(`${'a'.repeat(100)}…`), 2);
  });
});

describe('negotiateLocale', () => {
  it('defaults to Bengali', () => {
    for (const h of [undefined, null, '', '*', 'fr-FR,de;q=0.8', 'garbage;;']) assert.equal(negotiateLocale(h), 'bn', String(h));
  });
  it('picks English for English browsers', () => {
    assert.equal(negotiateLocale('en-US,en;q=0.9'), 'en');
    assert.equal(negotiateLocale('EN-gb'), 'en');
    assert.equal(negotiateLocale('fr-FR, en;q=0.5'), 'en');
  });
  it('honours q-values', () => {
    assert.equal(negotiateLocale('en;q=0.4, bn;q=0.8'), 'bn');
    assert.equal(negotiateLocale('bn;q=0.3, en;q=0.9'), 'en');
    assert.equal(negotiateLocale('bn-BD,bn;q=0.9,en-US;q=0.8'), 'bn');
    assert.equal(negotiateLocale('en;q=0, bn;q=0.1'), 'bn');
  });
});

describe('formatting', () => {
  it('formatBdt writes taka with the locale digits', () => {
    assert.equal(formatBdt('bn', 1500), '৳১,৫০০');
    assert.equal(formatBdt('en', 1500), '৳1,500');
    assert.equal(formatBdt('en', 0), '৳0');
    assert.equal(formatBdt('bn', 250000).replace(/[^০-৯]/g, ''), '২৫০০০০');
  });

  it('formatNumber uses Bengali digits for bn', () => {
    assert.match(formatNumber('bn', 1234567), /^[০-৯,]+$/);
    assert.equal(toWesternDigits(formatNumber('bn', 42)), '42');
  });

  it('formatDate shows the Dhaka date, which is already the next day at 18:00 UTC', () => {
    const beforeMidnight = new Date('2026-09-27T17:59:00Z'); // 23:59 in Dhaka
    const afterMidnight = new Date('2026-09-27T18:01:00Z'); // 00:01 on the 28th in Dhaka
    assert.equal(formatDate('en', beforeMidnight), '27 Sept 2026');
    assert.equal(formatDate('en', afterMidnight), '28 Sept 2026');
    assert.match(formatDate('bn', afterMidnight), /^২৮ /);
    assert.match(formatDate('bn', beforeMidnight), /^২৭ /);
    assert.match(formatDate('bn', afterMidnight), /২০২৬/);
    assert.doesNotMatch(formatDate('bn', afterMidnight), /[0-9]/);
  });

  it('formatDateTime shows Dhaka wall-clock time', () => {
    const at = new Date('2026-03-12T05:00:00Z'); // 11:00 Dhaka
    assert.match(formatDateTime('en', at), /12 Mar 2026.*11:00/);
    assert.match(formatDateTime('bn', at), /১১:০০/);
  });

  it('formatDateTime in Bengali says the part of the day before the time, and "রাত", so "…-এর মধ্যে" reads right', () => {
    const night = new Date('2026-11-22T17:59:00Z'); // 23:59 Dhaka
    assert.equal(formatDateTime('bn', night).endsWith('রাত ১১:৫৯'), true, formatDateTime('bn', night));
    assert.doesNotMatch(formatDateTime('bn', night), /রাত্রি/);
    assert.match(formatDateTime('bn', new Date('2026-11-22T04:00:00Z')), /সকাল ১০:০০$/);
    assert.doesNotMatch(formatDateTime('bn', night), /[0-9]/);
  });

  it('toBengaliDigits and toWesternDigits round-trip', () => {
    assert.equal(toBengaliDigits('017-1234 5678'), '০১৭-১২৩৪ ৫৬৭৮');
    assert.equal(toWesternDigits('০১৭-১২৩৪ ৫৬৭৮'), '017-1234 5678');
    assert.equal(toWesternDigits('٠١٢٣٤٥٦٧٨٩'), '0123456789');
    fc.assert(
      fc.property(fc.string(), (s) => {
        assert.equal(toWesternDigits(toBengaliDigits(s)), toWesternDigits(s));
        const western = s.replace(/[\u0660-\u0669\u09e6-\u09ef]/g, '');
        assert.equal(toWesternDigits(toBengaliDigits(western)), western);
        assert.doesNotMatch(toBengaliDigits(s), /[0-9]/);
      }),
    );
  });
});
