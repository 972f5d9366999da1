// The lifecycle steps added after the simulated market (issue 18) and the phone trials
// (issue 11.4, 11.14), through the API with the harness clock: reminders withdrawn with their
// step, expiries dated at the deadline, the merchant's record of a remedy carried out and the
// consumer's answer (or silence), late answers and settlement by agreement, missed regulator
// deadlines raised to the office above with one daily digest, what each SMS says, hearings.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { calendarDaysBetween, dhakaDate, smsSegments, t, toBengaliDigits, workingDaysBetween } from '@nalish/domain';
import { sendOverdueDigests } from '../src/deadlines/overdueDigest.ts';
import { sweepTimers } from '../src/deadlines/sweep.ts';
import { type Senders, deliverBatch } from '../src/notify/deliver.ts';
import {
  type TestService,
  type World,
  complaintInput,
  consumerLogin,
  fileVia,
  makeService,
  makeWorld,
  merchantLogin,
  officerLogin,
  step,
} from './harness.ts';

const DAY = 24 * 3600_000;
const HOUR = 3600_000;
/** Sunday 22 Nov 2026, 10:00 in Dhaka: a working day. */
const SUNDAY_10_DHAKA = '2026-11-22T04:00:00.000Z';
const OFFER = { kind: 'offer', remedy: 'refund', amountBdt: 1500, message: 'We will refund you in full.' };
const NO_HOLIDAYS = { holidays: new Set<string>() };

interface Msg {
  id: number;
  channel: string;
  recipient: string;
  template: string;
  body: string;
  status: string;
}

