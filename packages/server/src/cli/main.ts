// `npm run nalish -- <command>`: the admin command line (see run.ts, or `npm run nalish -- help`).
// It opens the database from the same settings as the server. The embedded PGlite database
// allows one process at a time (a command run beside the server stops at once, naming it), so
// use it while the server is stopped, or against PostgreSQL.
import { pathToFileURL } from 'node:url';
import { parseConfig } from '../config.ts';
import type { Deps } from '../deps.ts';
import { createDeps } from '../service.ts';
import { commandOf, consoleOut, needsDatabase, runCli } from './run.ts';

export { type CliOut, runCli, USAGE } from './run.ts';

async function main(argv: string[]): Promise<number> {
  let deps: Deps | null = null;
  const open = async (): Promise<Deps> => {
    // Named by its command only: its options may carry a password.
    deps ??= await createDeps(parseConfig(), { command: `npm run nalish -- ${commandOf(argv)?.name ?? ''}`.trim() });
    return deps;
  };
  try {
    return await runCli(argv, needsDatabase(argv) ? open : () => Promise.reject(new Error('this command needs no database')), consoleOut);
  } finally {
    await (deps as Deps | null)?.db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (e) {
    // Settings or database could not be opened.
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
