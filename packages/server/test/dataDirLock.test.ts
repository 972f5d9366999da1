// One process per embedded data directory: the server holds an OS lock on it; a second server,
// a worker and a CLI command stop at once naming the holder, and the lock of a SIGKILLed holder
// is free again at once (nothing stale to clean up).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DataDirBusy, lockDataDir, lockHolder } from '../src/db/dataDirLock.ts';
import { pgliteDb, wrapPglite } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { STEP_TIMEOUT_MS } from './support/workerProcess.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | string | null>;
}

function run(script: string, args: string[], env: Record<string, string>): Proc {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  return { child, output: () => out, exited };
}

/** Waits for the process to end, or to say it is running (a refusal that did not happen). */
async function outcome(p: Proc, running: RegExp): Promise<{ exit: number | string | null; output: string }> {
  const started = new Promise<'running'>((resolve) => {
    const check = () => (running.test(p.output()) ? resolve('running') : undefined);
    p.child.stdout!.on('data', check);
  });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no outcome:\n${p.output()}`)), STEP_TIMEOUT_MS).unref());
  const r = await Promise.race([p.exited, started, timeout]);
  if (r === 'running') {
    p.child.kill('SIGKILL');
    await p.exited;
    assert.fail(`the second process started on the same data directory:\n${p.output()}`);
  }
  return { exit: r, output: p.output() };
}

describe('one process per embedded data directory', () => {
  let dataDir: string;
  let env: Record<string, string>;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nalish-lock-'));
    env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', WORKERS: 'false', DEMO_DATA: 'false', PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'silent' };
    // A migrated database unpacked into the directory (initdb on disk takes far longer).
    const { PGlite } = await import('@electric-sql/pglite');
    const seed = new PGlite();
    await migrate(wrapPglite(seed));
    const image = (await seed.dumpDataDir('none')) as Blob;
    await seed.close();
    await mkdir(join(dataDir, 'pglite'), { recursive: true });
    const db = await pgliteDb(join(dataDir, 'pglite'), image);
    await db.close();
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('refuses a second server, a worker and a CLI command naming the holder; a SIGKILLed holder leaves no lock behind', async () => {
    const server = run('packages/server/src/main.ts', [], env);
    try {
      const up = await Promise.race([
        new Promise<boolean>((resolve) => server.child.stdout!.on('data', () => /Nalish is running/.test(server.output()) && resolve(true))),
        server.exited.then(() => false),
      ]);
      assert.ok(up, `the first server did not start:\n${server.output()}`);
      assert.match(server.output(), /this process holds .*nalish\.lock/);
      assert.deepEqual({ pid: lockHolder(dataDir)?.pid, command: lockHolder(dataDir)?.command }, { pid: server.child.pid, command: 'npm start (server)' });

      const holder = new RegExp(`in use by process ${server.child.pid} \\(npm start \\(server\\)`);
      const second = await outcome(run('packages/server/src/main.ts', [], env), /Nalish is running/);
      assert.equal(second.exit, 1, second.output);
      assert.match(second.output, holder);
      assert.match(second.output, /one process at a time/);
      assert.doesNotMatch(second.output, /\n\s+at /, 'a plain message, not a stack trace');

      const worker = await outcome(run('packages/server/src/worker.ts', [], env), /worker \d+ running/);
      assert.equal(worker.exit, 1, worker.output);
      assert.match(worker.output, holder);

      const cli = await outcome(run('packages/server/src/cli/main.ts', ['office', 'list'], env), /^\[/m);
      assert.equal(cli.exit, 1, cli.output);
      assert.match(cli.output, /^error: The data directory .* is in use by process/m);
      assert.match(cli.output, holder);
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
    }

    // Killed without a chance to clean up: the kernel released the lock with the process.
    const after = await outcome(run('packages/server/src/cli/main.ts', ['office', 'list'], env), /(?!)/);
    assert.equal(after.exit, 0, after.output);
    assert.match(after.output, /^\[\]$/m);
  });

  it('flock(1) and the Perl helper take the same lock; a holder in this process is named too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nalish-lock-'));
    try {
      const held = await lockDataDir(dir, { command: 'test holder', helper: 'perl' });
      const err = await lockDataDir(dir, { command: 'second', helper: 'flock' }).then(
        () => assert.fail('a second lock was granted'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof DataDirBusy);
      assert.equal(err.holder?.pid, process.pid);
      assert.match(err.message, /in use by process \d+ \(test holder, since /);
      await held.release();
      const again = await lockDataDir(dir, { command: 'after release', helper: 'flock' });
      assert.equal(lockHolder(dir)?.command, 'after release');
      await again.release();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
