// One process per embedded data directory. PGlite keeps the whole database in the memory of the
// process that opened it and writes it back to DATA_DIR/pglite; a second process opening the
// same directory serves its own copy, and whichever writes last silently destroys what the other
// acknowledged. So the server, the worker and every CLI command that opens PGlite first take an
// exclusive OS lock on DATA_DIR/nalish.lock, and a second process stops at once, naming the
// process that holds it.
//
// Why this primitive: Node 20 has no flock()/fcntl() of its own, and the npm packages that add
// one (fs-ext, os-lock) compile C at install time, which needs a compiler and Node's headers
// from the internet. A lock file that merely exists (or a listening socket in the directory)
// outlives a SIGKILLed process, and taking over a stale one is a race between two starters. So
// we hold a real flock(2) through a tiny helper process: `flock` from util-linux (Essential on
// Debian and Ubuntu; busybox has it too), or Perl's flock where that is missing (macOS). The
// helper holds the lock while it reads our stdin; when this process ends in any way, even by
// SIGKILL, the kernel closes the pipe, the helper exits and the kernel drops the lock. Nothing
// stale is ever left to "recover": a killed holder's lock is simply free again, and the file's
// old contents are overwritten by the next holder. flock works between containers that share
// the volume (same kernel), and over NFS (Linux emulates it with fcntl locks).
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';

export const LOCK_FILE = 'nalish.lock';

export interface LockHolder {
  pid: number;
  /** What the holder is: "server", "worker", "nalish office list", … */
  command: string;
  host: string;
  startedAt: string;
}

export class DataDirBusy extends Error {
  readonly holder: LockHolder | null;
  constructor(dir: string, holder: LockHolder | null) {
    const who = holder
      ? `process ${holder.pid} (${holder.command}${holder.host !== hostname() ? ` on ${holder.host}` : ''}, since ${holder.startedAt})`
      : 'another process';
    super(
      `The data directory ${dir} is in use by ${who}. The embedded database allows one process at a time: ` +
        'stop that process first, or use a PostgreSQL server (DATABASE_URL) to run several.',
    );
    this.holder = holder;
  }
}

export interface DataDirLock {
  readonly path: string;
  release(): Promise<void>;
}

type Helper = 'flock' | 'perl';

// flock(1): -n fails at once (exit 1) when another process holds the lock; with the lock held it
// runs the shell, which says so and then waits for our stdin to close.
// Perl: the same with Fcntl's flock, for systems without flock(1).
const PERL_LOCK = 'use Fcntl ":flock"; open(my $f, ">>", $ARGV[0]) or exit 66; flock($f, LOCK_EX|LOCK_NB) or exit 1; $|=1; print "locked\\n"; 1 while <STDIN>;';

function helperArgs(helper: Helper, file: string): [string, string[]] {
  return helper === 'flock' ? ['flock', ['-n', file, '-c', 'echo locked && exec cat']] : ['perl', ['-e', PERL_LOCK, file]];
}

type Outcome = { locked: true; child: ChildProcessByStdio<Writable, Readable, Readable> } | { locked: false; code: number | null; missing: boolean; stderr: string };

function tryLock(helper: Helper, file: string): Promise<Outcome> {
  const [cmd, args] = helperArgs(helper, file);
  return new Promise((done) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let settled = false;
    const settle = (o: Outcome) => {
      if (settled) return;
      settled = true;
      done(o);
    };
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('locked')) settle({ locked: true, child });
    });
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    child.on('error', (e: NodeJS.ErrnoException) => settle({ locked: false, code: null, missing: e.code === 'ENOENT', stderr: e.message }));
    child.on('exit', (code) => settle({ locked: false, code, missing: false, stderr: err }));
  });
}

function readHolder(file: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.command === 'string' ? { pid: h.pid, command: h.command, host: String(h.host ?? ''), startedAt: String(h.startedAt ?? '') } : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface LockOptions {
  /** What this process is, for the message another process shows. */
  command: string;
  /** Which helper to use (tests); default: flock(1), else Perl. */
  helper?: Helper;
  /** Called if the helper process ends while we hold the lock (someone killed it): the lock is
   *  gone, so this process must stop using the directory. Default: say so and exit. */
  onLost?: () => void;
}

/**
 * Takes the data directory's lock or throws DataDirBusy naming the holder. Waits only while the
 * recorded holder on this machine is already dead (its helper is exiting: milliseconds).
 */
export async function lockDataDir(dir: string, opts: LockOptions): Promise<DataDirLock> {
  const abs = resolve(dir);
  await mkdir(abs, { recursive: true });
  const file = join(abs, LOCK_FILE);
  // The lock file must exist for flock(1) to open it; its contents are only information.
  await writeFile(file, '', { flag: 'a' });
  const helpers: Helper[] = opts.helper ? [opts.helper] : ['flock', 'perl'];
  const deadline = Date.now() + 5000;
  for (;;) {
    let outcome: Outcome | null = null;
    for (const helper of helpers) {
      outcome = await tryLock(helper, file);
      if (outcome.locked || !outcome.missing) break;
    }
    if (!outcome || (!outcome.locked && outcome.missing)) {
      throw new Error('Cannot lock the data directory: neither flock (util-linux) nor perl is installed. Install util-linux, or use PostgreSQL (DATABASE_URL).');
    }
    if (outcome.locked) {
      const { child } = outcome;
      let released = false;
      const holder: LockHolder = { pid: process.pid, command: opts.command, host: hostname(), startedAt: new Date().toISOString() };
      await writeFile(file, `${JSON.stringify(holder)}\n`);
      child.on('exit', () => {
        if (released) return;
        (opts.onLost ?? (() => {
          process.stderr.write(`The lock on ${abs} was lost (its helper process ended); stopping so that no other process can write beside this one.\n`);
          process.exit(70);
        }))();
      });
      // The helper must not keep this process alive, and must not outlive it.
      child.unref();
      (child.stdout as Readable & { unref?: () => void }).unref?.();
      (child.stderr as Readable & { unref?: () => void }).unref?.();
      (child.stdin as Writable & { unref?: () => void }).unref?.();
      return {
        path: file,
        async release() {
          if (released) return;
          released = true;
          if (child.exitCode !== null || child.signalCode !== null) return;
          // Wait for the helper to end (the lock is free only then); keep the loop alive meanwhile.
          child.ref();
          (child.stdout as Readable & { ref?: () => void }).ref?.();
          const exited = new Promise((r) => child.once('exit', r));
          child.stdin.end();
          await exited;
        },
      };
    }
    if (outcome.code !== 1) throw new Error(`Cannot lock the data directory ${abs}: ${outcome.stderr.trim() || `exit code ${outcome.code}`}`);
    const holder = readHolder(file);
    // A holder on this machine that is already gone: its helper is still closing. Try again.
    if (holder && holder.host === hostname() && !alive(holder.pid) && Date.now() < deadline) {
      await sleep(50);
      continue;
    }
    throw new DataDirBusy(abs, holder);
  }
}

/** The holder recorded in a data directory (for messages and tests). */
export const lockHolder = (dir: string): LockHolder | null => readHolder(join(resolve(dir), LOCK_FILE));
