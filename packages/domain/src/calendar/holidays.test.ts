import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './calendar.ts';
import { describeNonWorkingDay } from './describe.ts';
import {
  type Holiday,
  CLOSES_OFFICES,
  HOLIDAY_KINDS,
  calendarFromHolidays,
  daysInRange,
  holidayFingerprint,
  holidayProblems,
  optionalHolidaysOn,
  parseShippedHolidays,
  whyNotWorking,
} from './holidays.ts';
import { CALENDAR_CATALOGUES, calendarText } from './messages.ts';
import { shippedCalendar, shippedHolidays } from './shipped.testing.ts';

const dhaka = (local: string) => new Date(`${local}:00.000+06:00`);
const holiday = (over: Partial<Holiday> = {}): Holiday => ({
  from: '2026-12-01',
  to: '2026-12-01',
  kind: 'general',
  appliesTo: null,
  nameEn: 'Test day',
  nameBn: 'পরীক্ষার দিন',
  lunar: false,
  confirmed: true,
  source: null,
  note: null,
  ...over,
});

describe('the shipped holiday data', () => {
  const all = shippedHolidays();
  const cal = shippedCalendar();
  const closed = (from: string, to: string) => daysInRange(from, to).every((d) => !isWorkingDay(d, cal));

  it('covers 2025, 2026 and 2027, each entry valid and named in both languages', () => {
    for (const year of [2025, 2026, 2027]) {
      const ofYear = all.filter((h) => h.year === year);
      assert.ok(ofYear.filter((h) => CLOSES_OFFICES[h.kind]).length >= 20, `${year}: office closures`);
      for (const h of ofYear) {
        assert.deepEqual(holidayProblems(h), [], h.key);
        assert.match(h.nameBn, /[\u0980-\u09ff]/, `${h.key}: Bengali name`);
        assert.ok(h.source && h.source.length > 20, `${h.key}: source`);
      }
    }
  });

  it('2026: offices are closed from Shab-e-Qadr on 17 March to the end of Eid on 23 March, the cabinet’s 18 March included', () => {
    assert.ok(closed('2026-03-17', '2026-03-23'));
    assert.equal(isWorkingDay('2026-03-16', cal), true);
    assert.equal(isWorkingDay('2026-03-24', cal), true);
    const added = all.find((h) => h.from === '2026-03-18');
    assert.equal(added?.kind, 'executive_order');
    assert.match(added!.source!, /Cabinet decision of 5 March 2026/);
  });

  it('has the holidays the one-day list left out, as ranges where offices close for several days', () => {
    const keys = new Set(all.map((h) => h.key));
    for (const k of ['shab-e-barat', 'shab-e-qadr', 'jumatul-bida', 'eid-ul-fitr-before', 'eid-ul-fitr-after', 'eid-ul-azha-after', 'ashura', 'eid-e-miladunnabi', 'janmashtami', 'buddha-purnima', 'durga-puja-nabami']) {
      for (const year of [2025, 2026, 2027]) assert.ok(keys.has(`${year}/${k}`), `${year}/${k}`);
    }
    assert.ok(closed('2025-03-28', '2025-04-05'), 'Eid-ul-Fitr 2025: nine days');
    assert.ok(closed('2025-06-05', '2025-06-14'), 'Eid-ul-Azha 2025: ten days');
    assert.ok(closed('2026-05-26', '2026-05-31'), 'Eid-ul-Azha 2026');
    assert.ok(all.some((h) => h.from !== h.to), 'multi-day closures are ranges');
  });

  it('the Saturdays offices were ordered open are working days; optional days do not close offices', () => {
    assert.equal(isWorkingDay('2025-05-17', cal), true);
    assert.equal(isWorkingDay('2025-05-24', cal), true);
    assert.equal(isWorkingDay('2025-05-31', cal), false, 'an ordinary Saturday');
    const optional = all.filter((h) => h.kind === 'optional');
    assert.ok(optional.length >= 5);
    for (const h of optional) {
      assert.ok(h.appliesTo, `${h.key}: who it is for`);
      if (![5, 6].includes(new Date(`${h.from}T00:00:00Z`).getUTCDay()) && !cal.holidays.has(h.from)) assert.equal(isWorkingDay(h.from, cal), true, h.key);
    }
    assert.equal(isWorkingDay('2026-02-10', cal), true, 'the election day off for industrial workers only');
    assert.deepEqual(optionalHolidaysOn('2026-02-10', cal).map((h) => h.appliesTo), ['industrial_workers']);
  });

  it('2027 is marked as expected: every lunar date unconfirmed', () => {
    const lunar2027 = all.filter((h) => h.year === 2027 && h.lunar);
    assert.ok(lunar2027.length >= 10);
    assert.ok(lunar2027.every((h) => !h.confirmed));
    assert.ok(all.filter((h) => h.year === 2027).every((h) => /No 2027 holiday list was found/.test(h.source!)));
  });

  it('refuses a malformed file: unknown source, a key of another year, a bad entry, a key twice', () => {
    const file = (entries: unknown[], sources = { s: { en: 'A notification', bn: 'একটি প্রজ্ঞাপন', reported: [] } }) => ({
      format: 2,
      about: 'x',
      years: [{ year: 2026, status: 'published', sources, unconfirmed: '', holidays: entries }],
    });
    const entry = { key: '2026/test', date: '2026-12-01', kind: 'general', en: 'Test', bn: 'পরীক্ষা', source: 's' };
    assert.equal(parseShippedHolidays(file([entry])).length, 1);
    assert.throws(() => parseShippedHolidays(file([{ ...entry, source: 'nope' }])), /unknown source/);
    assert.throws(() => parseShippedHolidays(file([{ ...entry, key: '2025/test' }])), /not in 2026/);
    assert.throws(() => parseShippedHolidays(file([{ ...entry, date: '2026-02-30' }])), /date_invalid/);
    assert.throws(() => parseShippedHolidays(file([entry, entry])), /twice/);
    assert.throws(() => parseShippedHolidays({ ...file([entry]), format: 1 }));
  });
});

