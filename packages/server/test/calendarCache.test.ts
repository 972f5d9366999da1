// The holiday calendar is cached for a minute. When the cache has expired, a lifecycle step
// reads it inside its own transaction: on PGlite (a single connection) reading through the pool
// there waited for that very transaction, so the step — and every request after it — hung.
// Seen in a browser test that ran just over a minute after the server started.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type TestService, type World, complaintInput, consumerLogin, fileVia, makeService, makeWorld, merchantLogin, step } from './harness.ts';

describe('the holiday calendar read inside a step', () => {
  let s: TestService;
  let w: World;
  before(async () => {
    s = await makeService();
    w = await makeWorld(s.deps.db);
  });
  after(() => s.close());

  // The timeout turns a hang into a failure; it is not a performance assertion.
  it('does not wait on the step’s own transaction when the cache has expired', { timeout: 60_000 }, async () => {
    const { auth } = await consumerLogin(s);
    const filed = await fileVia(s, auth, complaintInput());
    const merchant = await merchantLogin(s, w.merchantUser);
    s.deps.calendar.invalidate();
    const r = await step(s, merchant, filed.trackingCode, 'respond', { kind: 'defence', message: 'We delivered it on time, see the receipt.' });
    assert.equal(r.statusCode, 200, r.body);
    s.deps.calendar.invalidate();
    const accepted = await step(s, auth, filed.trackingCode, 'accept', {});
    assert.equal(accepted.statusCode, 200, accepted.body);
    // And the server still answers afterwards.
    assert.equal((await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${filed.trackingCode}`, headers: auth })).statusCode, 200);
  });
});
