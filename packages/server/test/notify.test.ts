// Notifications end to end: the service configured with a real HTTP SMS gateway and a real
// SMTP server (both local), messages written to the outbox by the lifecycle and delivered
// by the outbox worker. Checks who is told what, SMS length, retries and the OTP blanking.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { smsSegments, t, toBengaliDigits } from '@nalish/domain';
import { createMerchant } from '../src/admin/ops.ts';
import { MAX_ATTEMPTS, type Senders, backoffMs, deliverBatch, messageReference } from '../src/notify/deliver.ts';
import { sendersFromConfig } from '../src/service.ts';
import { type SmsMessage, httpSmsGateway } from '../src/notify/sms.ts';
import { startWorkers } from '../src/workers.ts';
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
import { type SmsGateway, startSmsGateway } from './support/smsGateway.ts';
import { type SmtpTestServer, startSmtpServer } from './support/smtp.ts';

interface OutboxRow {
  id: number;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string | null;
  body: string;
  template: string;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
}

describe('notifications through a real SMS gateway and SMTP server', () => {
  let s: TestService;
  let w: World;
  let gw: SmsGateway;
  let smtp: SmtpTestServer;
  let senders: Senders;

  before(async () => {
    gw = await startSmsGateway();
    smtp = await startSmtpServer();
    s = await makeService({ env: { SMS_GATEWAY_URL: gw.url, SMTP_URL: smtp.url } });
    w = await makeWorld(s.deps.db);
    senders = sendersFromConfig(s.deps.config);
  });
  after(async () => {
    senders.email.close?.();
    await s.close();
    await gw.close();
    await smtp.close();
  });

  /** Deliver everything that is due now, batch after batch. */
  async function deliverAll(): Promise<{ sent: number; failed: number }> {
    const total = { sent: 0, failed: 0 };
    for (let i = 0; i < 100; i++) {
      const r = await deliverBatch(s.deps.db, senders, s.deps.now);
      total.sent += r.sent;
      total.failed += r.failed;
      if (r.sent + r.failed === 0) return total;
    }
    throw new Error('outbox did not drain');
  }

  const outbox = (where = 'TRUE', params: unknown[] = []) =>
    s.deps.db.query<OutboxRow>(`SELECT * FROM outbox WHERE ${where} ORDER BY id`, params);

  /** Which template an SMS the gateway accepted came from (by its outbox reference). */
  const templatesOf = async (msgs: { reference: string }[]) => {
    const ids = msgs.map((m) => Number(m.reference.replace('nalish-outbox-', '')));
    const rows = await s.deps.db.query<{ id: number; template: string }>('SELECT id, template FROM outbox WHERE id = ANY($1::bigint[])', [ids]);
    return ids.map((id) => rows.find((r) => r.id === id)?.template);
  };

  const codeOf = async (trackingCode: string) => {
    const [row] = await s.deps.db.query<{ id: string }>('SELECT id FROM complaints WHERE tracking_code = $1', [trackingCode]);
    return row!.id;
  };

  it('sends the one-time code and then blanks it in the outbox', async () => {
    const consumer = await consumerLogin(s);
    const r = await deliverAll();
    assert.ok(r.sent >= 1);
    const [sms] = gw.to(consumer.phone);
    assert.ok(sms, 'the gateway received the code');
    assert.match(sms.text, /\d{6}/);
    assert.equal(sms.unicode, true, 'Bengali text is sent as unicode');
    const [row] = await outbox(`template = 'otp' AND recipient = $1`, [consumer.phone]);
    assert.equal(row!.status, 'sent');
    assert.equal(row!.body, '[sent one-time code]');
    assert.doesNotMatch(row!.body, /\d{6}/);
    assert.equal(sms.reference, messageReference(row!.id));
  });

  it('confirms a filing to the consumer by SMS and e-mail and tells the merchant by e-mail', async () => {
    const consumer = await consumerLogin(s);
    const email = 'rahim@example.test';
    const filed = await fileVia(s, consumer.auth, complaintInput({ consumer: { name: 'Rahim Uddin', district: 'dhaka', locale: 'bn', email } }));
    await deliverAll();

    const sms = gw.to(consumer.phone).filter((m) => m.text.includes(filed.trackingCode));
    assert.equal(sms.length, 1, 'one filing SMS');
    assert.deepEqual(await templatesOf(sms), ['filed']);
    assert.match(sms[0]!.text, /^নালিশ/);
    assert.ok(sms[0]!.text.includes(`https://nalish.test/t/${filed.trackingCode}`));

    const consumerMail = smtp.to(email);
    assert.equal(consumerMail.length, 1);
    assert.ok(consumerMail[0]!.subject.includes(filed.trackingCode), consumerMail[0]!.subject);

    const merchantMail = smtp.to('complaints@shopbd.test').filter((m) => m.subject.includes(filed.trackingCode));
    assert.equal(merchantMail.length, 1);
    assert.ok(merchantMail[0]!.text.includes(filed.trackingCode));

    // Each mail carries the Message-ID derived from its outbox row.
    const rows = await outbox(`complaint_id = $1 AND channel = 'email'`, [await codeOf(filed.trackingCode)]);
    assert.deepEqual(
      rows.map((r) => `<${messageReference(r.id)}@nalish>`).sort(),
      [...consumerMail, ...merchantMail].map((m) => m.messageId).sort(),
    );
    assert.ok(rows.every((r) => r.status === 'sent'));
  });

  it("tells the consumer of the merchant's answer, the escalation and the decision; officers get the case", async () => {
    const consumer = await consumerLogin(s);
    const filed = await fileVia(s, consumer.auth);
    const code = filed.trackingCode;
    const merchant = await merchantLogin(s, w.merchantUser);
    assert.equal((await step(s, merchant, code, 'respond', { kind: 'offer', remedy: 'refund', amountBdt: 1000, message: 'Half back.' })).statusCode, 200);
    await deliverAll();
    const answered = gw.to(consumer.phone).filter((m) => m.text.includes(code));
    assert.equal(answered.length, 2, 'filing and answer');
    assert.deepEqual(await templatesOf(answered), ['filed', 'merchant_responded']);
    assert.ok(answered[1]!.text.includes('ShopBD'));

    assert.equal((await step(s, consumer.auth, code, 'reject', { reason: 'Not enough.' })).statusCode, 200);
    await deliverAll();
    const escalated = gw.to(consumer.phone).filter((m) => m.text.includes(code));
    assert.equal(escalated.length, 3);
    assert.deepEqual(await templatesOf(escalated), ['filed', 'merchant_responded', 'escalated']);

    // Everyone at the Dhaka office (its own address and its active officers), nobody elsewhere.
    const officeRows = await outbox(`complaint_id = $1 AND template = 'escalated_office'`, [await codeOf(code)]);
    const officeIds = new Set(officeRows.map((r) => `<${messageReference(r.id)}@nalish>`));
    const caseMail = smtp.mails.filter((m) => officeIds.has(m.messageId));
    assert.ok(caseMail.every((m) => m.subject.includes(code) && m.text.includes(code)));
    assert.deepEqual(caseMail.flatMap((m) => m.rcptTo).sort(), ['dhaka@dncrp.test', 'officer1@dncrp.test', 'officer2@dncrp.test']);
    assert.equal(smtp.to(w.ctgOfficer.email).length, 0);
    assert.equal(smtp.to('complaints@shopbd.test').filter((m) => m.subject.includes(code)).length, 2, 'new complaint and escalation');

    const officer = await officerLogin(s, w.officer);
    assert.equal((await step(s, officer, code, 'assign', { officerId: w.officer.id })).statusCode, 200);
    const decided = await step(s, officer, code, 'decide', { outcome: 'upheld', reasons: 'Paid and never delivered.', fineBdt: 5000 });
    assert.equal(decided.statusCode, 200, decided.body);
    await deliverAll();
    const all = gw.to(consumer.phone).filter((m) => m.text.includes(code));
    assert.equal(all.length, 4);
    assert.deepEqual(await templatesOf(all), ['filed', 'merchant_responded', 'escalated', 'decided']);
    assert.ok(all[3]!.text.includes(t('bn', 'outcome.upheld')), all[3]!.text);
  });

  it('escalates a silent merchant through the worker tick and tells the consumer', async () => {
    const consumer = await consumerLogin(s);
    const filed = await fileVia(s, consumer.auth);
    const workers = startWorkers(s.deps, senders, { intervalMs: 3_600_000 });
    // The loop runs one tick at once; stop() waits for it, and tick() still works afterwards,
    // so the test decides when the next one runs.
    await workers.stop();
    {
      assert.equal(gw.to(consumer.phone).filter((m) => m.text.includes(filed.trackingCode)).length, 1);
      s.clock.set(new Date(Date.parse(filed.dueAt) + 1));
      await workers.tick();
      const [c] = await s.deps.db.query<{ state: string }>('SELECT state FROM complaints WHERE tracking_code = $1', [filed.trackingCode]);
      assert.equal(c!.state, 'escalated');
      const msgs = gw.to(consumer.phone).filter((m) => m.text.includes(filed.trackingCode));
      assert.equal(msgs.length, 2);
      assert.deepEqual(await templatesOf(msgs), ['filed', 'escalated']);
    }
  });

  it('keeps every Bengali SMS within two segments, even for a long merchant name', async () => {
    const long = await createMerchant(s.deps.db, {
      name: 'বাংলাদেশ অনলাইন ইলেকট্রনিক্স অ্যান্ড হোম অ্যাপ্লায়েন্সেস লিমিটেড',
      contactEmail: 'care@long.test',
      websites: ['long-name-shop.test'],
    });
    const consumer = await consumerLogin(s);
    const filed = await fileVia(s, consumer.auth, complaintInput({ merchantId: long }));
    await deliverAll();
    const mine = gw.to(consumer.phone).filter((m) => m.text.includes(filed.trackingCode));
    assert.equal(mine.length, 1);
    assert.ok(mine[0]!.text.includes('…'), 'the long name is shortened');

    const bengali = gw.messages.filter((m) => /[\u0980-\u09ff]/.test(m.text));
    assert.ok(bengali.length >= 10, `checked ${bengali.length} messages`);
    for (const m of bengali) assert.ok(smsSegments(m.text) <= 2, `${smsSegments(m.text)} segments: ${m.text}`);
  });

  it('sends the stable reference in the request, as the gateway’s own field and the Idempotency-Key: a repeat after a crash is dropped', async () => {
    // A gateway that knows repeats only by the Idempotency-Key header, and calls the reference csms_id.
    const generic = await startSmsGateway({ dedupe: 'idempotency-key', referenceField: 'csms_id' });
    try {
      const sms = httpSmsGateway({ url: generic.url, senderId: 'NALISH', referenceField: 'csms_id' });
      await deliverAll();
      const phone = '01700000777';
      assert.equal((await s.app.inject({ method: 'POST', url: '/api/v1/otp', payload: { phone } })).statusCode, 202);
      const [row] = await outbox(`template = 'otp' AND recipient = '+8801700000777'`);
      // The gateway takes the message; the worker dies before it can record that.
      const dying = { ...senders, sms: { send: async (m: SmsMessage) => { await sms.send(m); throw new Error('the worker process died'); } } };
      await deliverBatch(s.deps.db, dying, s.deps.now);
      s.clock.advance(backoffMs(1));
      await deliverBatch(s.deps.db, { ...senders, sms }, s.deps.now);
      const [done] = await outbox('id = $1', [row!.id]);
      assert.equal(done!.status, 'sent');
      assert.equal(done!.attempts, 2);
      const reference = messageReference(row!.id);
      assert.equal(generic.to('+8801700000777').length, 1, 'the phone got the code once');
      assert.equal(generic.messages[0]!.reference, reference);
      assert.equal(generic.messages[0]!.idempotencyKey, reference);
      assert.deepEqual(generic.duplicates, [reference], 'the repeat carried the same reference, and was dropped');
    } finally {
      await generic.close();
    }
  });

  it('retries a failing gateway with backoff and delivers later, once', async () => {
    const consumer = await consumerLogin(s);
    await deliverAll();
    const filed = await fileVia(s, consumer.auth);
    gw.failNext(2);
    const first = await deliverAll();
    assert.equal(first.failed, 1, 'the SMS failed; the merchant e-mail went');
    const [row] = await outbox(`complaint_id = $1 AND channel = 'sms'`, [await codeOf(filed.trackingCode)]);
    // The consumer reads Bengali: the code in Bengali digits; the link keeps it as it is.
    assert.ok(row!.body.includes(toBengaliDigits(filed.trackingCode)), row!.body);
    assert.ok(row!.body.includes(`/t/${filed.trackingCode}`), row!.body);
    assert.equal(row!.status, 'pending');
    assert.equal(row!.attempts, 1);
    assert.equal(row!.last_error, 'gateway answered 500');
    assert.equal(new Date(row!.next_attempt_at).getTime(), s.clock.now().getTime() + backoffMs(1));

    // Not due again until the backoff has passed.
    s.clock.advance(backoffMs(1) - 1_000);
    assert.deepEqual(await deliverAll(), { sent: 0, failed: 0 });
    s.clock.advance(1_000);
    assert.deepEqual(await deliverAll(), { sent: 0, failed: 1 });
    const [again] = await outbox('id = $1', [row!.id]);
    assert.equal(again!.attempts, 2);
    assert.equal(new Date(again!.next_attempt_at).getTime(), s.clock.now().getTime() + backoffMs(2));
    assert.equal(backoffMs(2), 2 * backoffMs(1));

    s.clock.advance(backoffMs(2));
    assert.deepEqual(await deliverAll(), { sent: 1, failed: 0 });
    const [done] = await outbox('id = $1', [row!.id]);
    assert.equal(done!.status, 'sent');
    assert.equal(done!.attempts, 3);
    assert.equal(gw.messages.filter((m) => m.reference === messageReference(row!.id)).length, 1);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts and marks the message failed`, async () => {
    assert.deepEqual(await deliverAll(), { sent: 0, failed: 0 }, 'nothing else pending');
    const phone = '+8801700000999';
    const [{ id }] = (await s.deps.db.query<{ id: number }>(
      `INSERT INTO outbox (channel, recipient, body, template, next_attempt_at) VALUES ('sms', $1, 'নালিশ পরীক্ষা', 'test', $2) RETURNING id`,
      [phone, s.clock.now()],
    )) as [{ id: number }];
    gw.failNext(1_000);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      assert.deepEqual(await deliverAll(), { sent: 0, failed: 1 }, `attempt ${attempt}`);
      const [r] = await outbox('id = $1', [id]);
      assert.equal(r!.attempts, attempt);
      assert.equal(r!.status, attempt < MAX_ATTEMPTS ? 'pending' : 'failed');
      s.clock.advance(backoffMs(attempt));
    }
    gw.failNext(0);
    s.clock.advance(24 * 3600_000);
    assert.deepEqual(await deliverAll(), { sent: 0, failed: 0 }, 'a failed message is not tried again');
    assert.equal(gw.to(phone).length, 0);
  });

  it('retries a temporary SMTP refusal too', async () => {
    const consumer = await consumerLogin(s);
    await deliverAll();
    const filed = await fileVia(s, consumer.auth);
    smtp.failNext(1);
    assert.deepEqual(await deliverAll(), { sent: 1, failed: 1 });
    s.clock.advance(backoffMs(1));
    assert.deepEqual(await deliverAll(), { sent: 1, failed: 0 });
    assert.equal(smtp.to('complaints@shopbd.test').filter((m) => m.subject.includes(filed.trackingCode)).length, 1);
  });
});