describe('holidayProblems', () => {
  it('accepts a valid entry and names each broken rule', () => {
    assert.deepEqual(holidayProblems(holiday()), []);
    assert.deepEqual(holidayProblems(holiday({ from: '2026-13-01', to: '2026-13-01' })), ['date_invalid']);
    assert.deepEqual(holidayProblems(holiday({ from: '2026-12-03', to: '2026-12-01' })), ['range_reversed']);
    assert.deepEqual(holidayProblems(holiday({ to: '2027-01-01' })), ['range_too_long']);
    assert.deepEqual(holidayProblems(holiday({ to: '2026-12-31' })), [], '31 days is the longest closure');
    assert.deepEqual(holidayProblems(holiday({ nameEn: ' ', nameBn: '' })), ['name_en_missing', 'name_bn_missing']);
    assert.deepEqual(holidayProblems(holiday({ nameEn: 'x'.repeat(201) })), ['name_too_long']);
    assert.deepEqual(holidayProblems(holiday({ note: 'x'.repeat(1001) })), ['text_too_long']);
    assert.deepEqual(holidayProblems(holiday({ appliesTo: 'hindu' })), ['applies_to_only_optional']);
    assert.deepEqual(holidayProblems(holiday({ kind: 'optional', appliesTo: 'hindu' })), []);
    assert.deepEqual(holidayProblems(holiday({ kind: 'working_weekend', from: '2026-12-05', to: '2026-12-05' })), [], 'a Saturday');
    assert.deepEqual(holidayProblems(holiday({ kind: 'working_weekend' })), ['working_weekend_not_weekend'], 'a Tuesday');
    assert.deepEqual(holidayProblems(holiday({ kind: 'working_weekend', from: '2026-12-04', to: '2026-12-05' })), ['working_weekend_not_weekend']);
  });

  it('the fingerprint changes with any field and only then', () => {
    const base = holiday();
    assert.equal(holidayFingerprint(base), holidayFingerprint({ ...base }));
    for (const over of [{ to: '2026-12-02' }, { kind: 'executive_order' as const }, { nameBn: 'অন্য' }, { confirmed: false }, { note: 'n' }, { source: 's' }]) {
      assert.notEqual(holidayFingerprint({ ...base, ...over }), holidayFingerprint(base), JSON.stringify(over));
    }
  });
});

