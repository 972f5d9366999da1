// Runs every test file with Node's test runner (TypeScript through tsx).
// DATABASE_URL set: the server tests run against that PostgreSQL server; unset: PGlite.
// Browser tests need Chromium: found, installed from Debian's packages (as root with apt), or
// the run stops before any test with the exact command to run (scripts/chromium.mjs).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) find(path, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const filter = process.argv.slice(2);
const files = find('packages').filter((f) => filter.length === 0 || filter.some((x) => f.includes(x))).sort();
const env = { ...process.env };
// A test file that drives a browser imports the browser support module.
const browserFiles = files.filter((f) => /from '\.\/browser\.ts'/.test(readFileSync(f, 'utf8')));
if (browserFiles.length > 0) {
  const chromium = ensureChromium(env);
  if (chromium.stop) {
    console.error(`\n${chromium.stop}\n`);
    process.exit(1);
  }
  env.CHROMIUM_PATH = chromium.use;
}
console.log(`${files.length} test files on ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (embedded)'}${browserFiles.length ? `; browser tests with ${env.CHROMIUM_PATH}` : ''}`);
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
