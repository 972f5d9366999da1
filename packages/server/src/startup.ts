// What the server, the worker and the CLI do when they cannot start: a refusal they can explain
// (the data directory is in use, demo logins on a public install, a bad setting) is printed as
// one plain message and the process stops with exit code 1, without a stack trace.
import { ZodError } from 'zod';
import { DataDirBusy } from './db/dataDirLock.ts';

/** A start-up refusal whose message says what to do. */
export class StartupRefused extends Error {}

export function startupMessage(e: unknown): string | null {
  if (e instanceof DataDirBusy || e instanceof StartupRefused) return e.message;
  if (e instanceof ZodError) return `Invalid setting: ${e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  return null;
}

export async function orExit<T>(work: Promise<T> | (() => Promise<T>)): Promise<T> {
  try {
    return await (typeof work === 'function' ? work() : work);
  } catch (e) {
    const message = startupMessage(e);
    if (message === null) throw e;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}
