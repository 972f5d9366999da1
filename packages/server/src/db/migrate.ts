// Plain SQL migrations, checked in, applied in name order at start-up on both databases.
// An advisory lock keeps two processes starting together from applying one twice.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

const DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const LOCK_ID = 7_200_001;

export async function migrationFiles(): Promise<string[]> {
  return (await readdir(DIR)).filter((f) => f.endsWith('.sql')).sort();
}

export async function migrate(db: Db): Promise<string[]> {
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
    for (const file of await migrationFiles()) {
      if (done.has(file)) continue;
      const sql = await readFile(DIR + file, 'utf8');
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      applied.push(file);
    }
  });
  return applied;
}

/** Migrations on disk that the database has not applied (for /health). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const rows = await db.query<{ name: string }>('SELECT name FROM schema_migrations').catch(() => []);
  const done = new Set(rows.map((r) => r.name));
  return (await migrationFiles()).filter((f) => !done.has(f));
}
