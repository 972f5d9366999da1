// Chromium for the browser tests (packages/web/test): Debian's own package, never a downloaded
// browser. scripts/test.mjs asks for it before running any test file that drives a browser:
// found → its path; missing, as root with apt → installed from the distribution; otherwise the
// run stops at once with the exact command to run. Browser tests are never skipped.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

export const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
export const INSTALL = 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium';

/**
 * What to do, from the facts: { use: path } | { install: true } | { stop: message }.
 * `exists(path)`: an executable file is there; `isRoot`: may install; `hasApt`: apt-get exists.
 */
export function planChromium({ env, exists, isRoot, hasApt }) {
  if (env.CHROMIUM_PATH) {
    return exists(env.CHROMIUM_PATH)
      ? { use: env.CHROMIUM_PATH }
      : { stop: `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file. Point it at a Chromium binary, or unset it to use Debian's (/usr/bin/chromium).` };
  }
  const found = CANDIDATES.find(exists);
  if (found) return { use: found };
  if (isRoot && hasApt) return { install: true };
  const how = hasApt
    ? `Install Debian's Chromium, then run the tests again:\n\n    sudo sh -c '${INSTALL}'\n\n(On Ubuntu Chromium is a snap: sudo snap install chromium, then CHROMIUM_PATH=/snap/bin/chromium npm test.)`
    : 'Install Chromium from your distribution, then run the tests again with CHROMIUM_PATH=/path/to/chromium.';
  return { stop: `The browser tests (packages/web/test) need Chromium, and it is not installed.\n${how}` };
}

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const hasCommand = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** The Chromium to use, installing it when that is possible; { stop } when it is not there. */
export function ensureChromium(env = process.env, log = (m) => console.log(m)) {
  const facts = { env, exists: executable, isRoot: process.getuid?.() === 0, hasApt: hasCommand('apt-get') };
  const plan = planChromium(facts);
  if (!plan.install) return plan;
  log(`Chromium is missing: installing Debian's package (${INSTALL}) …`);
  const r = spawnSync('sh', ['-c', INSTALL], { stdio: 'inherit' });
  const after = planChromium({ ...facts, isRoot: false });
  if (after.use) return after;
  return { stop: `Installing Chromium failed (exit code ${r.status}). Install it by hand and run the tests again:\n\n    ${INSTALL}\n\nor set CHROMIUM_PATH=/path/to/chromium.` };
}
