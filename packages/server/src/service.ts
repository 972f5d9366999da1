// Assembles the service from configuration: database, migrations, secret, storage, calendar,
// senders. Used by the server, the worker process, the CLI and the tests.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from './config.ts';
import { type Db, openDb } from './db/db.ts';
import { migrate } from './db/migrate.ts';
import type { Deps } from './deps.ts';
import { recountCountersOnce } from './stats/counters.ts';
import { calendarFromDb } from './calendarSource.ts';
import { loadShippedHolidays, syncShippedHolidays } from './holidays/seed.ts';
import { diskStorage } from './evidence/storage.ts';
import { s3Storage } from './evidence/s3.ts';
import type { Senders } from './notify/deliver.ts';
import { fileEmail, smtpEmail } from './notify/email.ts';
import { fileSms, httpSmsGateway } from './notify/sms.ts';
import { httpWebhookSender } from './webhooks/http.ts';

export async function loadSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db.query(`INSERT INTO app_secrets (name, value) VALUES ('hash', $1) ON CONFLICT (name) DO NOTHING`, [randomBytes(32).toString('hex')]);
  const [row] = await db.query<{ value: string }>(`SELECT value FROM app_secrets WHERE name = 'hash'`);
  return row!.value;
}

export async function prepareDatabase(db: Db): Promise<void> {
  await migrate(db);
  // Once after migration 010: the merchants' counters from the history written before them.
  await recountCountersOnce(db);
  // The holiday table follows the shipped data without undoing edits (holidays/seed.ts).
  await syncShippedHolidays(db, await loadShippedHolidays());
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
