// Authorisation, route by route and role by role: who may call what, and what the others get.
// Outsiders to a complaint get 404 (existence is not leaked); the wrong kind of user on a
// role-only endpoint gets 403; a role the state machine never allows for a step gets 403;
// an allowed role in the wrong state gets 409.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type Action, type Role, TRANSITIONS } from '@nalish/domain';
import { fileComplaint } from '../src/complaints/file.ts';
import { ROUTED_ACTIONS } from '../src/routes/complaints.ts';
import { type TestService, type World, complaintInput, consumerLogin, makeService, makeWorld, merchantLogin, officerLogin, step } from './harness.ts';

type Who = 'anonymous' | 'owner' | 'otherConsumer' | 'merchant' | 'otherMerchant' | 'officer' | 'ctgOfficer' | 'apiKey';
const EVERYONE: readonly Who[] = ['anonymous', 'owner', 'otherConsumer', 'merchant', 'otherMerchant', 'officer', 'ctgOfficer', 'apiKey'];
/** The parties of the complaint and the role the state machine sees for each. */
const PARTY_ROLE: Partial<Record<Who, Role>> = { owner: 'consumer', merchant: 'merchant', apiKey: 'merchant', officer: 'officer' };
const OUTSIDERS: readonly Who[] = ['otherConsumer', 'otherMerchant', 'ctgOfficer'];

