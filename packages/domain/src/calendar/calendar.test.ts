import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  type WorkingCalendar,
  addCalendarDays,
  addWorkingDays,
  calendarDaysBetween,
  dhakaDate,
  dhakaTimeOn,
  endOfDhakaDate,
  isWorkingDay,
  previousWorkingDayOnOrBefore,
  shiftDate,
  startOfDhakaDate,
  workingDaysBetween,
} from './calendar.ts';

// March 2026: Sun 1, Thu 5, Fri 6, Sat 7, Sun 8 … Thu 19, Fri 20 … Thu 26 (Independence Day).
const NONE: WorkingCalendar = { holidays: new Set() };
const at = (iso: string) => new Date(iso);
/** An instant given in Dhaka wall-clock time ('2026-03-01T23:59'). */
const dhaka = (local: string) => new Date(`${local}:00.000+06:00`);

describe('Dhaka dates and instants', () => {
  it('a Dhaka day starts at 18:00 UTC the day before and ends at 17:59:59.999 UTC', () => {
    assert.equal(startOfDhakaDate('2026-03-04').toISOString(), '2026-03-03T18:00:00.000Z');
    assert.equal(endOfDhakaDate('2026-03-04').toISOString(), '2026-03-04T17:59:59.999Z');
    assert.equal(endOfDhakaDate('2026-12-31').toISOString(), '2026-12-31T17:59:59.999Z');
  });

  it('dhakaDate switches at Dhaka midnight, not UTC midnight', () => {
    assert.equal(dhakaDate(at('2026-03-01T17:59:59.999Z')), '2026-03-01');
    assert.equal(dhakaDate(at('2026-03-01T18:00:00.000Z')), '2026-03-02');
    assert.equal(dhakaDate(dhaka('2026-03-01T23:59')), '2026-03-01');
    assert.equal(dhakaDate(dhaka('2026-03-02T00:01')), '2026-03-02');
    // New Year in Dhaka while it is still the old year in UTC.
    assert.equal(dhakaDate(at('2025-12-31T19:00:00Z')), '2026-01-01');
  });

  it('dhakaTimeOn gives a wall-clock time in Dhaka', () => {
    assert.equal(dhakaTimeOn('2026-03-04', 10).toISOString(), '2026-03-04T04:00:00.000Z');
    assert.equal(dhakaTimeOn('2026-03-04', 0).toISOString(), '2026-03-03T18:00:00.000Z');
    assert.equal(dhakaTimeOn('2026-03-04', 9, 30).toISOString(), '2026-03-04T03:30:00.000Z');
  });

  it('rejects something that is not a date', () => {
    assert.throws(() => startOfDhakaDate('not-a-date'), RangeError);
    assert.throws(() => endOfDhakaDate('2026-13-45'), RangeError);
    assert.throws(() => shiftDate('yesterday', 1), RangeError);
  });
});

describe('isWorkingDay', () => {
  it('Friday and Saturday are off by default, Sunday–Thursday are working days', () => {
    assert.equal(isWorkingDay('2026-03-01', NONE), true); // Sun
    assert.equal(isWorkingDay('2026-03-05', NONE), true); // Thu
    assert.equal(isWorkingDay('2026-03-06', NONE), false); // Fri
    assert.equal(isWorkingDay('2026-03-07', NONE), false); // Sat
  });
  it('a public holiday is not a working day', () => {
    assert.equal(isWorkingDay('2026-03-26', { holidays: new Set(['2026-03-26']) }), false);
  });
  it('a custom weekend is honoured', () => {
    const sundayOff: WorkingCalendar = { holidays: new Set(), weekend: [0] };
    assert.equal(isWorkingDay('2026-03-01', sundayOff), false);
    assert.equal(isWorkingDay('2026-03-06', sundayOff), true);
  });
});

