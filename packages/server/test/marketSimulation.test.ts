// A simulated market on the harness's movable clock (issue 18): a few dozen complaints against
// merchants of each behaviour (cooperative, slow, defending, silent, unregistered), consumers
// who accept, reject or stay silent, and an office that acts on some cases and lets others lie,
// over 40 days. The promises are asserted as properties over what happened; the outcome
// figures are printed so runs can be compared over time.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Action, ON_ENTER, REMINDER_TEMPLATES, type State, STATE_INFO, dhakaDate, parseCommand, workingDaysBetween } from '@nalish/domain';
import { createMerchant } from '../src/admin/ops.ts';
import { actOnComplaint } from '../src/complaints/act.ts';
import { fileComplaint } from '../src/complaints/file.ts';
import { sweepTimers } from '../src/deadlines/sweep.ts';
import { type Senders, deliverBatch } from '../src/notify/deliver.ts';
import type { Actor } from '../src/access/actor.ts';
import { type TestService, type World, complaintInput, e164, makeService, makeWorld, newPhone } from './harness.ts';

const DAY = 24 * 3600_000;
const START = Date.parse('2026-11-22T00:00:00.000+06:00'); // Sunday, Dhaka
const DAYS = 40;
const FILING_DAYS = 12;
const BEHAVIOURS = ['cooperative', 'slow', 'defending', 'silent', 'unregistered'] as const;
type Behaviour = (typeof BEHAVIOURS)[number];
const CONSUMERS = ['accepts', 'rejects', 'silent'] as const;
type ConsumerKind = (typeof CONSUMERS)[number];
const PER_BEHAVIOUR = 7;

/** A small seeded generator: the same market every run. */
function prng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

interface Sim {
  code: string;
  phone: string;
  behaviour: Behaviour;
  consumer: ConsumerKind;
  merchantId: string | null;
  /** The slow merchant answers after the deadline on half its complaints. */
  answersLate: boolean;
  /** The office acts on this case (the others it lets lie). */
  diligent: boolean;
  filedAt: number;
  /** When the sim first saw the offer accepted (by the consumer or by silence). */
  resolvedAt?: number;
}

interface Row {
  tracking_code: string;
  state: State;
  owner: string | null;
  due_at: Date | null;
  response_late: boolean;
  late_answer_accepted: boolean;
  assigned_officer_id: string | null;
  office_id: string;
  raised_at: Date | null;
  updated_at: Date;
}

