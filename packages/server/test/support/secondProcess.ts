// A second server "process" on the test's database: on PostgreSQL its own connection pool
// (so nothing is shared but the database), on PGlite the same embedded database.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { calendarFromDb } from '../../src/calendarSource.ts';
import { type Db, postgresDb } from '../../src/db/db.ts';
import type { Deps } from '../../src/deps.ts';
import type { TestService } from '../harness.ts';

/** A new pool to the test database (PostgreSQL), or the same database (PGlite). */
export async function otherConnection(s: TestService): Promise<{ db: Db; close: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url || s.deps.db.kind !== 'postgres') return { db: s.deps.db, close: async () => undefined };
  const [{ name }] = (await s.deps.db.query<{ name: string }>('SELECT current_database() AS name')) as [{ name: string }];
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = postgresDb(u.toString(), 5);
  return { db, close: () => db.close() };
}

export async function secondProcess(s: TestService): Promise<{ deps: Deps; app: FastifyInstance; close: () => Promise<void> }> {
  const conn = await otherConnection(s);
  const deps: Deps = { ...s.deps, db: conn.db, calendar: calendarFromDb(conn.db) };
  const app = await buildApp(deps);
  await app.ready();
  return {
    deps,
    app,
    async close() {
      await app.close();
      await conn.close();
    },
  };
}