describe('addWorkingDays', () => {
  it('an event at 23:59 Dhaka and one at 00:01 the next Dhaka day have different due dates', () => {
    const late = dhaka('2026-03-01T23:59'); // Sunday night, 17:59 UTC
    const early = dhaka('2026-03-02T00:01'); // Monday, but still Sunday 18:01 in UTC
    assert.equal(late.toISOString().slice(0, 10), early.toISOString().slice(0, 10)); // same UTC date
    assert.equal(addWorkingDays(late, 3, NONE), '2026-03-04'); // Mon, Tue, Wed
    assert.equal(addWorkingDays(early, 3, NONE), '2026-03-05'); // Tue, Wed, Thu
  });

  it('filing on Thursday skips Friday and Saturday', () => {
    const thu = dhaka('2026-03-05T10:00');
    assert.equal(addWorkingDays(thu, 1, NONE), '2026-03-08');
    assert.equal(addWorkingDays(thu, 3, NONE), '2026-03-10');
  });

  it('filing on Friday or Saturday counts from the next Sunday', () => {
    assert.equal(addWorkingDays(dhaka('2026-03-06T12:00'), 1, NONE), '2026-03-08');
    assert.equal(addWorkingDays(dhaka('2026-03-07T12:00'), 1, NONE), '2026-03-08');
    assert.equal(addWorkingDays(dhaka('2026-03-07T23:59'), 3, NONE), '2026-03-10');
  });

  it('the day before a holiday skips the holiday and the weekend after it', () => {
    const cal: WorkingCalendar = { holidays: new Set(['2026-03-26']) }; // Thursday
    assert.equal(addWorkingDays(dhaka('2026-03-25T16:00'), 1, cal), '2026-03-29');
    assert.equal(addWorkingDays(dhaka('2026-03-25T16:00'), 3, cal), '2026-03-31');
    // Without the holiday, Thursday counts.
    assert.equal(addWorkingDays(dhaka('2026-03-25T16:00'), 1, NONE), '2026-03-26');
  });

  it('a run of holidays (Eid week) is skipped as a whole', () => {
    const eid: WorkingCalendar = {
      holidays: new Set(['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24']),
    };
    const tue = dhaka('2026-03-17T11:00');
    assert.equal(addWorkingDays(tue, 1, eid), '2026-03-25');
    assert.equal(addWorkingDays(tue, 2, eid), '2026-03-26');
    assert.equal(addWorkingDays(tue, 3, eid), '2026-03-29');
    // Filing during Eid counts from after it.
    assert.equal(addWorkingDays(dhaka('2026-03-21T09:00'), 1, eid), '2026-03-25');
  });

  it('n = 0 is the Dhaka day of the event itself', () => {
    assert.equal(addWorkingDays(dhaka('2026-03-06T12:00'), 0, NONE), '2026-03-06');
    assert.equal(addWorkingDays(at('2026-03-01T18:30:00Z'), 0, NONE), '2026-03-02');
  });

  it('rejects negative or fractional counts and a calendar with no working weekday', () => {
    assert.throws(() => addWorkingDays(dhaka('2026-03-01T10:00'), -1, NONE), RangeError);
    assert.throws(() => addWorkingDays(dhaka('2026-03-01T10:00'), 1.5, NONE), RangeError);
    assert.throws(() => addWorkingDays(dhaka('2026-03-01T10:00'), 1, { holidays: new Set(), weekend: [0, 1, 2, 3, 4, 5, 6] }), RangeError);
  });

  it('works across a year end', () => {
    // 2026-12-31 is a Thursday.
    assert.equal(addWorkingDays(dhaka('2026-12-31T10:00'), 1, NONE), '2027-01-03');
  });
});