describe('a simulated market over 40 days', () => {
  let s: TestService;
  let w: World;
  const sims: Sim[] = [];
  const merchants = new Map<Behaviour, string>();
  const snapshots: { day: number; open: number; missing: number }[] = [];

  before(async () => {
    s = await makeService({ env: { OTP_PER_IP_PER_HOUR: '100000', FILINGS_PER_DAY: '1000', WORKERS: 'false' } });
    w = await makeWorld(s.deps.db);
    for (const b of BEHAVIOURS) {
      if (b === 'unregistered') continue;
      merchants.set(b, await createMerchant(s.deps.db, { name: `${b} shop`, contactEmail: `care@${b}.test`, websites: [`${b}.test`] }));
    }
  });
  after(() => s.close());

  const senders: Senders = {
    sms: { send: async () => undefined },
    email: { send: async () => undefined },
    webhook: { send: async () => ({ status: 200, body: '' }) },
  } as unknown as Senders;

  const act = async (sim: Sim, actor: Actor, action: Action, payload: unknown = {}) =>
    actOnComplaint(s.deps, { code: sim.code }, { actor, command: parseCommand(action, payload) });
  const merchantActor = (sim: Sim): Actor => ({ role: 'merchant', merchantId: sim.merchantId!, userId: 'simulated-staff' });
  const consumerActor = (sim: Sim): Actor => ({ role: 'consumer', phone: sim.phone });
  const officerActor: Actor = { role: 'officer', officerId: '', officeId: '' };

  async function rows(): Promise<Map<string, Row>> {
    const all = await s.deps.db.query<Row>(
      `SELECT tracking_code, state, owner, due_at, response_late, late_answer_accepted, assigned_officer_id, office_id, raised_at, updated_at FROM complaints`,
    );
    return new Map(all.map((r) => [r.tracking_code, r]));
  }
  const at = (t: number) => s.clock.set(new Date(t));

  /** Each party does what its kind does, once a day at 11:00. */
  async function everyoneActs(day: number, now: number) {
    const current = await rows();
    for (const sim of sims) {
      const r = current.get(sim.code)!;
      const daysSinceFiling = Math.floor((now - sim.filedAt) / DAY);
      const m = merchantActor(sim);
      // The merchant.
      if (sim.merchantId && r.state === 'with_merchant') {
        const dueToday = r.due_at && dhakaDate(new Date(r.due_at)) === dhakaDate(new Date(now));
        if (sim.behaviour === 'cooperative' && daysSinceFiling >= 1) {
          await act(sim, m, 'respond', { kind: 'offer', remedy: 'refund', amountBdt: 1200, byDate: new Date(now + 6 * DAY).toISOString(), message: 'We refund in full.' });
        } else if (sim.behaviour === 'defending' && daysSinceFiling >= 1) {
          await act(sim, m, 'respond', { kind: 'defence', message: 'The parcel was delivered and signed for by the buyer.' });
        } else if (sim.behaviour === 'slow' && !sim.answersLate && dueToday) {
          await act(sim, m, 'respond', { kind: 'offer', remedy: 'refund', amountBdt: 900, message: 'We refund most of it.' });
        }
      }
      if (sim.behaviour === 'slow' && sim.answersLate && r.state === 'escalated' && !r.response_late) {
        await act(sim, m, 'respond', { kind: 'offer', remedy: 'refund', amountBdt: 1000, message: 'Sorry for the delay: a full refund.' });
      }
      if (r.state === 'resolved') sim.resolvedAt ??= now;
      if (sim.merchantId && r.state === 'resolved' && sim.resolvedAt !== undefined) {
        const since = Math.floor((now - sim.resolvedAt) / DAY);
        // The cooperative merchant refunds within days; the slow one forgets on half its cases.
        if ((sim.behaviour === 'cooperative' && since >= 2) || (sim.behaviour === 'slow' && !sim.answersLate && since >= 5 && day % 2 === 0)) {
          await act(sim, m, 'record_remedy', { remedy: 'refund', channel: 'bkash', reference: `SIM${sim.code.replaceAll('-', '')}` });
        }
      }
      // The consumer.
      const c = consumerActor(sim);
      if (r.state === 'merchant_responded' && daysSinceFiling >= 2) {
        if (sim.consumer === 'accepts') await act(sim, c, 'accept');
        else if (sim.consumer === 'rejects') await act(sim, c, 'reject', { reason: 'This does not settle it.' });
      }
      if (r.state === 'remedy_reported' && sim.consumer !== 'silent') await act(sim, c, 'confirm_fulfilled');
      if (r.response_late && !r.late_answer_accepted && sim.consumer === 'accepts' && ['escalated', 'under_review'].includes(r.state)) {
        await act(sim, c, 'accept_late_answer');
      }
    }
  }

  /** The office (one officer in Dhaka) takes up the cases it is diligent about. */
  async function officeActs(now: number) {
    const current = await rows();
    const officer: Actor = { ...officerActor, officerId: w.officer.id, officeId: w.dhakaOffice } as Actor;
    for (const sim of sims) {
      const r = current.get(sim.code)!;
      if (!sim.diligent || r.office_id !== w.dhakaOffice) continue;
      if (r.state === 'escalated') await act(sim, officer, 'assign', { officerId: w.officer.id });
      else if (r.state === 'under_review' && r.late_answer_accepted) await act(sim, officer, 'settle_by_agreement');
      else if (r.state === 'under_review' && now - new Date(r.updated_at).getTime() >= 3 * DAY) {
        await act(sim, officer, 'decide', { outcome: 'upheld', reasons: 'The merchant did not settle the complaint.', fineBdt: 0 });
      }
    }
  }

  async function snapshot(day: number) {
    const [c] = await s.deps.db.query<{ open: number; missing: number }>(
      `SELECT count(*) FILTER (WHERE state NOT IN ('closed','withdrawn','rejected'))::int AS open,
              count(*) FILTER (WHERE state NOT IN ('closed','withdrawn','rejected') AND (owner IS NULL OR due_at IS NULL))::int AS missing
       FROM complaints`,
    );
    snapshots.push({ day, open: c!.open, missing: c!.missing });
  }

  it('runs 40 days and keeps every promise', async () => {
    const started = Date.now();
    const rand = prng(18);
    let n = 0;
    for (let day = 0; day < DAYS; day++) {
      const midnight = START + day * DAY;
      at(midnight + 5_000);
      await sweepTimers(s.deps, 1000);
      at(midnight + 10 * 3600_000);
      await sweepTimers(s.deps, 1000);
      // Filing: a few complaints a day for the first days, every behaviour in turn.
      if (day < FILING_DAYS) {
        while (n < PER_BEHAVIOUR * BEHAVIOURS.length && n < Math.ceil(((day + 1) * PER_BEHAVIOUR * BEHAVIOURS.length) / FILING_DAYS)) {
          const behaviour = BEHAVIOURS[n % BEHAVIOURS.length]!;
          const consumer = CONSUMERS[Math.floor(rand() * CONSUMERS.length)]!;
          const phone = e164(newPhone());
          s.clock.advance(60_000);
          const input = complaintInput({ merchant: { website: behaviour === 'unregistered' ? `unregistered-${n}.test` : `${behaviour}.test` } });
          const filed = await fileComplaint(s.deps, phone, input);
          sims.push({
            code: filed.tracking_code,
            phone,
            behaviour,
            consumer,
            merchantId: merchants.get(behaviour) ?? null,
            answersLate: behaviour === 'slow' && n % 2 === 0,
            diligent: rand() < 0.6,
            filedAt: s.clock.now().getTime(),
          });
          n += 1;
        }
      }
      at(midnight + 11 * 3600_000);
      await everyoneActs(day, s.clock.now().getTime());
      await officeActs(s.clock.now().getTime());
      at(midnight + 11.5 * 3600_000);
      for (let i = 0; i < 50 && (await deliverBatch(s.deps.db, senders, s.deps.now, 100)).sent > 0; i++);
      await snapshot(day);
    }
    const seconds = (Date.now() - started) / 1000;
    const calendar = await s.deps.calendar.get(s.deps.db);
    const byCode = new Map(sims.map((x) => [x.code, x]));
    const events = await s.deps.db.query<{ code: string; type: string; actor_role: string; from_state: State | null; to_state: State; created_at: Date }>(
      `SELECT c.tracking_code AS code, e.type, e.actor_role, e.from_state, e.to_state, e.created_at
       FROM events e JOIN complaints c ON c.id = e.complaint_id ORDER BY c.tracking_code, e.seq`,
    );
    const of = (code: string) => events.filter((e) => e.code === code);
    const final = await rows();

    // 1. Every complaint answered or escalated within 3 working days of filing.
    for (const sim of sims) {
      const first = of(sim.code).find((e) => e.type === 'respond' || e.to_state === 'escalated');
      assert.ok(first, `${sim.code} (${sim.behaviour}) was neither answered nor escalated`);
      const days = workingDaysBetween(new Date(sim.filedAt), new Date(first.created_at), calendar);
      assert.ok(days <= 3, `${sim.code} (${sim.behaviour}): ${first.type} after ${days} working days`);
    }
    // 2. No open complaint ever without an owner and a next deadline (40 daily snapshots).
    assert.equal(snapshots.length, DAYS);
    assert.ok(snapshots.every((x) => x.missing === 0), JSON.stringify(snapshots.filter((x) => x.missing > 0)));
    // 3. Nobody escalated because the consumer stayed silent: the system escalates only from
    //    states the merchant owns (its answer or its remedy record missing) or at routing.
    for (const e of events.filter((x) => x.to_state === 'escalated' && x.from_state !== 'escalated' && x.actor_role === 'system')) {
      const owner = e.from_state ? STATE_INFO[e.from_state].owner : null;
      assert.ok(e.from_state === 'submitted' || owner === 'merchant', `${e.code}: ${e.type} from ${e.from_state}`);
    }
    for (const sim of sims.filter((x) => x.consumer === 'silent')) {
      assert.ok(!of(sim.code).some((e) => e.from_state === 'remedy_reported' && e.to_state === 'escalated'), sim.code);
    }
    // 4. No reminder delivered after the step it reminds of.
    const reminders = await s.deps.db.query<{ code: string; queued: Date; sent_at: Date | null; status: string }>(
      `SELECT c.tracking_code AS code, o.next_attempt_at AS queued, o.sent_at, o.status FROM outbox o JOIN complaints c ON c.id = o.complaint_id
       WHERE o.template = ANY($1::text[]) AND o.channel <> 'webhook'`,
      [REMINDER_TEMPLATES],
    );
    assert.ok(reminders.length > 0, 'the market produced reminders');
    for (const r of reminders.filter((x) => x.status === 'sent')) {
      const stepBetween = of(r.code).find(
        (e) => e.from_state !== e.to_state && new Date(e.created_at) > new Date(r.queued) && new Date(e.created_at) <= new Date(r.sent_at!),
      );
      assert.equal(stepBetween, undefined, `${r.code}: a reminder queued ${new Date(r.queued).toISOString()} was sent after ${stepBetween?.type}`);
    }
    // 5. Every escalated case is decided, settled, or raised to the office above within the
    //    regulator's stated deadlines (assign 2 + one extension of 5 working days, swept next day).
    const s0 = s.deps.settings;
    const bound = s0.regulatorAssignWorkingDays + s0.regulatorOverdueExtensionWorkingDays + 1;
    for (const sim of sims) {
      const escalation = of(sim.code).find((e) => e.to_state === 'escalated');
      if (!escalation) continue;
      const r = final.get(sim.code)!;
      const waited = workingDaysBetween(new Date(escalation.created_at), s.clock.now(), calendar);
      const handled = r.raised_at !== null || r.state === 'decided' || STATE_INFO[r.state].phase !== 'with_regulator' || r.assigned_officer_id !== null;
      if (waited > bound) assert.ok(handled, `${sim.code} waited ${waited} working days with the regulator, neither handled nor raised`);
      if (r.raised_at) {
        const raisedAfter = workingDaysBetween(new Date(escalation.created_at), new Date(r.raised_at), calendar);
        assert.ok(raisedAfter <= bound, `${sim.code} raised after ${raisedAfter} working days`);
        assert.equal(r.office_id, w.hq);
      }
    }
    // 6. Each party told at each step: every state entered sent its notices (SMS or e-mail)
    //    to the consumer and, when it can be reached, the merchant.
    const sentBy = await s.deps.db.query<{ code: string; template: string; n: number }>(
      `SELECT c.tracking_code AS code, o.template, count(*)::int AS n FROM outbox o JOIN complaints c ON c.id = o.complaint_id
       WHERE o.channel <> 'webhook' GROUP BY 1, 2`,
    );
    const count = (code: string, template: string) => sentBy.find((x) => x.code === code && x.template === template)?.n ?? 0;
    for (const sim of sims) {
      for (const e of of(sim.code).filter((x) => x.from_state !== x.to_state)) {
        for (const intent of ON_ENTER[e.to_state]) {
          if (intent.to === 'merchant' && !sim.merchantId) continue;
          assert.ok(count(sim.code, intent.template) > 0, `${sim.code}: entering ${e.to_state}, ${intent.to} not told (${intent.template})`);
        }
      }
      assert.ok(count(sim.code, 'filed') + count(sim.code, 'escalated') > 0, `${sim.code}: no receipt`);
    }

    // The outcome figures, to compare runs over time.
    const confirmedDays = sims
      .map((x) => of(x.code).find((e) => e.type === 'confirm_fulfilled'))
      .filter((e): e is NonNullable<typeof e> => !!e)
      .map((e) => (new Date(e.created_at).getTime() - byCode.get(e.code)!.filedAt) / DAY)
      .sort((a, b) => a - b);
    const median = confirmedDays.length ? confirmedDays[Math.floor(confirmedDays.length / 2)]! : null;
    const reasons: Record<string, number> = {};
    for (const e of events.filter((x) => x.to_state === 'escalated' && x.from_state !== 'escalated')) reasons[e.type] = (reasons[e.type] ?? 0) + 1;
    const ends: Record<string, number> = {};
    for (const r of final.values()) ends[r.state] = (ends[r.state] ?? 0) + 1;
    const unconfirmed = events.filter((e) => e.type === 'close_unconfirmed').length;
    const late = events.filter((e) => e.type === 'respond' && e.from_state !== 'with_merchant').length;
    const raised = [...final.values()].filter((r) => r.raised_at).length;
    console.log(
      `market: ${sims.length} complaints, ${DAYS} days, ${seconds.toFixed(1)} s; median days to a consumer-confirmed remedy ${median?.toFixed(1) ?? '–'} (n=${confirmedDays.length}); ` +
        `escalations by reason ${JSON.stringify(reasons)}; carried out, not confirmed ${unconfirmed}; late answers ${late}; raised to the office above ${raised}; states ${JSON.stringify(ends)}`,
    );
    assert.ok(confirmedDays.length > 0 && unconfirmed > 0 && late > 0 && raised > 0, 'the market exercised every path');
    assert.ok(!('remedy_overdue' in reasons) || reasons.remedy_overdue! <= PER_BEHAVIOUR, 'only the forgetful merchant misses its remedy record');
  });
});
