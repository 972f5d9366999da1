// `npm start`: the whole service in one process — HTTP, workers, embedded database by default.
import { parseConfig } from './config.ts';
import { buildApp } from './app.ts';
import { startBanner } from './banner.ts';
import { addDemoShopHosts, loadDemoData, refuseDemoLoginsInPublic } from './demo/demo.ts';
import { createDeps, sendersFromConfig } from './service.ts';
import { orExit } from './startup.ts';
import { startWorkers } from './workers.ts';

const config = await orExit(async () => parseConfig());
const started = Date.now();
const deps = await orExit(createDeps(config, { command: 'npm start (server)' }));
await orExit(refuseDemoLoginsInPublic(deps));
const app = await buildApp(deps, { logger: true });
const demo = config.demoData ? await loadDemoData(deps) : false;
const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
if (config.demoData) await addDemoShopHosts(deps, [shownHost, 'localhost', '127.0.0.1', new URL(config.publicUrl).hostname]);
const workers = config.workers ? startWorkers(deps, sendersFromConfig(config), { log: (m, e) => app.log.error({ err: e }, m) }) : null;
await app.listen({ port: config.port, host: config.host });

const base = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${(app.server.address() as { port: number }).port}`;
console.log(startBanner(config, { base, seconds: (Date.now() - started) / 1000, demoLoadedNow: demo }));

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await workers?.stop();
    await deps.db.close();
    process.exit(0);
  });
}