describe('addCalendarDays', () => {
  it('counts Dhaka days, weekends included', () => {
    assert.equal(addCalendarDays(dhaka('2026-03-05T10:00'), 7), '2026-03-12');
    assert.equal(addCalendarDays(dhaka('2026-03-01T23:59'), 1), '2026-03-02');
    assert.equal(addCalendarDays(dhaka('2026-03-02T00:01'), 1), '2026-03-03');
    assert.equal(addCalendarDays(dhaka('2026-02-25T10:00'), 10), '2026-03-07');
  });
  it('rejects negative counts', () => {
    assert.throws(() => addCalendarDays(dhaka('2026-03-05T10:00'), -1), RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days strictly after from up to and including to', () => {
    assert.equal(workingDaysBetween(dhaka('2026-03-01T10:00'), dhaka('2026-03-05T10:00'), NONE), 4);
    assert.equal(workingDaysBetween(dhaka('2026-03-05T10:00'), dhaka('2026-03-08T10:00'), NONE), 1);
    assert.equal(workingDaysBetween(dhaka('2026-03-05T10:00'), dhaka('2026-03-07T23:00'), NONE), 0);
  });
  it('is 0 on the same day or when to is before from', () => {
    assert.equal(workingDaysBetween(dhaka('2026-03-01T08:00'), dhaka('2026-03-01T22:00'), NONE), 0);
    assert.equal(workingDaysBetween(dhaka('2026-03-10T08:00'), dhaka('2026-03-01T22:00'), NONE), 0);
  });
  it('skips holidays and uses Dhaka days', () => {
    const cal: WorkingCalendar = { holidays: new Set(['2026-03-26']) };
    assert.equal(workingDaysBetween(dhaka('2026-03-25T10:00'), dhaka('2026-03-29T10:00'), cal), 1);
    // 17:59 UTC and 18:01 UTC on the same UTC date are different Dhaka days.
    assert.equal(workingDaysBetween(at('2026-03-01T17:59:00Z'), at('2026-03-01T18:01:00Z'), NONE), 1);
  });
});

describe('calendarDaysBetween', () => {
  it('counts Dhaka days, across Dhaka midnight', () => {
    assert.equal(calendarDaysBetween(at('2026-03-01T17:59:00Z'), at('2026-03-01T18:01:00Z')), 1);
    assert.equal(calendarDaysBetween(at('2026-03-01T18:01:00Z'), at('2026-03-02T17:59:00Z')), 0);
    assert.equal(calendarDaysBetween(dhaka('2026-03-01T10:00'), dhaka('2026-03-08T09:00')), 7);
    assert.equal(calendarDaysBetween(dhaka('2026-03-08T10:00'), dhaka('2026-03-01T10:00')), -7);
  });
});

describe('shiftDate', () => {
  it('moves across month, year and leap-day boundaries', () => {
    assert.equal(shiftDate('2026-02-28', 1), '2026-03-01');
    assert.equal(shiftDate('2028-02-28', 1), '2028-02-29');
    assert.equal(shiftDate('2026-01-01', -1), '2025-12-31');
    assert.equal(shiftDate('2026-03-10', 0), '2026-03-10');
    assert.equal(shiftDate('2026-03-10', -10), '2026-02-28');
  });
});

describe('previousWorkingDayOnOrBefore', () => {
  it('a working day is itself', () => {
    assert.equal(previousWorkingDayOnOrBefore('2026-03-08', NONE), '2026-03-08');
  });
  it('a weekend goes back to Thursday', () => {
    assert.equal(previousWorkingDayOnOrBefore('2026-03-07', NONE), '2026-03-05');
    assert.equal(previousWorkingDayOnOrBefore('2026-03-06', NONE), '2026-03-05');
  });
  it('holidays next to a weekend are skipped too', () => {
    const cal: WorkingCalendar = { holidays: new Set(['2026-03-05', '2026-03-08']) };
    assert.equal(previousWorkingDayOnOrBefore('2026-03-08', cal), '2026-03-04');
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests against a slow, obviously correct reference.

const BASE = Date.parse('2026-01-01T00:00:00.000Z');
const DAY = 86_400_000;

/** Day-by-day over Date objects: move to the Dhaka wall-clock date, then step a day at a time. */
function referenceAddWorkingDays(from: Date, n: number, holidays: ReadonlySet<string>, weekend: readonly number[]): string {
  const local = new Date(from.getTime() + 6 * 3600 * 1000); // Dhaka wall clock read as UTC
  const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const iso = d.toISOString().slice(0, 10);
    if (!weekend.includes(d.getUTCDay()) && !holidays.has(iso)) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

const holidaySet = fc
  .uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 120 })
  .map((offsets) => new Set(offsets.map((o) => new Date(BASE + o * DAY).toISOString().slice(0, 10))));
const instant = fc.integer({ min: BASE - 30 * DAY, max: BASE + 400 * DAY }).map((ms) => new Date(ms));
const weekendArb = fc.oneof(
  fc.constant([5, 6]),
  fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 5 }),
);

describe('addWorkingDays properties', () => {
  it('never lands on a weekend or a holiday (n ≥ 1)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), holidaySet, (from, n, holidays) => {
        const cal = { holidays };
        const due = addWorkingDays(from, n, cal);
        const weekday = new Date(`${due}T00:00:00Z`).getUTCDay();
        return weekday !== 5 && weekday !== 6 && !holidays.has(due) && isWorkingDay(due, cal);
      }),
      { numRuns: 500 },
    );
  });

  it('is strictly increasing in n', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 }), holidaySet, (from, n, holidays) => {
        const cal = { holidays };
        return addWorkingDays(from, n, cal) < addWorkingDays(from, n + 1, cal);
      }),
      { numRuns: 500 },
    );
  });

  it('is monotonic in the start instant', () => {
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 1, max: 30 }), holidaySet, (a, b, n, holidays) => {
        const cal = { holidays };
        const [early, late] = a <= b ? [a, b] : [b, a];
        return addWorkingDays(early, n, cal) <= addWorkingDays(late, n, cal);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with a day-by-day reference for random holidays and weekends', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 }), holidaySet, weekendArb, (from, n, holidays, weekend) => {
        const cal = { holidays, weekend };
        assert.equal(addWorkingDays(from, n, cal), referenceAddWorkingDays(from, n, holidays, weekend));
      }),
      { numRuns: 1000 },
    );
  });

  it('workingDaysBetween the event and the due date is exactly n', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 }), holidaySet, (from, n, holidays) => {
        const cal = { holidays };
        const due = addWorkingDays(from, n, cal);
        assert.equal(workingDaysBetween(from, endOfDhakaDate(due), cal), n);
        assert.equal(workingDaysBetween(from, startOfDhakaDate(due), cal), n);
      }),
      { numRuns: 300 },
    );
  });

  it('previousWorkingDayOnOrBefore is a working day, not after the date, with no working day between', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), holidaySet, (offset, holidays) => {
        const cal = { holidays };
        const date = new Date(BASE + offset * DAY).toISOString().slice(0, 10);
        const prev = previousWorkingDayOnOrBefore(date, cal);
        assert.ok(isWorkingDay(prev, cal));
        assert.ok(prev <= date);
        for (let d = shiftDate(prev, 1); d <= date; d = shiftDate(d, 1)) assert.equal(isWorkingDay(d, cal), false);
      }),
      { numRuns: 300 },
    );
  });

  it('endOfDhakaDate is the last millisecond before the next Dhaka day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3000, max: 3000 }), (offset) => {
        const date = new Date(BASE + offset * DAY).toISOString().slice(0, 10);
        const end = endOfDhakaDate(date);
        assert.equal(dhakaDate(end), date);
        assert.equal(dhakaDate(new Date(end.getTime() + 1)), shiftDate(date, 1));
        assert.equal(end.toISOString().slice(11), '17:59:59.999Z');
      }),
    );
  });
});
