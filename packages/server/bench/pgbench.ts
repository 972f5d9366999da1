// The database ceiling for filing: pgbench runs the SQL of the filing transaction
// (src/complaints/file.ts → merchants/resolve.ts, offices/route.ts, complaints/apply.ts,
// history/chain.ts, notify/enqueue.ts) with as many clients as the server's pool (10),
// so the server's filing rate can be read as a share of what the database alone can do.
// Statement for statement and round trip for round trip the same as the server's
// transaction on PostgreSQL: 15 statements between BEGIN and COMMIT.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { COMPLAINT_COLUMNS } from '../src/complaints/row.ts';
import { BENCH_WEBSITE } from './prepare.ts';

const run = promisify(execFile);

export async function findPgbench(): Promise<string | null> {
  try {
    const { stdout } = await run('sh', ['-c', 'command -v pgbench']);
    if (stdout.trim()) return stdout.trim();
  } catch {
    // not on PATH
  }
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  for (const v of (await readdir(base)).sort().reverse()) {
    const p = join(base, v, 'bin', 'pgbench');
    if (existsSync(p)) return p;
  }
  return null;
}

const FILED_PAYLOAD = JSON.stringify({
  merchant: { website: BENCH_WEBSITE, id: '00000000-0000-0000-0000-000000000000' },
  order: { number: 'PB-0', date: '2026-11-10', amountBdt: 2500, paymentChannel: 'bkash' },
  category: 'not_delivered',
  description: 'Paid in advance by bKash, the parcel never came and the seller stopped answering.',
  wantedRemedy: 'refund',
  preChecks: { contactedMerchant: true, contactedOn: '2026-11-18', remedyReceived: 'none', problemDate: '2026-11-17' },
  consumer: { name: 'Rahim Uddin', district: 'dhaka', locale: 'bn' },
});
const SMS_BODY = 'নালিশ: আপনার অভিযোগ জমা হয়েছে। ট্র্যাকিং কোড 123-456-7890। বিক্রেতা ShopBD Bench-এর উত্তর দেওয়ার শেষ দিন ২৫ নভেম্বর। http://localhost:3000/t/123-456-7890';
const EMAIL_BODY = `${SMS_BODY}\nবিস্তারিত দেখুন এবং উত্তর দিন: http://localhost:3000/t/123-456-7890`;
const ONE = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A string literal without a bare colon (pgbench would read `:name` inside it as a variable). */
const lit = (s: string) => `E'${s.replaceAll('\\', '\\\\').replaceAll("'", "''").replaceAll(':', '\\x3a')}'`;
const PRE_CHECKS = '{"contactedMerchant":true,"contactedOn":"2026-11-18","remedyReceived":"none","problemDate":"2026-11-17"}';

/** The filing transaction as a pgbench script. With `full`, also the request's other queries:
 *  the session lookup before it and the three reads of the complaint view after it. */
