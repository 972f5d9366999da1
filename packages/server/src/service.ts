// Assembles the service from configuration: database, migrations, secret, storage, calendar,
// senders. Used by the server, the worker process, the CLI and the tests.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import { type Db, openDb } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import type { Deps } from './deps.ts';
import { calendarFromDb } from './calendarSource.ts';
import { diskStorage } from './evidence/storage.ts';
import { s3Storage } from './evidence/s3.ts';
import type { Senders } from './notify/deliver.ts';
import { fileEmail, smtpEmail } from './notify/email.ts';
import { fileSms, httpSmsGateway } from './notify/sms.ts';
import { httpWebhookSender } from './webhooks/http.ts';

const HOLIDAYS = fileURLToPath(new URL('../../domain/data/holidays-bd.json', import.meta.url));

export async function loadSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db.query(`INSERT INTO app_secrets (name, value) VALUES ('hash', $1) ON CONFLICT (name) DO NOTHING`, [randomBytes(32).toString('hex')]);
  const [row] = await db.query<{ value: string }>(`SELECT value FROM app_secrets WHERE name = 'hash'`);
  return row!.value;
}

/** The holiday table starts from the shipped list; after that it is edited in the database. */
export async function seedHolidays(db: Db): Promise<void> {
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM holidays');
  if (n > 0) return;
  const data = JSON.parse(await readFile(HOLIDAYS, 'utf8')) as { holidays: { date: string; en: string; bn: string; confirmed: boolean }[] };
  for (const h of data.holidays) {
    await db.query('INSERT INTO holidays (date, name_en, name_bn, confirmed) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [h.date, h.en, h.bn, h.confirmed]);
  }
}

export async function prepareDatabase(db: Db): Promise<void> {
  await migrate(db);
  await seedHolidays(db);
}

export async function createDeps(config: Config, opts: { db?: Db; now?: () => Date; command?: string } = {}): Promise<Deps> {
  const db = opts.db ?? (await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: opts.command ?? 'nalish' }));
  await prepareDatabase(db);
  return {
    db,
    config,
    secret: await loadSecret(db, config.secret),
    now: opts.now ?? (() => new Date()),
    calendar: calendarFromDb(db),
    storage: config.storage.kind === 's3' ? s3Storage(config.storage.s3) : diskStorage(join(config.dataDir, 'files')),
    settings: config.lifecycle,
  };
}

export function sendersFromConfig(config: Config): Senders {
  return {
    sms: config.sms.gatewayUrl
      ? httpSmsGateway({ url: config.sms.gatewayUrl, token: config.sms.token, senderId: config.sms.senderId, referenceField: config.sms.referenceField })
      : fileSms(join(config.dataDir, 'outbox', 'sms.jsonl')),
    email: config.smtpUrl ? smtpEmail(config.smtpUrl, config.mailFrom) : fileEmail(join(config.dataDir, 'outbox', 'email.jsonl')),
    webhook: httpWebhookSender(config.webhooks),
  };
}
