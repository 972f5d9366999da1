// One small interface over PGlite (embedded, the default) and a PostgreSQL server (pg),
// so every query and migration runs unchanged on both.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

// Any object shape: rows are typed by the caller (interfaces have no index signature).
export type Row = object;

export interface Queryable {
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in a transaction; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// BIGINT and NUMERIC come back as strings from both drivers; counts and taka fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export function postgresDb(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server closes (a restart, a failover, an administrator) is reported
  // here; without a listener node-postgres would crash the process. The pool opens a new
  // connection on the next query, so there is nothing else to do.
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL closed an idle connection: ${err.message}`);
  });
  return {
    kind: 'postgres',
    async query<R extends Row>(sql: string, params: readonly unknown[] = []) {
      const r = await pool.query(sql, params as unknown[]);
      return r.rows as R[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Queryable = {
          async query<R extends Row>(sql: string, params: readonly unknown[] = []) {
            return (await client.query(sql, params as unknown[])).rows as R[];
          },
          async exec(sql: string) {
            await client.query(sql);
          },
        };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

const int8Parser = { 20: (v: string) => Number(v) };

export async function pgliteDb(dataDir: string | undefined, loadDataDir?: Blob): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db: PGlite = new PGlite({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers: int8Parser,
  });
  await db.waitReady;
  return wrapPglite(db);
}

export function wrapPglite(db: PGlite): Db {
  return {
    kind: 'pglite',
    async query<R extends Row>(sql: string, params: readonly unknown[] = []) {
      return (await db.query<R>(sql, params as unknown[])).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return db.transaction(async (t) =>
        fn({
          async query<R extends Row>(sql: string, params: readonly unknown[] = []) {
            return (await t.query<R>(sql, params as unknown[])).rows;
          },
          async exec(sql: string) {
            await t.exec(sql);
          },
        }),
      );
    },
    close: () => db.close(),
  };
}

/**
 * The configured database. The embedded one is opened only under the data directory's
 * exclusive lock (db/dataDirLock.ts), held until close(); `command` names this process in the
 * message another process gets.
 */
export async function openDb(opts: { databaseUrl?: string | undefined; dataDir: string; command: string }): Promise<Db> {
  if (opts.databaseUrl) return postgresDb(opts.databaseUrl);
  const { mkdir } = await import('node:fs/promises');
  const { lockDataDir } = await import('./dataDirLock.ts');
  const lock = await lockDataDir(opts.dataDir, { command: opts.command });
  try {
    const dir = `${opts.dataDir}/pglite`;
    await mkdir(dir, { recursive: true });
    const db = await pgliteDb(dir);
    return {
      ...db,
      async close() {
        try {
          await db.close();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (e) {
    await lock.release();
    throw e;
  }
}
