// `npm run worker`: the background loops (outbox delivery and the deadline sweep) as a
// process of their own, without HTTP. Run any number of them against one PostgreSQL server
// (leases and timer claims are atomic); with embedded PGlite only one process may open the
// data directory, so run it instead of, not beside, a server started with WORKERS=true.
import { parseConfig } from './config.ts';
import { createDeps, sendersFromConfig } from './service.ts';
import { orExit } from './startup.ts';
import { startWorkers } from './workers.ts';

const config = await orExit(async () => parseConfig());
const deps = await orExit(createDeps(config, { command: 'npm run worker' }));
const senders = sendersFromConfig(config);
const log = (msg: string, err?: unknown) => {
  if (config.logLevel !== 'silent') console.error(`[worker ${process.pid}] ${msg}`, err ?? '');
};
const workers = startWorkers(deps, senders, { log });
// The loop's own timer is unref'd (it must not hold a server open); here it is the whole
// process, so keep the event loop alive until a signal arrives.
const keepAlive = setInterval(() => undefined, 1 << 30);
if (config.logLevel !== 'silent') {
  console.log(`Nalish worker ${process.pid} running (${config.databaseUrl ? 'PostgreSQL server' : `PGlite in ${config.dataDir}/pglite`})`);
}

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    clearInterval(keepAlive);
    await workers.stop();
    senders.email.close?.();
    await deps.db.close();
    process.exit(0);
  });
}
