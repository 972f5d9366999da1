// The README's test command on a fresh machine: the browser tests get Debian's Chromium (found,
// or installed as root with apt), or the run stops before any test with the exact command to
// run. Browser tests are never skipped.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { INSTALL, planChromium } from '../../../scripts/chromium.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('Chromium for the browser tests', () => {
  const none = () => false;
  it('uses the installed one, or CHROMIUM_PATH when it points at a binary', () => {
    assert.deepEqual(planChromium({ env: {}, exists: (p) => p === '/usr/bin/chromium', isRoot: false, hasApt: true }), { use: '/usr/bin/chromium' });
    assert.deepEqual(planChromium({ env: { CHROMIUM_PATH: '/opt/c/chrome' }, exists: (p) => p === '/opt/c/chrome', isRoot: false, hasApt: false }), { use: '/opt/c/chrome' });
  });

  it('missing, as root with apt: installs Debian’s package', () => {
    assert.deepEqual(planChromium({ env: {}, exists: none, isRoot: true, hasApt: true }), { install: true });
    assert.match(INSTALL, /apt-get install -y chromium$/);
  });

  it('missing otherwise: stops with the exact command; a CHROMIUM_PATH that is not there is named', () => {
    const user = planChromium({ env: {}, exists: none, isRoot: false, hasApt: true });
    assert.ok(user.stop);
    assert.match(user.stop, /sudo sh -c 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium'/);
    const noApt = planChromium({ env: {}, exists: none, isRoot: true, hasApt: false });
    assert.match(noApt.stop ?? '', /CHROMIUM_PATH=\/path\/to\/chromium/);
    const wrong = planChromium({ env: { CHROMIUM_PATH: '/nope/chromium' }, exists: none, isRoot: true, hasApt: true });
    assert.match(wrong.stop ?? '', /CHROMIUM_PATH=\/nope\/chromium is not an executable file/);
  });

  it('npm test stops at once, before any test runs, when Chromium cannot be had: browser tests are never skipped', () => {
    const r = spawnSync(process.execPath, ['scripts/test.mjs', 'packages/web/test/shell'], {
      cwd: ROOT,
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
      encoding: 'utf8',
    });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /CHROMIUM_PATH=\/nonexistent\/chromium is not an executable file/);
    assert.doesNotMatch(r.stdout, /test files on|# pass|✔/);
  });
});