// A tiny valid PNG (1×1), enough for content detection.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function multipart(filename: string, data: Buffer) {
  const boundary = `----nalish${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('authorisation of every route for every role', () => {
  let s: TestService;
  let w: World;
  let as: Record<Who, Record<string, string>>;
  let ownerPhone: string;
  let otherPhone: string;
  let apiKeyId: string;

  before(async () => {
    s = await makeService({ env: { FILINGS_PER_DAY: '1000' } });
    w = await makeWorld(s.deps.db);
    const owner = await consumerLogin(s);
    const other = await consumerLogin(s);
    ownerPhone = owner.phone;
    otherPhone = other.phone;
    const merchant = await merchantLogin(s, w.merchantUser);
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/v1/merchant/api-keys',
      headers: merchant,
      payload: { label: 'shop system', scopes: ['complaints:read', 'complaints:respond', 'webhooks:manage'] },
    });
    assert.equal(created.statusCode, 201, created.body);
    apiKeyId = created.json().id;
    const apiKeyBearer = `Bearer ${created.json().key}`;
    as = {
      anonymous: {},
      owner: owner.auth,
      otherConsumer: other.auth,
      merchant,
      otherMerchant: await merchantLogin(s, w.otherMerchantUser),
      officer: await officerLogin(s, w.officer),
      ctgOfficer: await officerLogin(s, w.ctgOfficer),
      apiKey: {},
    };
    // Every write with an API key carries an Idempotency-Key: a fresh one for each request.
    Object.defineProperty(as, 'apiKey', { get: () => ({ authorization: apiKeyBearer, 'idempotency-key': randomUUID() }), enumerable: true });
  });
  after(() => s.close());

  /** A complaint by the owner against ShopBD, filed from Dhaka (so the Dhaka office's). */
  async function filed(): Promise<string> {
    const row = await fileComplaint(s.deps, ownerPhone, complaintInput());
    assert.equal(row.state, 'with_merchant');
    return row.tracking_code;
  }

  async function ok(who: Who, code: string, action: Action, body: Record<string, unknown>): Promise<void> {
    const r = await step(s, as[who], code, action, body);
    assert.equal(r.statusCode, 200, `${who} ${action}: ${r.body}`);
  }

  const future = () => new Date(s.clock.now().getTime() + 7 * 86_400_000).toISOString();
  // A body for every step people take (ROUTED_ACTIONS, read from the domain's table): the first
  // test fails when a new one has none here.
  const BODIES: Partial<Record<Action, () => Record<string, unknown>>> = {
    respond: () => ({ kind: 'offer', remedy: 'refund', amountBdt: 1000, message: 'We will refund.' }),
    accept: () => ({}),
    reject: () => ({ reason: 'Not enough, I paid more.' }),
    confirm_fulfilled: () => ({}),
    report_unfulfilled: () => ({ reason: 'The refund never came.' }),
    rate: () => ({ stars: 4 }),
    withdraw: () => ({}),
    reject_invalid: () => ({ reason: 'Not an e-commerce complaint.' }),
    assign: () => ({ officerId: w.officer.id }),
    request_info: () => ({ from: 'consumer', question: 'Please send the payment receipt.' }),
    provide_info: () => ({ answer: 'The receipt is attached.' }),
    schedule_hearing: () => ({ at: future(), mode: 'online', place: 'https://meet.example/dncrp' }),
    decide: () => ({ outcome: 'upheld', reasons: 'The merchant took payment and did not deliver.', fineBdt: 1000 }),
    record_fine_collected: () => ({ amountBdt: 1000 }),
    close: () => ({}),
    record_remedy: () => ({ remedy: 'refund', channel: 'bkash', reference: '9F7A6B5C4D' }),
    accept_late_answer: () => ({}),
    settle_by_agreement: () => ({}),
    record_hearing: () => ({ attendance: 'both' }),
    adjourn_hearing: () => ({ at: future(), mode: 'online', place: 'https://meet.example/dncrp', reason: 'The merchant asked for more time.' }),
    cancel_hearing: () => ({ reason: 'Both sides settled before the hearing.' }),
  };

  /** A fresh complaint brought, through the API, into a state where `action` is possible. */
  async function readyFor(action: Action, infoFrom: 'consumer' | 'merchant' = 'consumer'): Promise<string> {
    const code = await filed();
    const b = BODIES;
    if (['respond', 'withdraw', 'reject_invalid'].includes(action)) return code;
    await ok('merchant', code, 'respond', b.respond!());
    if (action === 'accept' || action === 'reject') return code;
    if (action === 'confirm_fulfilled' || action === 'report_unfulfilled' || action === 'rate' || action === 'record_remedy') {
      await ok('owner', code, 'accept', {});
      if (action === 'rate') await ok('owner', code, 'confirm_fulfilled', {});
      return code;
    }
    await ok('owner', code, 'reject', b.reject!());
    if (action === 'assign') return code;
    if (action === 'accept_late_answer' || action === 'settle_by_agreement') {
      // A second, later answer while the case is with the regulator.
      await ok('merchant', code, 'respond', { ...b.respond!(), amountBdt: 2500 });
      if (action === 'settle_by_agreement') await ok('owner', code, 'accept_late_answer', {});
      return code;
    }
    await ok('officer', code, 'assign', b.assign!());
    if (action === 'request_info' || action === 'schedule_hearing' || action === 'decide') return code;
    if (action === 'adjourn_hearing' || action === 'cancel_hearing') {
      await ok('officer', code, 'schedule_hearing', b.schedule_hearing!());
      return code;
    }
    if (action === 'record_hearing') {
      // Attendance is recorded once the hearing's time has come.
      await ok('officer', code, 'schedule_hearing', { ...b.schedule_hearing!(), at: new Date(s.clock.now().getTime() + 3600_000).toISOString() });
      s.clock.advance(2 * 3600_000);
      return code;
    }
    if (action === 'provide_info') {
      await ok('officer', code, 'request_info', { ...b.request_info!(), from: infoFrom });
      return code;
    }
    await ok('officer', code, 'decide', b.decide!());
    return code; // record_fine_collected, close
  }

  async function expectStatus(who: Who, code: string, action: Action, status: number, errorCode?: string, body?: Record<string, unknown>) {
    const r = await step(s, as[who], code, action, body ?? BODIES[action]!());
    assert.equal(r.statusCode, status, `${who} → ${action}: ${r.body}`);
    if (errorCode) assert.equal(r.json().error.code, errorCode, `${who} → ${action}`);
  }

  it('lists every lifecycle route the app serves', () => {
    for (const action of ROUTED_ACTIONS) {
      assert.ok(BODIES[action], `a body for ${action} in this walk`);
      const url = `/api/v1/complaints/:code/${action.replaceAll('_', '-')}`;
      assert.ok(s.app.hasRoute({ method: 'POST', url }), url);
    }
  });

  for (const action of ROUTED_ACTIONS) {
    it(`POST …/${action.replaceAll('_', '-')}: anonymous 401, outsiders 404, wrong role 403, allowed role 200`, async () => {
      const allowed = TRANSITIONS[action].roles;
      const code = await readyFor(action);
      await expectStatus('anonymous', code, action, 401, 'unauthenticated');
      for (const who of OUTSIDERS) await expectStatus(who, code, action, 404, 'not_found');
      for (const [who, role] of Object.entries(PARTY_ROLE) as [Who, Role][]) {
        if (!allowed.includes(role)) await expectStatus(who, code, action, 403, 'forbidden');
      }
      // Every allowed identity succeeds, each on a complaint of its own (a step changes the state).
      const allowedWho = (Object.entries(PARTY_ROLE) as [Who, Role][]).filter(([, role]) => allowed.includes(role)).map(([who]) => who);
      assert.ok(allowedWho.length > 0);
      for (const [i, who] of allowedWho.entries()) {
        const infoFrom = PARTY_ROLE[who] === 'merchant' ? 'merchant' : 'consumer';
        const target = i === 0 && !(action === 'provide_info' && infoFrom === 'merchant') ? code : await readyFor(action, infoFrom);
        await expectStatus(who, target, action, 200);
      }
    });
  }

  it('a step in the wrong state: the allowed role gets 409 invalid_transition, every other role still 403', async () => {
    const code = await filed();
    await ok('owner', code, 'withdraw', {});
    for (const action of ROUTED_ACTIONS) {
      for (const [who, role] of Object.entries(PARTY_ROLE) as [Who, Role][]) {
        if (TRANSITIONS[action].roles.includes(role)) await expectStatus(who, code, action, 409, 'invalid_transition');
        else await expectStatus(who, code, action, 403, 'forbidden');
      }
      for (const who of OUTSIDERS) await expectStatus(who, code, action, 404, 'not_found');
      await expectStatus('anonymous', code, action, 401, 'unauthenticated');
    }
  });

  it('provide_info from the party that was not asked is refused (guard), not accepted', async () => {
    const code = await readyFor('provide_info', 'consumer');
    await expectStatus('merchant', code, 'provide_info', 409, 'guard_failed');
    await expectStatus('apiKey', code, 'provide_info', 409, 'guard_failed');
  });

  it('GET a complaint, upload and download evidence: the parties yes, outsiders 404, anonymous 401', async () => {
    const code = await filed();
    const expected: Record<Who, number> = { anonymous: 401, owner: 200, otherConsumer: 404, merchant: 200, otherMerchant: 404, officer: 200, ctgOfficer: 404, apiKey: 200 };
    const uploaded: string[] = [];
    for (const who of EVERYONE) {
      const get = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}`, headers: as[who] });
      assert.equal(get.statusCode, expected[who], `${who} GET: ${get.body}`);
      const mp = multipart(`${who}.png`, PNG);
      const up = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${code}/evidence`, headers: { ...as[who], ...mp.headers }, payload: mp.payload });
      assert.equal(up.statusCode, expected[who] === 200 ? 201 : expected[who], `${who} upload: ${up.body}`);
      if (up.statusCode === 201) uploaded.push(up.json().id);
      else assert.equal(up.json().error.code, expected[who] === 401 ? 'unauthenticated' : 'not_found');
    }
    assert.equal(uploaded.length, 4);
    for (const id of uploaded) {
      for (const who of EVERYONE) {
        const r = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}/evidence/${id}`, headers: as[who] });
        assert.equal(r.statusCode, expected[who], `${who} download: ${r.body.slice(0, 200)}`);
        if (r.statusCode === 200) assert.deepEqual(r.rawPayload, PNG);
      }
    }
    // The outsiders' refused uploads left no evidence rows.
    const [{ n }] = (await s.deps.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM evidence e JOIN complaints c ON c.id = e.complaint_id WHERE c.tracking_code = $1',
      [code],
    )) as [{ n: number }];
    assert.equal(n, 4);
  });

  it('an outsider asking for a complaint that does not exist gets the same 404 as for one that does', async () => {
    const code = await filed();
    const real = await s.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}`, headers: as.otherConsumer });
    const none = await s.app.inject({ method: 'GET', url: '/api/v1/complaints/000-000-0000', headers: as.otherConsumer });
    assert.equal(real.statusCode, 404);
    assert.equal(none.statusCode, 404);
    assert.deepEqual(real.json(), none.json());
  });

  const ROLE_ONLY: { name: string; method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: () => string; payload?: () => Record<string, unknown>; allow: Partial<Record<Who, number>> }[] = [
    { name: 'GET /api/v1/complaints', method: 'GET', url: () => '/api/v1/complaints', allow: { owner: 200, otherConsumer: 200 } },
    { name: 'POST /api/v1/complaints', method: 'POST', url: () => '/api/v1/complaints', payload: () => complaintInput(), allow: { owner: 201, otherConsumer: 201 } },
    { name: 'GET /api/v1/merchant/complaints', method: 'GET', url: () => '/api/v1/merchant/complaints', allow: { merchant: 200, otherMerchant: 200, apiKey: 200 } },
    { name: 'GET /api/v1/merchant/events', method: 'GET', url: () => '/api/v1/merchant/events', allow: { merchant: 200, otherMerchant: 200, apiKey: 200 } },
    { name: 'GET /api/v1/merchant/stats', method: 'GET', url: () => '/api/v1/merchant/stats', allow: { merchant: 200, otherMerchant: 200, apiKey: 200 } },
    // Keys and the team are for signed-in staff: an API key can neither see nor mint keys, nor touch the team.
    { name: 'GET /api/v1/merchant/api-keys', method: 'GET', url: () => '/api/v1/merchant/api-keys', allow: { merchant: 200, otherMerchant: 200 } },
    {
      name: 'POST /api/v1/merchant/api-keys',
      method: 'POST',
      url: () => '/api/v1/merchant/api-keys',
      payload: () => ({ label: 'another', scopes: ['complaints:read'] }),
      allow: { merchant: 201, otherMerchant: 201 },
    },
    { name: 'GET /api/v1/merchant/team', method: 'GET', url: () => '/api/v1/merchant/team', allow: { merchant: 200, otherMerchant: 200 } },
    {
      name: 'POST /api/v1/merchant/team',
      method: 'POST',
      url: () => '/api/v1/merchant/team',
      payload: () => ({ email: `${randomUUID().slice(0, 8)}@shopbd.test`, name: 'New', role: 'agent', password: 'a-long-password-1' }),
      allow: { merchant: 201, otherMerchant: 201 },
    },
    // Staff of the merchant reach the check for the member (404 for an unknown one); an API key never does.
    { name: 'PATCH /api/v1/merchant/team/:id', method: 'PATCH', url: () => `/api/v1/merchant/team/${randomUUID()}`, payload: () => ({ active: false }), allow: { merchant: 404, otherMerchant: 404 } },
    { name: 'GET /api/v1/merchant/webhooks', method: 'GET', url: () => '/api/v1/merchant/webhooks', allow: { merchant: 200, otherMerchant: 200, apiKey: 200 } },
    {
      name: 'POST /api/v1/merchant/webhooks',
      method: 'POST',
      url: () => '/api/v1/merchant/webhooks',
      payload: () => ({ url: 'https://hooks.shopbd.example/nalish', events: ['complaint.created'] }),
      allow: { merchant: 201, otherMerchant: 201, apiKey: 201 },
    },
    // The widget's signing secret: staff see whether there is one; owners create or replace it (an API key neither).
    { name: 'GET /api/v1/merchant/signing-secret', method: 'GET', url: () => '/api/v1/merchant/signing-secret', allow: { merchant: 200, otherMerchant: 200 } },
    { name: 'POST /api/v1/merchant/signing-secret', method: 'POST', url: () => '/api/v1/merchant/signing-secret', allow: { merchant: 201, otherMerchant: 201 } },
    { name: 'GET /api/v1/regulator/cases', method: 'GET', url: () => '/api/v1/regulator/cases', allow: { officer: 200, ctgOfficer: 200 } },
    { name: 'GET /api/v1/regulator/officers', method: 'GET', url: () => '/api/v1/regulator/officers', allow: { officer: 200, ctgOfficer: 200 } },
    // The holiday calendar is changed by head-office officers only (access/holidays.ts): the
    // division officers here are refused like everyone else (the head office's success is in
    // holidayConsole.test.ts).
    {
      name: 'POST /api/v1/regulator/holidays/import/preview',
      method: 'POST',
      url: () => '/api/v1/regulator/holidays/import/preview',
      payload: () => ({ csv: 'date,kind,name_en,name_bn\n2026-12-02,general,X,এক্স' }),
      allow: {},
    },
    {
      name: 'POST /api/v1/regulator/holidays/import/apply',
      method: 'POST',
      url: () => '/api/v1/regulator/holidays/import/apply',
      payload: () => ({ csv: 'date,kind,name_en,name_bn\n2026-12-02,general,X,এক্স', expectedFingerprint: '0123456789abcdef' }),
      allow: {},
    },
  ];

  for (const route of ROLE_ONLY) {
    it(`${route.name}: the right role only (others 403, anonymous 401)`, async () => {
      for (const who of EVERYONE) {
        const r = await s.app.inject({
          method: route.method,
          url: route.url(),
          headers: as[who],
          ...(route.payload ? { payload: route.payload() } : {}),
        });
        const want = who === 'anonymous' ? 401 : (route.allow[who] ?? 403);
        assert.equal(r.statusCode, want, `${who} ${route.name}: ${r.body}`);
        if (want === 401) assert.equal(r.json().error.code, 'unauthenticated');
        if (want === 403) assert.equal(r.json().error.code, 'forbidden');
      }
    });
  }

  it('a key without webhooks:manage reaches no webhook route', async () => {
    const created = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/api-keys', headers: as.merchant, payload: { label: 'reader', scopes: ['complaints:read', 'complaints:respond'] } });
    assert.equal(created.statusCode, 201, created.body);
    const key = { authorization: `Bearer ${created.json().key}`, 'idempotency-key': randomUUID() };
    for (const [method, url] of [['GET', '/api/v1/merchant/webhooks'], ['POST', '/api/v1/merchant/webhooks'], ['GET', `/api/v1/merchant/webhooks/${randomUUID()}`]] as const) {
      const r = await s.app.inject({ method, url, headers: key, ...(method === 'POST' ? { payload: { url: 'https://hooks.shopbd.example/x', events: ['complaint.created'] } } : {}) });
      assert.equal(r.statusCode, 403, `${method} ${url}: ${r.body}`);
      assert.equal(r.json().error.code, 'missing_scope');
    }
  });

  it('an API key reaches no read its scopes do not name: every GET route with a key that may only manage webhooks', async () => {
    const created = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/api-keys', headers: as.merchant, payload: { label: 'hooks only', scopes: ['webhooks:manage'] } });
    assert.equal(created.statusCode, 201, created.body);
    const key = { authorization: `Bearer ${created.json().key}` };
    const code = await filed();
    // Anyone may read these (the public registry, health, who is signed in).
    const OPEN = new Set([
      '/health', '/api/v1/merchants', '/api/v1/merchants/{id}', '/api/v1/session', '/api/v1/policy/breaches',
      // The widget's public parts: the loader, the badge and the demo shop.
      '/widget.js', '/badge.js', '/api/v1/badge/{merchantId}', '/badge/{file}', '/demo-shop',
      // Why the days up to a deadline are not working days: the public holiday list.
      '/api/v1/calendar/non-working-days',
    ]);
    const paths = Object.entries((s.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths).filter(([, ops]) => 'get' in ops);
    assert.ok(paths.length >= 10);
    for (const [path] of paths) {
      const url = path.replace('{code}', code).replace(/\{id\}/g, path.startsWith('/api/v1/merchants/') ? w.merchant : randomUUID());
      const r = await s.app.inject({ method: 'GET', url, headers: key });
      if (OPEN.has(path) || path.startsWith('/api/v1/merchant/webhooks')) {
        assert.ok(![401, 403].includes(r.statusCode), `${path}: ${r.statusCode} ${r.body.slice(0, 200)}`);
        continue;
      }
      // Refused: 403, or 404 where the route hides that the thing exists (the case file).
      assert.ok([403, 404].includes(r.statusCode), `${path}: ${r.statusCode} ${r.body.slice(0, 200)}`);
      assert.ok(['missing_scope', 'forbidden', 'not_found'].includes(r.json().error.code), path);
    }
  });

  it('DELETE /api/v1/merchant/api-keys/:id: only staff of the key’s merchant (another merchant 404, API key 403)', async () => {
    const keys = await s.app.inject({ method: 'POST', url: '/api/v1/merchant/api-keys', headers: as.merchant, payload: { label: 'to revoke', scopes: ['complaints:read'] } });
    const id = keys.json().id as string;
    const url = `/api/v1/merchant/api-keys/${id}`;
    const expected: Record<Who, number> = { anonymous: 401, owner: 403, otherConsumer: 403, otherMerchant: 404, officer: 403, ctgOfficer: 403, apiKey: 403, merchant: 204 };
    for (const who of EVERYONE.filter((x) => x !== 'merchant')) {
      const r = await s.app.inject({ method: 'DELETE', url, headers: as[who] });
      assert.equal(r.statusCode, expected[who], `${who}: ${r.body}`);
    }
    const r = await s.app.inject({ method: 'DELETE', url, headers: as.merchant });
    assert.equal(r.statusCode, 204, r.body);
    const listed = await s.app.inject({ method: 'GET', url: '/api/v1/merchant/api-keys', headers: as.merchant });
    const byId = new Map(listed.json().items.map((k: { id: string; revokedAt: string | null }) => [k.id, k.revokedAt]));
    assert.notEqual(byId.get(id), null);
    assert.equal(byId.get(apiKeyId), null);
    const again = await s.app.inject({ method: 'DELETE', url, headers: as.merchant });
    assert.equal(again.statusCode, 404);
  });

  it('every webhook endpoint route: the merchant (staff or API key) yes, another merchant 404, other roles 403, anonymous 401', async () => {
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/v1/merchant/webhooks',
      headers: as.merchant,
      payload: { url: 'https://hooks.shopbd.example/authz', events: ['complaint.created', 'complaint.decided'] },
    });
    assert.equal(created.statusCode, 201, created.body);
    const base = `/api/v1/merchant/webhooks/${created.json().endpoint.id}`;
    const ping = await s.app.inject({ method: 'POST', url: `${base}/ping`, headers: as.apiKey });
    assert.equal(ping.statusCode, 202, ping.body);
    const delivery = `${base}/deliveries/${ping.json().id}`;
    const routes: { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: Record<string, unknown>; ok: number }[] = [
      { method: 'GET', url: base, ok: 200 },
      { method: 'PATCH', url: base, payload: { events: ['complaint.created'] }, ok: 200 },
      { method: 'POST', url: `${base}/rotate-secret`, payload: {}, ok: 200 },
      { method: 'POST', url: `${base}/enable`, ok: 200 },
      { method: 'POST', url: `${base}/ping`, ok: 202 },
      { method: 'GET', url: `${base}/deliveries`, ok: 200 },
      { method: 'GET', url: delivery, ok: 200 },
      { method: 'POST', url: `${delivery}/redeliver`, ok: 202 },
      { method: 'DELETE', url: base, ok: 204 },
    ];
    for (const r of routes) assert.ok(s.app.hasRoute({ method: r.method, url: r.url.replace(/webhooks\/[^/]+/, 'webhooks/:id').replace(/deliveries\/\d+/, 'deliveries/:deliveryId') }), r.url);
    for (const route of routes) {
      const expected: Record<Who, number> = { anonymous: 401, owner: 403, otherConsumer: 403, officer: 403, ctgOfficer: 403, otherMerchant: 404, merchant: route.ok, apiKey: route.ok };
      // The endpoint's own merchant last: DELETE ends the walk.
      for (const who of [...EVERYONE.filter((x) => x !== 'merchant' && x !== 'apiKey'), 'apiKey', 'merchant'] as Who[]) {
        if (route.method === 'DELETE' && who === 'apiKey') continue;
        const r = await s.app.inject({ method: route.method, url: route.url, headers: as[who], ...(route.payload ? { payload: route.payload } : {}) });
        assert.equal(r.statusCode, expected[who], `${who} ${route.method} ${route.url}: ${r.body}`);
      }
    }
    const gone = await s.app.inject({ method: 'GET', url: base, headers: as.merchant });
    assert.equal(gone.statusCode, 404);
  });

  it('lists never return another party’s complaints', async () => {
    const mine = await filed();
    // The other consumer complains about an unregistered shop from Chattogram: straight to that office.
    const theirs = await fileComplaint(s.deps, otherPhone, complaintInput({ merchant: { website: 'unknown-shop.test' }, consumer: { name: 'Karim', district: 'chattogram', locale: 'bn' } }));
    assert.equal(theirs.state, 'escalated');
    const escalatedMine = await readyFor('assign');

    const codes = async (who: Who, url: string) => {
      const r = await s.app.inject({ method: 'GET', url, headers: as[who] });
      assert.equal(r.statusCode, 200, r.body);
      return (r.json().items as { trackingCode: string; merchantId: string }[]);
    };
    const ownerList = (await codes('owner', '/api/v1/complaints?limit=100')).map((i) => i.trackingCode);
    const ownerDb = (await s.deps.db.query<{ tracking_code: string }>('SELECT tracking_code FROM complaints WHERE consumer_phone = $1', [ownerPhone])).map((r) => r.tracking_code);
    assert.ok(ownerList.includes(mine));
    assert.ok(!ownerList.includes(theirs.tracking_code));
    assert.ok(ownerList.every((c) => ownerDb.includes(c)));
    const otherList = (await codes('otherConsumer', '/api/v1/complaints?limit=100')).map((i) => i.trackingCode);
    assert.ok(otherList.includes(theirs.tracking_code));
    assert.ok(otherList.every((c) => !ownerDb.includes(c)));

    const inbox = await codes('merchant', '/api/v1/merchant/complaints?limit=100');
    assert.ok(inbox.length > 0 && inbox.every((i) => i.merchantId === w.merchant));
    assert.ok(inbox.some((i) => i.trackingCode === mine));
    assert.deepEqual(await codes('apiKey', '/api/v1/merchant/complaints?limit=100'), inbox);
    assert.deepEqual(await codes('otherMerchant', '/api/v1/merchant/complaints?limit=100'), []);

    const dhaka = (await codes('officer', '/api/v1/regulator/cases?limit=100')).map((i) => i.trackingCode);
    const dhakaDb = (await s.deps.db.query<{ tracking_code: string }>('SELECT tracking_code FROM complaints WHERE office_id = $1', [w.dhakaOffice])).map((r) => r.tracking_code);
    assert.ok(dhaka.includes(escalatedMine));
    assert.ok(!dhaka.includes(theirs.tracking_code));
    assert.ok(dhaka.every((c) => dhakaDb.includes(c)));
    assert.deepEqual((await codes('ctgOfficer', '/api/v1/regulator/cases?limit=100')).map((i) => i.trackingCode), [theirs.tracking_code]);
    // Asking for another office's merchant or state does not widen the queue.
    const widened = (await codes('ctgOfficer', `/api/v1/regulator/cases?limit=100&merchantId=${w.merchant}&state=with_merchant,escalated,under_review`)).map((i) => i.trackingCode);
    assert.deepEqual(widened, []);

    const officers = await s.app.inject({ method: 'GET', url: '/api/v1/regulator/officers', headers: as.ctgOfficer });
    assert.deepEqual(officers.json().items.map((o: { id: string }) => o.id), [w.ctgOfficer.id]);
  });
});
