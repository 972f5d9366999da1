// Real worker processes for crash tests: `src/worker.ts` started as a child against the test's
// database, stopped with a signal; and the service on a PGlite data directory (a child process
// can open it only once the test has closed its own handle: one process per directory).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../src/app.ts';
import { parseConfig } from '../../src/config.ts';
import { pgliteDb, wrapPglite } from '../../src/db/db.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createDeps, prepareDatabase } from '../../src/service.ts';
import { makeClock } from '../harness.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const STEP_TIMEOUT_MS = 120_000; // generous: PGlite and tsx start slowly on a busy machine

export async function waitFor(what: string, cond: () => boolean | Promise<boolean>, timeoutMs = STEP_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | string | null>;
}

export function startWorker(env: Record<string, string>): WorkerProcess {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/worker.ts'], {
    cwd: ROOT,
    env: { ...base, DEMO_DATA: 'false', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  return { child, output: () => out, exited };
}

export async function stopWorker(w: WorkerProcess, signal: NodeJS.Signals): Promise<number | string | null> {
  if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill(signal);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`worker did not exit on ${signal}:\n${w.output()}`)), 20_000).unref(),
  );
  return Promise.race([w.exited, timeout]);
}

/** The service on a PGlite data directory, so a child process can open the same database. */
export async function pgliteService(dataDir: string, env: Record<string, string>) {
  const clock = makeClock(new Date(Date.now() - 60_000));
  const config = parseConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'https://nalish.test', LOG_LEVEL: 'silent', ...env });
  // initdb straight onto disk takes ~20 s; a database migrated in memory and unpacked into the
  // directory takes a few.
  const { PGlite } = await import('@electric-sql/pglite');
  const seed = new PGlite();
  await migrate(wrapPglite(seed));
  const image = (await seed.dumpDataDir('none')) as Blob;
  await seed.close();
  await mkdir(join(dataDir, 'pglite'), { recursive: true });
  const db = await pgliteDb(join(dataDir, 'pglite'), image);
  await prepareDatabase(db);
  const deps = await createDeps(config, { db, now: clock.now });
  const app = await buildApp(deps);
  await app.ready();
  return { deps, app, clock };
}
