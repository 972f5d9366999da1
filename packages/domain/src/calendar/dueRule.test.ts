import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { WorkingCalendar } from './calendar.ts';
import {
  type DueRule,
  DueRuleSchema,
  calendarDaysRule,
  dependsOnCalendar,
  dueAtFor,
  fixedRule,
  recomputeDueAt,
  reminderAtFor,
  workingDaysRule,
} from './dueRule.ts';
import { shippedCalendar } from './shipped.testing.ts';

const dhaka = (local: string) => new Date(`${local}:00.000+06:00`);
const NONE: WorkingCalendar = { holidays: new Set() };
const DAY = 86_400_000;

describe('dueAtFor', () => {
  it('working days end at 23:59:59.999 Dhaka of the Nth working day', () => {
    assert.equal(dueAtFor(workingDaysRule(dhaka('2026-03-01T10:00'), 3), NONE).toISOString(), '2026-03-04T17:59:59.999Z');
  });
  it('calendar days ignore holidays', () => {
    const cal: WorkingCalendar = { holidays: new Set(['2026-03-02', '2026-03-03']) };
    assert.equal(dueAtFor(calendarDaysRule(dhaka('2026-03-01T10:00'), 7), cal).toISOString(), '2026-03-08T17:59:59.999Z');
  });
  it('a fixed time is itself', () => {
    assert.equal(dueAtFor(fixedRule(dhaka('2026-03-01T10:00')), NONE).toISOString(), '2026-03-01T04:00:00.000Z');
  });
  it('a rule survives JSON (it will be stored with the timer) and bad rules are refused', () => {
    const rule = workingDaysRule(dhaka('2026-03-01T10:00'), 3);
    assert.deepEqual(DueRuleSchema.parse(JSON.parse(JSON.stringify(rule))), rule);
    assert.equal(DueRuleSchema.safeParse({ kind: 'working_days', from: 'yesterday', days: 3 }).success, false);
    const from = dhaka('2026-03-01T10:00').toISOString();
    assert.equal(DueRuleSchema.safeParse({ kind: 'working_days', from, days: -1 }).success, false);
    assert.equal(DueRuleSchema.safeParse({ kind: 'weeks', from, days: 1 }).success, false);
  });
});

describe('recomputeDueAt', () => {
  // Tuesday 17 March 2026, as the shipped list stood before the cabinet added 18 March … and
  // before the Eid closure was known at all (only the weekend and Independence Day).
  const before: WorkingCalendar = { holidays: new Set(['2026-03-26']) };
  const full = shippedCalendar();
  const filed = workingDaysRule(dhaka('2026-03-16T15:00'), 3);

  it('a holiday declared later moves a working-day deadline later', () => {
    const old = dueAtFor(filed, before);
    assert.equal(old.toISOString(), '2026-03-19T17:59:59.999Z', 'Tue 17, Wed 18, Thu 19');
    const r = recomputeDueAt(filed, old, full);
    assert.equal(r.moved, true);
    // Tue 17 – Mon 23 closed; Tue 24, Wed 25, (Thu 26 Independence Day, Fri, Sat), Sun 29.
    assert.equal(r.dueAt.toISOString(), '2026-03-29T17:59:59.999Z');
  });

  it('a holiday withdrawn later does not bring the deadline forward', () => {
    const old = dueAtFor(filed, full);
    const r = recomputeDueAt(filed, old, before);
    assert.equal(r.moved, false);
    assert.equal(r.dueAt.getTime(), old.getTime());
  });

  it('calendar days and fixed times do not depend on the calendar', () => {
    for (const rule of [calendarDaysRule(dhaka('2026-03-16T15:00'), 7), fixedRule(dhaka('2026-03-18T09:00'))]) {
      assert.equal(dependsOnCalendar(rule), false);
      const old = dueAtFor(rule, before);
      assert.deepEqual(recomputeDueAt(rule, old, full), { dueAt: old, moved: false });
    }
    assert.equal(dependsOnCalendar(filed), true);
  });

  const dates = fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 80 }).map((o) => new Set(o.map((d) => new Date(Date.UTC(2026, 0, 1) + d * DAY).toISOString().slice(0, 10))));
  const ruleArb: fc.Arbitrary<DueRule> = fc.oneof(
    fc.tuple(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }), fc.integer({ min: 0, max: 30 })).map(([t, n]) => workingDaysRule(new Date(t), n)),
    fc.tuple(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }), fc.integer({ min: 0, max: 30 })).map(([t, n]) => calendarDaysRule(new Date(t), n)),
    fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }).map((t) => fixedRule(new Date(t))),
  );

  it('is never earlier than before, and is the later of the old and the newly computed time', () => {
    fc.assert(
      fc.property(ruleArb, dates, dates, (rule, a, b) => {
        const old = dueAtFor(rule, { holidays: a });
        const r = recomputeDueAt(rule, old, { holidays: b });
        const fresh = dueAtFor(rule, { holidays: b });
        assert.ok(r.dueAt.getTime() >= old.getTime());
        assert.equal(r.dueAt.getTime(), Math.max(old.getTime(), fresh.getTime()));
        assert.equal(r.moved, fresh.getTime() > old.getTime());
      }),
      { numRuns: 500 },
    );
  });

  it('adding holidays never shortens a deadline; recomputing under the same calendar changes nothing', () => {
    fc.assert(
      fc.property(ruleArb, dates, dates, (rule, a, extra) => {
        const old = dueAtFor(rule, { holidays: a });
        const more = recomputeDueAt(rule, old, { holidays: new Set([...a, ...extra]) });
        assert.equal(more.dueAt.getTime(), dueAtFor(rule, { holidays: new Set([...a, ...extra]) }).getTime());
        assert.deepEqual(recomputeDueAt(rule, old, { holidays: a }), { dueAt: old, moved: false });
      }),
      { numRuns: 500 },
    );
  });
});

describe('reminderAtFor', () => {
  it('10:00 Dhaka on the working day before the due day, skipping holidays', () => {
    const full = shippedCalendar();
    // Due Sunday 29 March 2026: the working day before is Wednesday 25 (Thu 26 is Independence Day).
    const due = new Date('2026-03-29T17:59:59.999Z');
    assert.equal(reminderAtFor({ kind: 'working_days_before_due', days: 1, hour: 10 }, due, full).toISOString(), '2026-03-25T04:00:00.000Z');
    assert.equal(reminderAtFor({ kind: 'working_days_before_due', days: 2, hour: 10 }, due, full).toISOString(), '2026-03-24T04:00:00.000Z');
  });
  it('a fixed time before the deadline', () => {
    const due = new Date('2026-03-29T17:59:59.999Z');
    assert.equal(reminderAtFor({ kind: 'before_due', ms: 2 * DAY }, due, NONE).toISOString(), '2026-03-27T17:59:59.999Z');
  });
});
