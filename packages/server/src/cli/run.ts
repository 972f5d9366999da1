// The admin command line: offices, officers, merchants, API keys, holidays, history checks.
// Everything goes through the same functions the service uses (admin/ops.ts, auth/apiKeys.ts,
// history/chain.ts), so the CLI applies the same checks as the demo data and the API.
import type { Deps } from '../deps.ts';
import { explainDbError } from './args.ts';
import { type CliOut, consoleOut, CliError, type Handler } from './io.ts';
import { USAGE } from './usage.ts';
import { officesCommands } from './offices.ts';
import { merchantsCommands } from './merchants.ts';
import { apiKeysCommands } from './apiKeys.ts';
import { historyCommands } from './history.ts';
import { demoLoginsCommands } from './demoLogins.ts';
import { holidaysCommands } from './holidays.ts';
import { totpCommands } from './totp.ts';

export { CliError, type CliOut, consoleOut } from './io.ts';
export { USAGE } from './usage.ts';

const commands: Record<string, Handler> = {
  ...officesCommands,
  ...merchantsCommands,
  ...apiKeysCommands,
  ...historyCommands,
  ...demoLoginsCommands,
  ...holidaysCommands,
  ...totpCommands,
};

/** Commands that never touch the database. */
const NO_DATABASE = new Set(['totp', 'help']);

/** The command name (one or two words) and the arguments after it, or null. */
export function commandOf(argv: readonly string[]): { name: string; args: string[] } | null {
  const [a, b] = argv;
  if (a === undefined) return null;
  if (a === 'help' || a === '--help' || a === '-h') return { name: 'help', args: [] };
  if (b !== undefined && Object.hasOwn(commands, `${a} ${b}`)) return { name: `${a} ${b}`, args: argv.slice(2) };
  if (Object.hasOwn(commands, a)) return { name: a, args: argv.slice(1) };
  return null;
}

export const needsDatabase = (argv: readonly string[]): boolean => {
  const c = commandOf(argv);
  return c !== null && !NO_DATABASE.has(c.name) && !c.args.includes('--help');
};

/**
 * Runs one command. `deps` is the service's dependencies, or a function that opens them
 * (so `help` and `totp` need no database). Returns the exit code.
 */
export async function runCli(argv: readonly string[], deps: Deps | (() => Promise<Deps>), out: CliOut = consoleOut): Promise<number> {
  const cmd = commandOf(argv);
  if (!cmd) {
    if (argv.length > 0) out.err(`error: unknown command: ${argv.slice(0, 2).join(' ')}\n`);
    out.err(USAGE);
    return 1;
  }
  if (cmd.name === 'help' || cmd.args.includes('--help') || cmd.args.includes('-h')) {
    out.out(USAGE);
    return 0;
  }
  const getDeps = typeof deps === 'function' ? deps : () => Promise.resolve(deps);
  try {
    return await commands[cmd.name]!(cmd.args, getDeps, out);
  } catch (e) {
    if (e instanceof CliError) {
      out.err(`error: ${e.message}`);
      return 1;
    }
    const explained = explainDbError(e);
    if (explained) {
      out.err(`error: ${explained}`);
      return 1;
    }
    // ops.ts reports bad input as plain errors (e.g. a short password): show the message.
    out.err(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
