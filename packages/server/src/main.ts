// `npm start`: the whole service in one process — HTTP, workers, embedded database by default.
import { parseConfig } from './config.ts';
import { buildApp } from './app.ts';
import { DEMO, loadDemoData } from './demo.ts';
import { createDeps, sendersFromConfig } from './service.ts';
import { startWorkers } from './workers.ts';

const config = parseConfig();
const started = Date.now();
const deps = await createDeps(config);
const app = await buildApp(deps, { logger: true });
const demo = config.demoData ? await loadDemoData(deps) : false;
const workers = config.workers ? startWorkers(deps, sendersFromConfig(config), { log: (m, e) => app.log.error({ err: e }, m) }) : null;
await app.listen({ port: config.port, host: config.host });

const where = config.databaseUrl ? 'PostgreSQL server' : `embedded PGlite in ${config.dataDir}/pglite`;
console.log(`
Nalish is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${(app.server.address() as { port: number }).port}
  database: ${where}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)
  API reference: /docs   OpenAPI: /openapi.json   health: /health
  SMS (development): ${config.sms.gatewayUrl ? config.sms.gatewayUrl : `${config.dataDir}/outbox/sms.jsonl`}
${config.demoData ? `
Demo logins${demo ? ' (demo data loaded now)' : ''}:
  consumer  ${DEMO.consumerPhone}  (ask for a code; read it in ${config.dataDir}/outbox/sms.jsonl)
  merchant  ${DEMO.merchant.email} / ${DEMO.merchant.password}
  officer   ${DEMO.officer.email} / ${DEMO.officer.password}  TOTP secret ${DEMO.officer.totpSecret}
            (a current code: npm run nalish -- totp ${DEMO.officer.totpSecret})
` : ''}`);

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
