// What a command writes to and how it fails.
import type { Deps } from '../deps.ts';

export interface CliOut {
  /** Results, on stdout. */
  out(text: string): void;
  /** Errors and notes, on stderr. */
  err(text: string): void;
}

export const consoleOut: CliOut = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

/** A mistake in what was typed: reported as "error: ..." with exit code 1. */
export class CliError extends Error {}

export type Handler = (args: string[], deps: () => Promise<Deps>, out: CliOut) => Promise<number>;
