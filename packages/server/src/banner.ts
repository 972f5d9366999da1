// What `npm start` prints once it listens: where it runs, which database, where SMS and e-mail
// really go (a gateway, or the development files), and the demo logins when demo data is on.
import { join } from 'node:path';
import type { Config } from './config.ts';
import { DEMO } from './demo/demo.ts';

/** An address without the credentials or query a gateway URL may carry. */
function bare(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`;
}

/** Where this configuration sends SMS and e-mail (the same choice as service.ts sendersFromConfig). */
export function deliveryRoutes(config: Config): { sms: string; email: string } {
  const by = config.workers ? '' : ' by the worker processes (WORKERS=false: run `npm run worker`)';
  const sms = config.sms.gatewayUrl
    ? `HTTP gateway ${bare(config.sms.gatewayUrl)}${by} (at least once; each message carries its stable reference)`
    : `written to ${join(config.dataDir, 'outbox', 'sms.jsonl')}${by} (development: no SMS_GATEWAY_URL)`;
  const email = config.smtpUrl
    ? `SMTP ${new URL(config.smtpUrl).host}${by}`
    : `written to ${join(config.dataDir, 'outbox', 'email.jsonl')}${by} (development: no SMTP_URL)`;
  return { sms, email };
}

export function startBanner(config: Config, o: { base: string; seconds: number; demoLoadedNow: boolean }): string {
  const where = config.databaseUrl ? 'PostgreSQL server' : `embedded PGlite in ${config.dataDir}/pglite (this process holds ${config.dataDir}/nalish.lock)`;
  const routes = deliveryRoutes(config);
  const codeAt = config.sms.gatewayUrl ? 'it is sent through the SMS gateway' : `read it in ${join(config.dataDir, 'outbox', 'sms.jsonl')}`;
  return `
Nalish is running at ${o.base}
  database: ${where}  (ready in ${o.seconds.toFixed(1)} s)
  API reference: /docs   OpenAPI: /openapi.json   health: /health
  SMS:    ${routes.sms}
  e-mail: ${routes.email}
${config.demoData ? `
Demo logins${o.demoLoadedNow ? ' (demo data loaded now)' : ''}:
  consumer  ${DEMO.consumerPhone}  (ask for a code; ${codeAt})
  merchant  ${DEMO.merchant.email} / ${DEMO.merchant.password}
  officer   ${DEMO.officer.email} / ${DEMO.officer.password}  TOTP secret ${DEMO.officer.totpSecret}
            (a current code: npm run nalish -- totp ${DEMO.officer.totpSecret})
  demo shop ${o.base}/demo-shop  (a shop page with the complaint widget and the trust badge;
            a complaint filed there reaches the merchant above, "order confirmed by the merchant")
` : ''}`;
}