export function filingScript(merchantId: string, officeId: string, full: boolean): string {
  const id = `md5(:r::text || '-' || :client_id)::uuid`;
  const phone = `('+' || :ph::text)`;
  const hash = `repeat('ab', 32)`;
  const lines = [
    `\\set ph 8801711000000 + random(0, 199)`,
    `\\set r random(1, 4000000000000000)`,
  ];
  if (full) lines.push(`SELECT kind, subject FROM sessions WHERE token_hash = md5(:r::text) || md5(:ph::text) AND expires_at > now();`);
  lines.push(
    'BEGIN;',
    `SELECT count(*)::int AS n FROM complaints WHERE consumer_phone = ${phone} AND filed_at >= date_trunc('day', now());`,
    `SELECT merchant_id FROM merchant_identifiers WHERE kind = 'website' AND value = '${BENCH_WEBSITE}';`,
    ONE(`SELECT tracking_code FROM complaints WHERE consumer_phone = ${phone} AND merchant_id = '${merchantId}'
      AND lower(order_number) = lower('PB-' || :r::text) AND state NOT IN ('closed','withdrawn','rejected');`),
    `SELECT name, contact_email, locale, status FROM merchants WHERE id = '${merchantId}';`,
    ONE(`SELECT id FROM offices WHERE (level = 'district' AND area = 'dhaka') OR (level = 'division' AND area = 'dhaka') OR level = 'national'
      ORDER BY CASE level WHEN 'district' THEN 0 WHEN 'division' THEN 1 ELSE 2 END LIMIT 1;`),
    ONE(`INSERT INTO complaints (id, tracking_code, version, state, owner, due_at, merchant_id, office_id,
      consumer_phone, consumer_name, consumer_email, consumer_locale, district, order_number, order_date,
      amount_bdt, payment_channel, category, description, wanted_remedy, pre_checks, last_event_hash, filed_at, updated_at)
      VALUES (${id}, 'PB' || :r::text || '-' || :client_id, 0, 'submitted', 'system', now(), '${merchantId}', '${officeId}',
      ${phone}, 'Rahim Uddin', NULL, 'bn', 'dhaka', 'PB-' || :r::text, DATE '2026-11-10', 2500, 'bkash', 'not_delivered',
      'Paid in advance by bKash, the parcel never came and the seller stopped answering.', 'refund',
      ${lit(PRE_CHECKS)}::jsonb,
      repeat('0', 64), now(), now());`),
    ONE(`INSERT INTO events (record_kind, record_id, complaint_id, seq, type, actor_role, actor_id, from_state, to_state, payload, created_at, prev_hash, hash)
      VALUES ('complaint', ${id}, ${id}, 1, 'filed', 'consumer', ${phone}, NULL, 'submitted', ${lit(FILED_PAYLOAD)}, now(), repeat('0', 64), ${hash});`),
    ONE(`UPDATE complaints c SET version = 1, last_event_hash = ${hash} WHERE id = ${id} RETURNING ${COMPLAINT_COLUMNS};`),
    ONE(`INSERT INTO events (record_kind, record_id, complaint_id, seq, type, actor_role, actor_id, from_state, to_state, payload, created_at, prev_hash, hash)
      VALUES ('complaint', ${id}, ${id}, 2, 'route', 'system', NULL, 'submitted', 'with_merchant', ${lit('{"merchantReachable":true}')}, now(), ${hash}, repeat('cd', 32));`),
    ONE(`UPDATE complaints c SET version = 2, state = 'with_merchant', owner = 'merchant', due_at = now() + interval '3 days',
      response = NULL, info_requested_from = NULL, paused_remaining_ms = NULL, hearing = 'null', decision = 'null',
      fine_collected_bdt = NULL, complainant_share_bdt = NULL, assigned_officer_id = NULL, rating = NULL,
      last_event_hash = repeat('cd', 32), updated_at = now() WHERE id = ${id} AND version = 1 RETURNING ${COMPLAINT_COLUMNS};`),
    `UPDATE timers SET status = 'stale', done_at = now() WHERE complaint_id = ${id} AND status = 'pending';`,
    `INSERT INTO timers (record_kind, record_id, purpose, complaint_id, kind, fire_at, for_state, action) VALUES ('complaint', ${id}, 'lifecycle', ${id}, 'expiry', now() + interval '3 days', 'with_merchant', 'merchant_silent');`,
    ONE(`INSERT INTO timers (record_kind, record_id, purpose, complaint_id, kind, fire_at, for_state, notify) VALUES ('complaint', ${id}, 'lifecycle', ${id}, 'reminder', now() + interval '2 days', 'with_merchant',
      ${lit('{"to":"merchant","template":"merchant_reminder"}')});`),
    `INSERT INTO outbox (channel, recipient, subject, body, record_kind, record_id, complaint_id, template) VALUES ('sms', ${phone}, NULL, ${lit(SMS_BODY)}, 'complaint', ${id}, ${id}, 'filed');`,
    ONE(`INSERT INTO outbox (channel, recipient, subject, body, record_kind, record_id, complaint_id, template) VALUES ('email', 'complaints@shopbd.bench',
      'নতুন অভিযোগ 123-456-7890', ${lit(EMAIL_BODY)}, 'complaint', ${id}, ${id}, 'new_complaint');`),
    'COMMIT;',
  );
  if (full) {
    lines.push(
      `SELECT seq, type, actor_role, from_state, to_state, created_at, payload FROM events WHERE complaint_id = ${id} ORDER BY seq;`,
      `SELECT id, filename, media_type, size_bytes, sha256, uploaded_by, created_at FROM evidence WHERE complaint_id = ${id} ORDER BY created_at;`,
      `SELECT id, name, status FROM merchants WHERE id = '${merchantId}';`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export interface PgbenchResult {
  script: 'filing transaction' | 'filing request (tx + session + view reads)';
  clients: number;
  seconds: number;
  mode: string;
  tps: number;
  latencyAvgMs: number | null;
  transactions: number | null;
  failed: number | null;
}

export async function runPgbench(
  bin: string,
  conn: { host: string; port: string; user: string; database: string },
  scriptText: string,
  scriptPath: string,
  opts: { clients: number; seconds: number; full: boolean },
): Promise<PgbenchResult> {
  await writeFile(scriptPath, scriptText);
  const args = ['-h', conn.host, '-p', conn.port, '-U', conn.user, '-n', '-M', 'extended', '-c', String(opts.clients), '-j', '2', '-T', String(opts.seconds), '-f', scriptPath, conn.database];
  const { stdout } = await run(bin, args, { maxBuffer: 16 * 1024 * 1024 });
  const num = (re: RegExp) => {
    const m = stdout.match(re);
    return m ? Number(m[1]) : null;
  };
  const tps = num(/tps = ([\d.]+) \(without initial connection time\)/) ?? num(/tps = ([\d.]+)/);
  if (tps === null) throw new Error(`could not read pgbench output:\n${stdout}`);
  return {
    script: opts.full ? 'filing request (tx + session + view reads)' : 'filing transaction',
    clients: opts.clients,
    seconds: opts.seconds,
    mode: 'extended protocol (unnamed statements, as node-postgres sends them)',
    tps,
    latencyAvgMs: num(/latency average = ([\d.]+) ms/),
    transactions: num(/number of transactions actually processed: (\d+)/),
    failed: num(/number of failed transactions: (\d+)/),
  };
}