describe('a calendar built from entries', () => {
  // December 2026: Thu 24, Fri 25 (Christmas), Sat 26, Sun 27 … Thu 31; Fri 1 Jan 2027.
  const cal = calendarFromHolidays([
    holiday({ from: '2026-12-29', to: '2027-01-03', nameEn: 'Year-end closure', nameBn: 'বছর শেষের ছুটি', kind: 'executive_order' }),
    holiday({ from: '2026-12-30', to: '2026-12-30', nameEn: 'Overlapping day', nameBn: 'একই দিনের ছুটি', kind: 'general', confirmed: false }),
    holiday({ from: '2026-12-27', to: '2026-12-27', kind: 'optional', appliesTo: 'christian', nameEn: 'Optional day', nameBn: 'ঐচ্ছিক দিন' }),
    holiday({ from: '2027-01-08', to: '2027-01-08', kind: 'working_weekend', nameEn: 'Offices open', nameBn: 'অফিস খোলা' }),
  ]);

  it('a range closes every day in it, across the year boundary and over the weekend', () => {
    for (const d of daysInRange('2026-12-29', '2027-01-03')) assert.equal(isWorkingDay(d, cal), false, d);
    assert.equal(isWorkingDay('2026-12-28', cal), true);
    assert.equal(isWorkingDay('2027-01-04', cal), true);
    // Filed on Monday 28 December: Tue 29 … Sun 3 Jan are closed; Mon 4, Tue 5, Wed 6.
    assert.equal(addWorkingDays(dhaka('2026-12-28T10:00'), 3, cal), '2027-01-06');
    assert.equal(workingDaysBetween(dhaka('2026-12-28T10:00'), dhaka('2027-01-06T10:00'), cal), 3);
  });

  it('an optional day does not close offices; an ordered-open Friday is a working day', () => {
    assert.equal(isWorkingDay('2026-12-27', cal), true);
    assert.equal(isWorkingDay('2027-01-08', cal), true);
    assert.equal(isWorkingDay('2027-01-09', cal), false);
    assert.equal(addWorkingDays(dhaka('2027-01-07T10:00'), 1, cal), '2027-01-08');
  });

  it('says why a day is not a working day, in Bengali and English', () => {
    assert.equal(whyNotWorking('2027-01-04', cal), null);
    assert.deepEqual(whyNotWorking('2027-01-09', cal), { kind: 'weekend', weekday: 6 });
    const both = whyNotWorking('2026-12-30', cal);
    assert.equal(both?.kind, 'holiday');
    assert.equal(describeNonWorkingDay('en', '2027-01-09', cal), 'Saturday, the weekly holiday');
    assert.equal(describeNonWorkingDay('bn', '2027-01-09', cal), 'শনিবার, সাপ্তাহিক ছুটি');
    assert.equal(
      describeNonWorkingDay('en', '2026-12-30', cal),
      'Year-end closure (a holiday by executive order); Overlapping day (a general holiday), date not yet confirmed',
    );
    assert.equal(describeNonWorkingDay('bn', '2026-12-30', cal), 'বছর শেষের ছুটি (নির্বাহী আদেশে ছুটি); একই দিনের ছুটি (সাধারণ ছুটি), তারিখ এখনো নিশ্চিত নয়');
    // A holiday on a Friday is reported as the holiday.
    assert.equal(describeNonWorkingDay('en', '2027-01-01', cal), 'Year-end closure (a holiday by executive order)');
    assert.equal(describeNonWorkingDay('en', '2027-01-08', cal), null);
    // A calendar of bare dates still answers.
    assert.equal(describeNonWorkingDay('bn', '2026-12-01', { holidays: new Set(['2026-12-01']) }), 'সরকারি ছুটি');
  });

  it('the shipped calendar names the Eid days and Bengali readers get Bengali names', () => {
    const full = shippedCalendar();
    assert.equal(describeNonWorkingDay('en', '2026-03-21', full), 'Eid-ul-Fitr (a general holiday)');
    assert.equal(describeNonWorkingDay('bn', '2026-03-18', full), 'ঈদুল ফিতরের ছুটি (বাড়তি দিন) (নির্বাহী আদেশে ছুটি)');
    assert.match(describeNonWorkingDay('en', '2026-03-20', full)!, /Eid-ul-Fitr holiday \(days before Eid\).*Jumatul Bida/);
    assert.match(describeNonWorkingDay('en', '2027-03-10', full)!, /date not yet confirmed/);
  });

  it('every kind says whether it closes offices', () => {
    assert.deepEqual(HOLIDAY_KINDS.filter((k) => CLOSES_OFFICES[k]), ['general', 'executive_order']);
  });
});

describe('the calendar catalogue', () => {
  const { bn, en } = CALENDAR_CATALOGUES;
  const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

  it('Bengali and English have the same keys and placeholders; none is empty; Bengali is in Bengali', () => {
    assert.deepEqual(Object.keys(bn).sort(), Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      assert.deepEqual(placeholders(bn[key]), placeholders(en[key]), key);
      assert.ok(en[key].trim() && bn[key].trim(), key);
      assert.match(bn[key], /[\u0980-\u09ff]/, key);
    }
  });

  it('every problem and kind has a message', () => {
    for (const k of HOLIDAY_KINDS) assert.ok(en[`calendar.kind.${k}`] && en[`calendar.holiday.${k}`], k);
    const problems = ['date_invalid', 'range_reversed', 'range_too_long', 'name_en_missing', 'name_bn_missing', 'name_too_long', 'text_too_long', 'applies_to_only_optional', 'working_weekend_not_weekend'] as const;
    for (const p of problems) assert.ok(en[`holidays.problem.${p}`], p);
  });

  it('numbers are written in the reader’s digits', () => {
    assert.equal(calendarText('bn', 'holidays.import.line', { line: 12, problem: 'x' }), 'লাইন ১২: x');
    assert.equal(calendarText('en', 'holidays.problem.range_too_long', { max: 31 }), 'a closure can be at most 31 days long');
  });
});
