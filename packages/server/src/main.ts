// `npm start`: the whole service in one process — HTTP, workers, embedded database by default.
import { parseConfig } from './config.ts';
import { buildApp } from './app.ts';
import { DEMO, addDemoShopHosts, loadDemoData } from './demo.ts';
import { createDeps, sendersFromConfig } from './service.ts';
import { startWorkers } from './workers.ts';

const config = parseConfig();
const started = Date.now();
const deps = await createDeps(config);
const app = await buildApp(deps, { logger: true });
const demo = config.demoData ? await loadDemoData(deps) : false;
const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
if (config.demoData) await addDemoShopHosts(deps, [shownHost, 'localhost', '127.0.0.1', new URL(config.publicUrl).hostname]);
const workers = config.workers ? startWorkers(deps, sendersFromConfig(config), { log: (m, e) => app.log.error({ err: e }, m) }) : null;
await app.listen({ port: config.port, host: config.host });

const base = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${(app.server.address() as { port: number }).port}`;
const where = config.databaseUrl ? 'PostgreSQL server' : `embedded PGlite in ${config.dataDir}/pglite`;
console.log(`
Nalish is running at ${base}
  database: ${where}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)
  API reference: /docs   OpenAPI: /openapi.json   health: /health
  SMS (development): ${config.sms.gatewayUrl ? config.sms.gatewayUrl : `${config.dataDir}/outbox/sms.jsonl`}
${config.demoData ? `
Demo logins${demo ? ' (demo data loaded now)' : ''}:
  consumer  ${DEMO.consumerPhone}  (ask for a code; read it in ${config.dataDir}/outbox/sms.jsonl)
  merchant  ${DEMO.merchant.email} / ${DEMO.merchant.password}
  officer   ${DEMO.officer.email} / ${DEMO.officer.password}  TOTP secret ${DEMO.officer.totpSecret}
            (a current code: npm run nalish -- totp ${DEMO.officer.totpSecret})
  demo shop ${base}/demo-shop  (a shop page with the complaint widget and the trust badge;
            a complaint filed there reaches the merchant above, "order confirmed by the merchant")
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
