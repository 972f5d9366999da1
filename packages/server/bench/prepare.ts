// Puts the benchmark's data into a fresh database before the server starts: offices, the
// merchant with a staff user, 100,000 complaints in the merchant's inbox (two events each),
// and signed-in sessions for 200 consumers and the merchant user. Sessions are inserted the
// way src/auth/sessions.ts stores them (keyed hash of the token with the service secret).
import { makeTrackingCode } from '@nalish/domain';
import { createMerchant, createMerchantUser, createOffice } from '../src/admin/ops.ts';
import { keyedHash, randomToken } from '../src/auth/secrets.ts';
import type { Db } from '../src/db/db.ts';
import { loadSecret, prepareDatabase } from '../src/service.ts';

export const BENCH_WEBSITE = 'shopbd.bench';

export interface Consumer {
  phone: string;
  token: string;
}

export interface Prepared {
  merchantId: string;
  /** The office filings from Dhaka are routed to. */
  officeId: string;
  merchantToken: string;
  consumers: Consumer[];
  /** Bulk complaints a consumer can read: tracking code and the owner's index in consumers. */
  readable: { code: string; consumer: number }[];
  complaints: number;
  seconds: number;
}

export function consumerPhone(i: number): string {
  return `+8801711${String(i).padStart(6, '0')}`;
}

/** Distinct 9-digit seeds, so the bulk rows have valid (check-digit) codes. */
function bulkCode(i: number): string {
  return makeTrackingCode(String(100_000_000 + i * 7919));
}

export async function prepare(db: Db, opts: { complaints: number; consumers: number }): Promise<Prepared> {
  const t0 = performance.now();
  await prepareDatabase(db);
  const secret = await loadSecret(db, undefined);

  const hq = await createOffice(db, { nameEn: 'DNCRP Head Office', nameBn: 'প্রধান কার্যালয়', level: 'national', email: 'hq@dncrp.bench' });
  const dhaka = await createOffice(db, { nameEn: 'DNCRP Dhaka', nameBn: 'ঢাকা বিভাগীয় কার্যালয়', level: 'division', area: 'dhaka', email: 'dhaka@dncrp.bench' });
  void hq;
  const merchantId = await createMerchant(db, {
    name: 'ShopBD Bench',
    contactEmail: 'complaints@shopbd.bench',
    websites: [BENCH_WEBSITE],
    tradeLicence: 'TL-BENCH',
    dbid: 'DBID-BENCH',
  });
  const userId = await createMerchantUser(db, { merchantId, email: 'owner@shopbd.bench', name: 'Owner', password: 'bench-merchant-password' });

  // Sessions for the consumers and the merchant user.
  const consumers: Consumer[] = [];
  for (let i = 0; i < opts.consumers; i++) consumers.push({ phone: consumerPhone(i), token: randomToken() });
  const merchantToken = randomToken();
  const expires = new Date(Date.now() + 7 * 24 * 3600_000);
  await db.query(
    `INSERT INTO sessions (token_hash, kind, subject, expires_at)
     SELECT h, k, s, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS u(h, k, s)`,
    [
      [...consumers.map((c) => keyedHash(secret, `session:${c.token}`)), keyedHash(secret, `session:${merchantToken}`)],
      [...consumers.map(() => 'consumer'), 'merchant'],
      [...consumers.map((c) => c.phone), userId],
      expires,
    ],
  );

  // The inbox: complaints with their deadlines spread over 60 days around now (about half
  // overdue), filed between 62 and 4 days ago (so the per-day filing count stays cheap).
  const codes = Array.from({ length: opts.complaints }, (_, i) => bulkCode(i));
  const now = new Date();
  const BATCH = 25_000;
  for (let start = 0; start < codes.length; start += BATCH) {
    await db.query(
      `WITH src AS (
         SELECT (g + $7)::int AS g, code FROM unnest($1::text[]) WITH ORDINALITY AS u(code, g)
       ), ins AS (
         INSERT INTO complaints (id, tracking_code, version, state, owner, due_at, merchant_id, office_id,
           consumer_phone, consumer_name, consumer_locale, district, order_number, order_date, amount_bdt,
           payment_channel, category, description, wanted_remedy, pre_checks, last_event_hash, filed_at, updated_at)
         SELECT gen_random_uuid(), code, 2, 'with_merchant', 'merchant',
           $2::timestamptz - interval '30 days' + g * ($6::float8 * interval '1 second'),
           $3::uuid, $4::uuid,
           '+8801711' || lpad(((g - 1) % $5::int)::text, 6, '0'),
           'Bench Consumer', 'bn', 'dhaka', 'BULK-' || g, DATE '2026-09-01' + (g % 60), 500 + (g % 20000),
           'bkash', 'not_delivered', 'Paid in advance by bKash, the parcel never came and the seller stopped answering.',
           'refund',
           '{"contactedMerchant":true,"contactedOn":"2026-11-18","remedyReceived":"none","problemDate":"2026-11-17"}'::jsonb,
           repeat('ab', 32),
           $2::timestamptz - interval '62 days' + g * interval '50 seconds',
           $2::timestamptz - interval '62 days' + g * interval '50 seconds'
         FROM src
         RETURNING id, consumer_phone, filed_at
       )
       INSERT INTO events (record_kind, record_id, complaint_id, seq, type, actor_role, actor_id, from_state, to_state, payload, created_at, prev_hash, hash)
       SELECT 'complaint', id, id, 1, 'filed', 'consumer', consumer_phone, NULL, 'submitted', '{"bulk":true}'::jsonb, filed_at, repeat('0', 64), repeat('cd', 32) FROM ins
       UNION ALL
       SELECT 'complaint', id, id, 2, 'route', 'system', NULL, 'submitted', 'with_merchant', '{"merchantReachable":true}'::jsonb, filed_at, repeat('cd', 32), repeat('ab', 32) FROM ins`,
      [codes.slice(start, start + BATCH), now, merchantId, dhaka, opts.consumers, (60 * 86_400) / opts.complaints, start],
    );
  }
  await db.exec('ANALYZE');

  const readable: Prepared['readable'] = [];
  const step = Math.max(1, Math.floor(opts.complaints / 2000));
  for (let i = 0; i < opts.complaints; i += step) readable.push({ code: codes[i]!, consumer: i % opts.consumers });
  return { merchantId, officeId: dhaka, merchantToken, consumers, readable, complaints: opts.complaints, seconds: (performance.now() - t0) / 1000 };
}
