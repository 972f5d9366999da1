// `npm run bench`: load the real server over loopback, on PGlite and on PostgreSQL.
//
//   npm run bench -- [--db pglite|postgres|both] [--duration 10] [--warmup 2] [--connections 20]
//                    [--complaints 100000] [--consumers 200] [--only <text>] [--cpu-prof]
//                    [--pg-url postgres://postgres@127.0.0.1:5432/postgres]
//
// For each database: a fresh database is prepared (offices, a merchant with 100,000
// complaints, 200 consumer sessions and a merchant session), the server is started in a
// child process (src/main.ts, workers off), each scenario runs for --duration seconds after
// a --warmup, and on PostgreSQL pgbench then measures the database's own ceiling for the
// filing transaction. Results go to bench-results/ as JSON and are printed as a table.
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDb, postgresDb } from '../src/db/db.ts';
import { type ScenarioResult, runScenario, scenarios } from './load.ts';
import { type PgbenchResult, filingScript, findPgbench, runPgbench } from './pgbench.ts';
import { type Prepared, prepare } from './prepare.ts';
import { type ProfileSummary, summariseProfile } from './profile.ts';
import { memoryOf, startServer } from './server.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const OUT = join(ROOT, 'bench-results');

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '20' },
    complaints: { type: 'string', default: '100000' },
    consumers: { type: 'string', default: '200' },
    only: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    'pgbench-seconds': { type: 'string', default: '10' },
  },
});
if (!['pglite', 'postgres', 'both'].includes(args.db!)) throw new Error('--db is pglite, postgres or both');
const opts = {
  duration: Number(args.duration),
  warmup: Number(args.warmup),
  connections: Number(args.connections),
  complaints: Number(args.complaints),
  consumers: Number(args.consumers),
  pgbenchSeconds: Number(args['pgbench-seconds']),
};
const POOL = 10; // src/db/db.ts postgresDb default, used by the server

interface DbRun {
  database: 'pglite' | 'postgres';
  version: string;
  prepareSeconds: number;
  server: { startSeconds: number; readySeconds: number | null; rssAfterStartMiB: number | null; rssAfterLoadMiB: number | null; peakRssMiB: number | null };
  scenarios: (ScenarioResult & { loadavgBefore: number[]; rssAfterMiB: number | null })[];
  pgbench?: PgbenchResult[];
  filingShareOfCeiling?: number;
  profile?: ProfileSummary;
  skipped?: string;
}

const log = (m: string) => process.stderr.write(`${m}\n`);