describe('lifecycle steps: remedy carried out, late answers, overdue regulator, hearings, messages', () => {
  let s: TestService;
  let w: World;
  let merchant: Record<string, string>;
  const sent: { to: string; text: string }[] = [];
  const senders: Senders = {
    sms: { send: async (m: { to: string; text: string }) => void sent.push({ to: m.to, text: m.text }) },
    email: { send: async (m: { to: string; text: string }) => void sent.push({ to: m.to, text: m.text }) },
    webhook: { send: async () => ({ status: 200, body: '' }) },
  } as unknown as Senders;

  before(async () => {
    s = await makeService({ env: { OTP_PER_IP_PER_HOUR: '10000', FILINGS_PER_DAY: '1000' } });
    w = await makeWorld(s.deps.db);
  });
  after(() => s.close());

  const sweep = () => sweepTimers(s.deps);
  const at = (iso: string | Date | number) => s.clock.set(new Date(iso));
  const merchantAuth = async () => (merchant = await merchantLogin(s, w.merchantUser));
  /** The officer signs in. Tests here move the clock back to a Sunday for each new complaint; a
   *  TOTP step is single-use and only moves forward, so the last step used is forgotten first. */
  const officerAuth = async () => {
    await s.deps.db.query('UPDATE officers SET totp_last_step = 0 WHERE id = $1', [w.officer.id]);
    return officerLogin(s, w.officer);
  };

  async function row(code: string) {
    const [r] = await s.deps.db.query<{
      id: string; state: string; due_at: Date | null; office_id: string; raised_at: Date | null; regulator_late_since: Date | null;
      regulator_misses: number; response_late: boolean; assigned_officer_id: string | null;
    }>('SELECT * FROM complaints WHERE tracking_code = $1', [code]);
    assert.ok(r, code);
    return r;
  }
  async function events(code: string) {
    return s.deps.db.query<{ type: string; to_state: string; created_at: Date; payload: Record<string, unknown> }>(
      `SELECT e.type, e.to_state, e.created_at, e.payload FROM events e JOIN complaints c ON c.id = e.complaint_id
       WHERE c.tracking_code = $1 ORDER BY e.seq`,
      [code],
    );
  }
  async function outbox(code: string, template?: string): Promise<Msg[]> {
    return s.deps.db.query<Msg>(
      `SELECT o.id, o.channel, o.recipient, o.template, o.body, o.status FROM outbox o JOIN complaints c ON c.id = o.complaint_id
       WHERE c.tracking_code = $1 AND ($2::text IS NULL OR o.template = $2) ORDER BY o.id`,
      [code, template ?? null],
    );
  }
  async function fileAt(iso: string, input = complaintInput()) {
    at(iso);
    const consumer = await consumerLogin(s);
    const filed = await fileVia(s, consumer.auth, input);
    return { consumer, code: filed.trackingCode, dueAt: filed.dueAt };
  }
  /** Filed, answered with an offer and accepted: the merchant owes the remedy. */
  async function accepted(offer: Record<string, unknown> = OFFER) {
    const f = await fileAt(SUNDAY_10_DHAKA);
    await merchantAuth();
    assert.equal((await step(s, merchant, f.code, 'respond', offer)).statusCode, 200);
    const r = await step(s, f.consumer.auth, f.code, 'accept');
    assert.equal(r.json().state, 'resolved', r.body);
    return f;
  }
  async function escalatedBySilence() {
    const f = await fileAt(SUNDAY_10_DHAKA);
    at(Date.parse(f.dueAt) + 5_000);
    await sweep();
    assert.equal((await row(f.code)).state, 'escalated');
    return f;
  }

  it('withdraws a queued reminder in the transaction of the step it reminds of: it is never sent', async () => {
    const { code } = await fileAt(SUNDAY_10_DHAKA);
    at('2026-11-24T04:00:00.000Z'); // Tuesday 10:00 Dhaka: the merchant's reminder is due
    await sweep();
    const queued = await outbox(code, 'merchant_reminder');
    assert.ok(queued.length >= 1 && queued.every((m) => m.status === 'pending'));
    await merchantAuth();
    assert.equal((await step(s, merchant, code, 'respond', OFFER)).statusCode, 200);
    const after = await outbox(code, 'merchant_reminder');
    assert.deepEqual(after.map((m) => m.status), queued.map(() => 'withdrawn'));
    sent.length = 0;
    await deliverBatch(s.deps.db, senders, s.deps.now, 100);
    assert.ok(!sent.some((m) => after.some((r) => r.body === m.text)), 'no reminder delivered after the answer');
    assert.equal((await outbox(code, 'merchant_reminder')).filter((m) => m.status === 'sent').length, 0);
  });

  it('dates a silence escalation at the deadline, so it counts on the third working day', async () => {
    const { code, dueAt } = await fileAt(SUNDAY_10_DHAKA);
    at(Date.parse(dueAt) + 5_000); // the sweep runs at 00:00:05 on Thursday
    await sweep();
    const silent = (await events(code)).find((e) => e.type === 'merchant_silent');
    assert.ok(silent);
    assert.equal(new Date(silent.created_at).toISOString(), dueAt);
    assert.equal(dhakaDate(new Date(silent.created_at)), '2026-11-25');
    assert.equal(workingDaysBetween(new Date(SUNDAY_10_DHAKA), new Date(silent.created_at), NO_HOLIDAYS), 3);
    const consumer = await consumerLogin(s, (await s.deps.db.query<{ consumer_phone: string }>('SELECT consumer_phone FROM complaints WHERE tracking_code = $1', [code]))[0]!.consumer_phone.replace('+88', ''));
    const view = (await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}`, headers: consumer.auth })).json();
    assert.equal(view.timeline.find((e: { type: string }) => e.type === 'merchant_silent').at, dueAt);
  });

  describe('remedy carried out', () => {
    it('the merchant records a refund with its channel and reference; the consumer is asked and confirms', async () => {
      const { consumer, code } = await accepted();
      const noRef = await step(s, merchant, code, 'record_remedy', { remedy: 'refund', channel: 'bkash' });
      assert.equal(noRef.statusCode, 400, noRef.body);
      const r = await step(s, merchant, code, 'record_remedy', { remedy: 'refund', channel: 'bkash', reference: '9F7A6B5C4D' });
      assert.equal(r.statusCode, 200, r.body);
      const view = r.json();
      assert.equal(view.state, 'remedy_reported');
      assert.equal(view.owner, 'consumer');
      assert.deepEqual([view.remedyRecord.channel, view.remedyRecord.reference], ['bkash', '9F7A6B5C4D']);
      // Five working days from Sunday 22 Nov: Thursday 26 … Tuesday 1 Dec (Fri/Sat off).
      assert.equal(view.dueAt, '2026-11-29T17:59:59.999Z');
      assert.deepEqual([view.next.step, view.next.owner, view.next.onSilence], ['consumer_confirms_remedy', 'consumer', 'close_unconfirmed']);
      const asked = await outbox(code, 'remedy_recorded');
      assert.equal(asked.filter((m) => m.channel === 'sms').length, 1);
      const own = await step(s, consumer.auth, code, 'confirm_fulfilled');
      assert.equal(own.json().state, 'fulfilled', own.body);
    });

    it('a consumer who stays silent is reminded, then the complaint closes as carried out, not confirmed: never escalated', async () => {
      const { code } = await accepted();
      assert.equal((await step(s, merchant, code, 'record_remedy', { remedy: 'refund', channel: 'nagad', reference: 'NG-123456' })).statusCode, 200);
      const due = (await row(code)).due_at!;
      at(Date.parse('2026-11-26T04:00:00.000Z')); // Thursday 10:00, the working day before
      await sweep();
      assert.equal((await outbox(code, 'remedy_confirm_soon')).filter((m) => m.channel === 'sms').length, 1);
      at(new Date(due).getTime() + 5_000);
      await sweep();
      const r = await row(code);
      assert.equal(r.state, 'closed');
      const types = (await events(code)).map((e) => e.type);
      assert.ok(types.includes('close_unconfirmed'));
      assert.ok(!types.includes('confirm_fulfilled'), 'silence is never the consumer’s confirmation');
      assert.ok(!(await events(code)).some((e) => e.to_state === 'escalated'), 'nobody escalated for the consumer’s silence');
    });

    it('only the consumer’s "not received" escalates a recorded remedy, with its reason in the SMS', async () => {
      const { consumer, code } = await accepted();
      assert.equal((await step(s, merchant, code, 'record_remedy', { remedy: 'refund', channel: 'bkash', reference: 'BK-77' })).statusCode, 200);
      const r = await step(s, consumer.auth, code, 'report_unfulfilled', { reason: 'No money arrived on bKash.' });
      assert.equal(r.json().state, 'escalated', r.body);
      const sms = (await outbox(code, 'escalated')).find((m) => m.channel === 'sms');
      assert.ok(sms?.body.includes('প্রতিকার পাননি'), sms?.body);
    });

    it('a remedy the merchant never records by its deadline, with no word from the consumer, goes to the regulator (merchant’s step missed)', async () => {
      const { code } = await accepted();
      const due = (await row(code)).due_at!;
      at(new Date(due).getTime() - DAY);
      await sweep();
      assert.ok((await outbox(code, 'remedy_record_soon')).length >= 1, 'the merchant was reminded to record it');
      at(new Date(due).getTime() + 5_000);
      await sweep();
      assert.equal((await row(code)).state, 'escalated');
      assert.equal((await events(code)).at(-1)!.type, 'remedy_overdue');
    });

    it('an offer with its own date: the remedy is due that day, and both sides see it with the days left', async () => {
      const { consumer, code } = await accepted({ ...OFFER, byDate: '2026-11-25T06:00:00.000Z' });
      const view = (await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}`, headers: consumer.auth })).json();
      assert.equal(view.dueAt, '2026-11-25T17:59:59.999Z', 'the promised Wednesday, not 10 days');
      assert.deepEqual([view.next.step, view.next.lastDay, view.next.daysLeft], ['merchant_carries_out_remedy', '2026-11-25', 3]);
      const mine = (await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}`, headers: merchant })).json();
      assert.deepEqual(mine.next, view.next);
    });
  });

  describe('late answers', () => {
    it('an answer after the deadline is taken, marked late, shown to both; the consumer accepts and the officer settles', async () => {
      const { consumer, code } = await escalatedBySilence();
      await merchantAuth();
      const late = await step(s, merchant, code, 'respond', OFFER);
      assert.equal(late.statusCode, 200, late.body);
      assert.equal(late.json().state, 'escalated', 'the case stays with the regulator');
      assert.equal(late.json().responseLate, true);
      assert.equal((await events(code)).at(-1)!.type, 'respond');
      assert.equal((await outbox(code, 'late_answer')).filter((m) => m.channel === 'sms').length, 1);
      assert.ok((await outbox(code, 'late_answer_office')).length >= 1);
      const officer = await officerAuth();
      const seen = (await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}`, headers: officer })).json();
      assert.equal(seen.responseLate, true);
      assert.equal(seen.response.amountBdt, 1500);
      const early = await step(s, officer, code, 'settle_by_agreement');
      assert.equal(early.statusCode, 409, 'no settlement before the consumer accepts');
      assert.equal(early.json().error.code, 'guard_failed');
      assert.ok((await step(s, consumer.auth, code, 'accept_late_answer')).statusCode === 200);
      const settled = await step(s, officer, code, 'settle_by_agreement', { note: 'Both sides agree to the refund.' });
      assert.equal(settled.statusCode, 200, settled.body);
      assert.equal(settled.json().state, 'resolved', 'the accepted offer is carried out like any other');
    });
  });

  describe('missed regulator deadlines', () => {
    it('the second miss raises the case to the office above, marked late since its first deadline; later misses send no e-mail', async () => {
      const { consumer, code } = await escalatedBySilence();
      const first = (await row(code)).due_at!;
      at(new Date(first).getTime() + 5_000);
      await sweep();
      let r = await row(code);
      assert.equal(r.regulator_misses, 1);
      assert.equal(new Date(r.regulator_late_since!).toISOString(), new Date(first).toISOString());
      assert.equal(r.office_id, w.dhakaOffice);
      assert.equal((await outbox(code, 'regulator_overdue')).length, 3, 'the office and its two officers, once');

      at(new Date(r.due_at!).getTime() + 5_000);
      await sweep();
      r = await row(code);
      assert.equal(r.regulator_misses, 2);
      assert.equal(r.office_id, w.hq, 'Dhaka division → the head office');
      assert.ok(r.raised_at);
      assert.deepEqual((await outbox(code, 'raised_to_head')).map((m) => m.recipient), ['hq@dncrp.test']);
      const told = (await outbox(code, 'regulator_late')).find((m) => m.channel === 'sms');
      assert.ok(told, 'the consumer is told the regulator is late');
      assert.ok(smsSegments(told.body) <= 2);
      const view = (await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}`, headers: consumer.auth })).json();
      assert.equal(view.regulatorLate.since, new Date(first).toISOString());
      assert.equal(view.regulatorLate.misses, 2);
      // The public sees it too, on the seller's profile.
      const profile = (await s.app.inject({ method: 'GET', url: `/api/v1/merchants/${w.merchant}` })).json();
      assert.ok(profile.regulatorLate.cases >= 1);
      assert.ok(Date.parse(profile.regulatorLate.since) <= Date.parse(view.regulatorLate.since));

      const before = (await outbox(code)).filter((m) => m.channel !== 'webhook').length;
      at(new Date(r.due_at!).getTime() + 5_000);
      await sweep();
      assert.equal((await row(code)).regulator_misses, 3);
      assert.equal((await outbox(code)).filter((m) => m.channel !== 'webhook').length - before, 0, 'no e-mail per renewal');
    });

    it('each office with overdue cases gets one digest a day, from 09:00 Dhaka', async () => {
      const day = dhakaDate(s.clock.now());
      at(`${day}T02:00:00.000Z`); // 08:00 Dhaka
      assert.equal(await sendOverdueDigests(s.deps), 0, 'not before the hour');
      at(`${day}T03:30:00.000Z`); // 09:30
      const n = await sendOverdueDigests(s.deps);
      assert.ok(n >= 1);
      const mails = await s.deps.db.query<{ recipient: string; subject: string; body: string }>(
        `SELECT recipient, subject, body FROM outbox WHERE template = 'overdue_digest' ORDER BY id`,
      );
      assert.ok(mails.some((m) => m.recipient === 'hq@dncrp.test'));
      assert.equal(await sendOverdueDigests(s.deps), 0, 'once a day');
      assert.equal((await s.deps.db.query(`SELECT 1 FROM outbox WHERE template = 'overdue_digest'`)).length, mails.length);
      at(Date.parse(`${day}T03:30:00.000Z`) + DAY);
      assert.ok((await sendOverdueDigests(s.deps)) >= 1, 'and again the next day');
    });
  });

  describe('what each SMS says', () => {
    it('a complaint against an unregistered site gets the receipt: code in Bengali digits, who has it, the date it acts by', async () => {
      const input = complaintInput({ merchant: { website: 'unknown-shop.test' } });
      const { code } = await fileAt(SUNDAY_10_DHAKA, input);
      assert.equal((await row(code)).state, 'escalated');
      const sms = (await outbox(code)).filter((m) => m.channel === 'sms');
      assert.equal(sms.length, 1, 'one receipt');
      const text = sms[0]!.body;
      assert.ok(text.includes(toBengaliDigits(code)), text);
      assert.ok(text.includes('অধিদপ্তর') && text.includes('নালিশে নেই'), text);
      assert.ok(text.includes(`https://nalish.test/t/${code}`));
      assert.ok(/[০-৯]{2} /.test(text) || /[০-৯] /.test(text), `a date: ${text}`);
      assert.ok(smsSegments(text) <= 2);
    });

    it('the escalation SMS for a silent seller says so, and differs from the unreachable one', async () => {
      const { code } = await escalatedBySilence();
      const text = (await outbox(code, 'escalated')).find((m) => m.channel === 'sms')!.body;
      assert.ok(text.includes('উত্তর দেয়নি'), text);
      assert.ok(!text.includes('নালিশে নেই'));
      assert.ok(text.includes(toBengaliDigits(code)));
      assert.ok(smsSegments(text) <= 2);
    });

    it('the answer SMS says that not answering counts as accepting', async () => {
      const { code } = await fileAt(SUNDAY_10_DHAKA);
      await merchantAuth();
      await step(s, merchant, code, 'respond', OFFER);
      const text = (await outbox(code, 'merchant_responded')).find((m) => m.channel === 'sms')!.body;
      assert.ok(text.includes('না জানালে গৃহীত'), text);
      assert.ok(smsSegments(text) <= 2);
    });
  });

  describe('hearings', () => {
    it('a scheduled hearing must be held, adjourned or cancelled before a decision; a no-show gets a second notice', async () => {
      const { code } = await escalatedBySilence();
      const officer = await officerAuth();
      assert.equal((await step(s, officer, code, 'assign', { officerId: w.officer.id })).statusCode, 200);
      const hearingAt = new Date(s.clock.now().getTime() + DAY).toISOString();
      assert.equal((await step(s, officer, code, 'schedule_hearing', { at: hearingAt, mode: 'in_person', place: 'DNCRP, Karwan Bazar' })).statusCode, 200);

      const decide = { outcome: 'upheld', reasons: 'The merchant took payment and did not deliver.', fineBdt: 1000 };
      const early = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${code}/decide`, headers: { ...officer, 'accept-language': 'bn' }, payload: decide });
      assert.equal(early.statusCode, 409, early.body);
      assert.equal(early.json().error.code, 'guard_failed');
      assert.ok(early.json().error.message.includes(t('bn', 'guard.hearing_not_settled')), early.json().error.message);

      const tooSoon = await step(s, officer, code, 'record_hearing', { attendance: 'both' });
      assert.equal(tooSoon.json().error?.code, 'guard_failed', 'not before the hearing');

      at(Date.parse(hearingAt) + 2 * HOUR);
      const officer2 = await officerAuth();
      const noDate = await step(s, officer2, code, 'record_hearing', { attendance: 'consumer_only' });
      assert.equal(noDate.statusCode, 409, 'a no-show needs the date of the second notice');
      const second = new Date(s.clock.now().getTime() + 3 * DAY).toISOString();
      const noShow = await step(s, officer2, code, 'record_hearing', { attendance: 'consumer_only', next: { at: second, mode: 'in_person', place: 'DNCRP, Karwan Bazar' } });
      assert.equal(noShow.statusCode, 200, noShow.body);
      assert.equal(noShow.json().state, 'hearing_scheduled');
      assert.equal(noShow.json().hearing.secondNotice, true);
      const notices = await outbox(code, 'hearing_second_notice');
      assert.ok(notices.length >= 1 && notices.every((m) => m.recipient !== (noShow.json().consumer.phone as string)), 'only the merchant, who did not come');

      at(Date.parse(second) + 2 * HOUR);
      const officer3 = await officerAuth();
      const held = await step(s, officer3, code, 'record_hearing', { attendance: 'consumer_only', note: 'The merchant did not come again.' });
      assert.equal(held.statusCode, 200, held.body);
      assert.equal(held.json().state, 'under_review');
      assert.deepEqual([held.json().hearing.outcome, held.json().hearing.attendance], ['held', 'consumer_only']);
      assert.equal(calendarDaysBetween(s.clock.now(), new Date(held.json().dueAt)) >= 5, true, 'the decision is due 5 working days on');
      const decided = await step(s, officer3, code, 'decide', decide);
      assert.equal(decided.statusCode, 200, decided.body);
    });

    it('an adjournment needs a reason; a cancelled hearing allows a decision', async () => {
      const { code } = await escalatedBySilence();
      const officer = await officerAuth();
      await step(s, officer, code, 'assign', { officerId: w.officer.id });
      const hearing = { at: new Date(s.clock.now().getTime() + DAY).toISOString(), mode: 'online', place: 'https://meet.example/dncrp' };
      assert.equal((await step(s, officer, code, 'schedule_hearing', hearing)).statusCode, 200);
      assert.equal((await step(s, officer, code, 'schedule_hearing', hearing)).statusCode, 409, 'moved only by adjourning');
      assert.equal((await step(s, officer, code, 'adjourn_hearing', { ...hearing, at: new Date(s.clock.now().getTime() + 2 * DAY).toISOString() })).statusCode, 400);
      const adjourned = await step(s, officer, code, 'adjourn_hearing', { ...hearing, at: new Date(s.clock.now().getTime() + 2 * DAY).toISOString(), reason: 'The consumer is in hospital.' });
      assert.equal(adjourned.json().hearing.adjournedBecause, 'The consumer is in hospital.');
      const cancelled = await step(s, officer, code, 'cancel_hearing', { reason: 'The documents settle the facts.' });
      assert.equal(cancelled.json().state, 'under_review', cancelled.body);
      assert.equal(cancelled.json().hearing.outcome, 'cancelled');
      assert.ok((await outbox(code, 'hearing_cancelled')).length >= 2);
      assert.equal((await step(s, officer, code, 'decide', { outcome: 'dismissed', reasons: 'The seller delivered; the courier proof is clear.' })).statusCode, 200);
    });
  });
});