async function machine() {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const pkg = JSON.parse(await readFile(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  return {
    cpus: cpus().length,
    cpuModel: cpuinfo.match(/model name\s*:\s*(.*)/)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    freeMemoryGiB: +(freemem() / 2 ** 30).toFixed(1),
    node: process.version,
    pglite: pkg.version,
    loadavgAtStart: loadavg().map((x) => +x.toFixed(2)),
  };
}

async function runScenarios(url: string, p: Prepared, pid: number, runId: string): Promise<DbRun['scenarios']> {
  const out: DbRun['scenarios'] = [];
  for (const s of scenarios(p, runId)) {
    if (args.only && !s.name.includes(args.only)) continue;
    const loadavgBefore = loadavg().map((x) => +x.toFixed(2));
    log(`  ${s.name}: ${opts.warmup} s warm-up + ${opts.duration} s, ${opts.connections} connections …`);
    const r = await runScenario(url, s, { connections: opts.connections, duration: opts.duration, warmup: opts.warmup });
    const mem = await memoryOf(pid);
    out.push({ ...r, loadavgBefore, rssAfterMiB: mem ? +mem.rssMiB.toFixed(1) : null });
    log(`    ${r.reqPerSec.toFixed(0)} req/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  non-2xx ${r.non2xx}  ${JSON.stringify(r.statusCodes)}`);
  }
  return out;
}

async function profileOf(dir: string | undefined): Promise<ProfileSummary | undefined> {
  if (!dir) return undefined;
  const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.cpuprofile'));
  if (!files.length) return undefined;
  // The module-hooks thread writes a profile too; the main thread's is the largest.
  const sized = await Promise.all(files.map(async (f) => ({ f, size: (await stat(join(dir, f))).size })));
  return summariseProfile(join(dir, sized.sort((a, b) => b.size - a.size)[0]!.f));
}

async function benchPglite(runId: string): Promise<DbRun> {
  log('PGlite: preparing a fresh data directory …');
  const dataDir = await mkdtemp(join(tmpdir(), 'nalish-bench-'));
  try {
    const db = await openDb({ dataDir, command: 'npm run bench (prepare)' });
    const p = await prepare(db, { complaints: opts.complaints, consumers: opts.consumers });
    const [{ v } = { v: '' }] = await db.query<{ v: string }>('SELECT version() AS v');
    await db.close();
    log(`  prepared in ${p.seconds.toFixed(1)} s; starting the server …`);
    const profDir = args['cpu-prof'] ? join(OUT, `prof-pglite-${runId}`) : undefined;
    const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' }, { cpuProfDir: profDir });
    const afterStart = await memoryOf(server.pid);
    log(`  healthy after ${server.startSeconds.toFixed(1)} s (server says ready in ${server.readySeconds} s), RSS ${afterStart?.rssMiB.toFixed(0)} MiB`);
    let results: DbRun['scenarios'];
    let afterLoad: Awaited<ReturnType<typeof memoryOf>>;
    try {
      results = await runScenarios(server.url, p, server.pid, runId);
      afterLoad = await memoryOf(server.pid);
    } finally {
      await server.stop();
    }
    return {
      database: 'pglite',
      version: v,
      prepareSeconds: +p.seconds.toFixed(1),
      server: {
        startSeconds: +server.startSeconds.toFixed(2),
        readySeconds: server.readySeconds,
        rssAfterStartMiB: afterStart ? +afterStart.rssMiB.toFixed(1) : null,
        rssAfterLoadMiB: afterLoad ? +afterLoad.rssMiB.toFixed(1) : null,
        peakRssMiB: afterLoad ? +afterLoad.peakMiB.toFixed(1) : null,
      },
      scenarios: results,
      profile: await profileOf(profDir),
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function benchPostgres(runId: string): Promise<DbRun> {
  const adminUrl = args['pg-url']!;
  const admin = postgresDb(adminUrl, 1);
  const skipped = (why: string): DbRun => ({
    database: 'postgres', version: '', prepareSeconds: 0, scenarios: [], skipped: why,
    server: { startSeconds: 0, readySeconds: null, rssAfterStartMiB: null, rssAfterLoadMiB: null, peakRssMiB: null },
  });
  try {
    await admin.query('SELECT 1');
  } catch (e) {
    await admin.close().catch(() => undefined);
    const why = `PostgreSQL at ${adminUrl.replace(/:[^:@/]*@/, ':***@')} is unreachable (${(e as Error).message}); skipped.`;
    log(why);
    return skipped(why);
  }
  const NAME = 'nalish_bench';
  const u = new URL(adminUrl);
  u.pathname = `/${NAME}`;
  const benchUrl = u.toString();
  log('PostgreSQL: creating a fresh database nalish_bench …');
  await admin.exec(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin.exec(`CREATE DATABASE ${NAME}`);
  const dataDir = await mkdtemp(join(tmpdir(), 'nalish-bench-'));
  try {
    const db = postgresDb(benchUrl, 2);
    const p = await prepare(db, { complaints: opts.complaints, consumers: opts.consumers });
    const [{ v } = { v: '' }] = await db.query<{ v: string }>('SELECT version() AS v');
    await db.close();
    log(`  prepared in ${p.seconds.toFixed(1)} s; starting the server …`);
    const profDir = args['cpu-prof'] ? join(OUT, `prof-postgres-${runId}`) : undefined;
    const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: benchUrl }, { cpuProfDir: profDir });
    const afterStart = await memoryOf(server.pid);
    log(`  healthy after ${server.startSeconds.toFixed(1)} s (server says ready in ${server.readySeconds} s)`);
    let results: DbRun['scenarios'];
    let afterLoad: Awaited<ReturnType<typeof memoryOf>>;
    try {
      results = await runScenarios(server.url, p, server.pid, runId);
      afterLoad = await memoryOf(server.pid);
    } finally {
      await server.stop();
    }

    const pgbench: PgbenchResult[] = [];
    const bin = await findPgbench();
    if (!bin) log('  pgbench not found (apt-get install postgresql-client); no ceiling measured.');
    else {
      const conn = { host: u.hostname, port: u.port || '5432', user: decodeURIComponent(u.username || 'postgres'), database: NAME };
      for (const full of [false, true]) {
        log(`  pgbench (${full ? 'whole filing request' : 'filing transaction'}): ${POOL} clients, ${opts.pgbenchSeconds} s …`);
        const r = await runPgbench(bin, conn, filingScript(p.merchantId, p.officeId, full), join(dataDir, `filing${full ? '-full' : ''}.sql`), {
          clients: POOL,
          seconds: opts.pgbenchSeconds,
          full,
        });
        log(`    ${r.tps.toFixed(0)} tx/s, latency ${r.latencyAvgMs} ms`);
        pgbench.push(r);
      }
    }
    const filing = results.find((r) => r.scenario.startsWith('file'));
    const ceiling = pgbench.find((r) => r.script === 'filing transaction');
    const filed2xx = filing ? (filing.statusCodes['201'] ?? 0) / filing.seconds : 0;
    return {
      database: 'postgres',
      version: v,
      prepareSeconds: +p.seconds.toFixed(1),
      server: {
        startSeconds: +server.startSeconds.toFixed(2),
        readySeconds: server.readySeconds,
        rssAfterStartMiB: afterStart ? +afterStart.rssMiB.toFixed(1) : null,
        rssAfterLoadMiB: afterLoad ? +afterLoad.rssMiB.toFixed(1) : null,
        peakRssMiB: afterLoad ? +afterLoad.peakMiB.toFixed(1) : null,
      },
      scenarios: results,
      pgbench,
      ...(filing && ceiling ? { filingShareOfCeiling: +(filed2xx / ceiling.tps).toFixed(3) } : {}),
      profile: await profileOf(profDir),
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await admin.exec(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`).catch(() => undefined);
    await admin.close();
  }
}

function table(runs: DbRun[]): string {
  const f0 = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
  const f1 = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
  const lines = ['| Database | Scenario | Conns | req/s | p50 ms | p99 ms | non-2xx |', '|---|---|---:|---:|---:|---:|---:|'];
  for (const r of runs) {
    if (r.skipped) {
      lines.push(`| ${r.database} | skipped: ${r.skipped} | | | | | |`);
      continue;
    }
    for (const s of r.scenarios) lines.push(`| ${r.database} | ${s.scenario} | ${s.connections} | ${f0(s.reqPerSec)} | ${f1(s.p50Ms)} | ${f1(s.p99Ms)} | ${s.non2xx}${s.errors ? ` (+${s.errors} errors)` : ''} |`);
    for (const b of r.pgbench ?? []) lines.push(`| ${r.database} | pgbench: ${b.script} | ${b.clients} | ${f0(b.tps)} tx/s | avg ${b.latencyAvgMs ?? '?'} | | ${b.failed ?? 0} failed |`);
    if (r.filingShareOfCeiling !== undefined) lines.push(`| ${r.database} | filing (201/s) ÷ pgbench filing transaction | | **${(r.filingShareOfCeiling * 100).toFixed(0)} %** | | | |`);
  }
  const mem = runs
    .filter((r) => !r.skipped)
    .map((r) => `- ${r.database}: server healthy ${r.server.startSeconds} s after spawn (ready in ${r.server.readySeconds} s by its own count); RSS ${r.server.rssAfterStartMiB} MiB after start, ${r.server.rssAfterLoadMiB} MiB after load, peak ${r.server.peakRssMiB} MiB; data prepared in ${r.prepareSeconds} s`);
  return `${lines.join('\n')}\n\n${mem.join('\n')}\n`;
}

const runId = new Date().toISOString().replace(/[:.]/g, '-');
await mkdir(OUT, { recursive: true });
const info = await machine();
log(`Nalish bench ${runId}: ${info.cpus} CPUs (${info.cpuModel}), ${info.memoryGiB} GiB, Node ${info.node}, PGlite ${info.pglite}, load average ${info.loadavgAtStart.join(' ')}`);
const runs: DbRun[] = [];
if (args.db === 'pglite' || args.db === 'both') runs.push(await benchPglite(runId));
if (args.db === 'postgres' || args.db === 'both') runs.push(await benchPostgres(runId));
const result = { runId, options: opts, machine: info, loadavgAtEnd: loadavg().map((x) => +x.toFixed(2)), runs };
const file = join(OUT, `bench-${runId}.json`);
await writeFile(file, JSON.stringify(result, null, 2));
await writeFile(join(OUT, 'latest.json'), JSON.stringify(result, null, 2));
console.log(`\n${table(runs)}`);
for (const r of runs) {
  if (!r.profile) continue;
  console.log(`CPU profile of the ${r.database} server (${f(r.profile.totalMs / 1000)} s sampled), self time by area:`);
  for (const a of r.profile.byArea) console.log(`  ${(a.share * 100).toFixed(1).padStart(5)} %  ${a.area}`);
  console.log('  top functions:');
  for (const a of r.profile.byFunction) console.log(`  ${(a.share * 100).toFixed(1).padStart(5)} %  ${a.fn}`);
}
console.log(`\nResults: ${file}`);

function f(n: number): string {
  return n.toFixed(1);
}
