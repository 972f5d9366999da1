// Bad input at every route, as every role: a corpus of hostile text (NUL, unpaired surrogates,
// bidi controls), junk multipart, a 10 MB body, deeply nested JSON and wrong content types is
// sent to every path and method of /openapi.json (so a new route is covered the day it is
// added). Nothing may answer 5xx, and every error has the one shape
// { error: { code, message, details? } } with field messages from the catalogues.
//
// Bounded: one request per (route, role, case), about 75 routes × 5 roles × up to 17 cases;
// the count is checked against MAX_REQUESTS so it cannot grow without anyone noticing.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { isFieldErrorCode } from '@nalish/domain';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { type TestService, type World, consumerLogin, fileVia, makeService, makeWorld, merchantLogin, officerLogin } from './harness.ts';

const MAX_REQUESTS = 16_000;
type Role = 'anonymous' | 'consumer' | 'merchant' | 'apiKey' | 'officer';
const ROLES: readonly Role[] = ['anonymous', 'consumer', 'merchant', 'apiKey', 'officer'];

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
}

interface Operation {
  parameters?: { in: 'path' | 'query' | 'header'; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

interface JsonSchemaX extends JsonSchema {
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  minItems?: number;
  required?: string[];
}

/** Values a field of this name takes in real use, so a sample body passes validation and the
 *  request goes as deep as a real one (into the database). */
const BY_NAME: Record<string, unknown> = {
  website: 'shopbd.test',
  facebookPage: 'facebook.com/shopbd',
  phone: '01712345678',
  email: 'fuzz@example.com',
  url: 'https://hooks.example.com/nalish',
  district: 'dhaka',
  locale: 'bn',
};

/** A body of the route's shape that passes its schema where it can (the route's own rules may
 *  still refuse it). `ids` gives real ids for uuid fields by name. */
function sample(schema: JsonSchemaX | undefined, name: string, ids: Record<string, string>, depth = 0): unknown {
  if (!schema || depth > 8) return 'sample text';
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return sample(variants.find((v) => v.type !== 'null') ?? variants[0], name, ids, depth + 1);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => sample(part, name, ids, depth + 1)));
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema.properties ?? {})) {
        // The version seen: a made-up one only gets 409 before anything is written.
        if (k === 'expectedVersion') continue;
        // A made-up id names nothing; leave optional ids out unless a real one is known.
        if ((v as JsonSchemaX).format === 'uuid' && !ids[k] && !schema.required?.includes(k)) continue;
        // Nor can a sample be made for an optional field with a pattern of its own.
        if ((v as JsonSchemaX & { pattern?: string }).pattern && !(v as JsonSchemaX).format && !schema.required?.includes(k)) continue;
        out[k] = sample(v, k, ids, depth + 1);
      }
      return out;
    }
    case 'array':
      // Ids of things that do not exist (evidence, say) only get "not found".
      if ((schema.items as JsonSchemaX | undefined)?.format === 'uuid') return [];
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => sample(schema.items, name, ids, depth + 1));
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return true;
    default:
      if (BY_NAME[name] !== undefined) return BY_NAME[name];
      if (schema.format === 'uuid') return ids[name] ?? randomUUID();
      if (schema.format === 'date') return '2026-11-18';
      if (schema.format === 'date-time') return '2026-12-20T10:00:00+06:00';
      if (schema.format === 'email') return 'fuzz@example.com';
      if (schema.format === 'uri') return 'https://example.com/x';
      return 'ফাজ পরীক্ষা fuzz text '.repeat(4).slice(0, Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 20, 20)));
  }
}

/** The paths of every text value in a sample body. */
function textPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => textPaths(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => textPaths(v, [...path, k]));
  return [];
}

/** A copy of the body with one text value replaced. */
function withText(value: unknown, path: (string | number)[], text: string): unknown {
  if (path.length === 0) return text;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = text;
  return copy;
}

function nested(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

const BAD_TEXT = { nul: 'ok\u0000text', surrogate: 'half \ud800 of a pair', lowSurrogate: '\udc00 alone', bidi: 'abc\u202edcba', c1: 'x\u0085y' } as const;
// The same, as a query or path value: NUL, a surrogate half encoded as UTF-8 (invalid), a
// stray continuation byte, and the bidi override.
const BAD_QUERY = ['%00', '%ED%A0%80', '%80', '%E2%80%AE'] as const;

/** Text as a query value; an unpaired surrogate has no UTF-8 form, so it goes as the bytes a
 *  careless client would send for it. */
function asQuery(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

const HUGE = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
const DEEP = nested(5_000);
const B = 'nalishfuzz';
const JUNK_MULTIPART: { name: string; type: string; body: string }[] = [
  { name: 'no boundary', type: 'multipart/form-data', body: '--x\r\n\r\n' },
  { name: 'boundary never used', type: `multipart/form-data; boundary=${B}`, body: 'just some bytes' },
  { name: 'cut off in a part', type: `multipart/form-data; boundary=${B}`, body: `--${B}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc` },
  { name: 'broken part header', type: `multipart/form-data; boundary=${B}`, body: `--${B}\r\nContent-Disposition\r\n\r\nx\r\n--${B}--\r\n` },
  { name: 'no closing boundary', type: `multipart/form-data; boundary=${B}`, body: `--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue` },
  { name: 'empty', type: `multipart/form-data; boundary=${B}`, body: '' },
  { name: 'NUL in a field', type: `multipart/form-data; boundary=${B}`, body: `--${B}\r\nContent-Disposition: form-data; name="note"\r\n\r\na\u0000b\r\n--${B}--\r\n` },
];
const WRONG_TYPES = ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/octet-stream'];

/** Text the validator writes in English; none of it may reach a person. */
const VALIDATOR_ENGLISH = /Invalid input|Too small|Too big|expected |must match|Invalid (string|option|discriminator|ISO|email|UUID|URL)|Unrecognized key/;

function checkAnswer(r: LightMyRequestResponse, what: string): void {
  if (process.env.FUZZ_TRACE && what.includes(process.env.FUZZ_TRACE)) console.log('TRACE', what, r.statusCode, r.body.slice(0, 300));
  assert.ok(r.statusCode < 500, `${what} → ${r.statusCode} ${r.body.slice(0, 300)}`);
  if (r.statusCode < 400) return;
  assert.match(String(r.headers['content-type']), /^application\/json/, `${what}: JSON error`);
  const body = r.json() as { error?: { code?: unknown; message?: unknown; details?: unknown } };
  assert.deepEqual(Object.keys(body), ['error'], `${what}: one error shape`);
  const e = body.error!;
  assert.equal(typeof e.code, 'string', what);
  assert.equal(typeof e.message, 'string', what);
  for (const k of Object.keys(e)) assert.ok(['code', 'message', 'details'].includes(k), `${what}: unexpected key ${k}`);
  const fields = (e.details as { fields?: { path: unknown; code: unknown; message: unknown }[] } | undefined)?.fields;
  for (const f of fields ?? []) {
    assert.equal(typeof f.path, 'string', what);
    assert.ok(isFieldErrorCode(f.code), `${what}: field code ${String(f.code)}`);
    assert.equal(typeof f.message, 'string', what);
    assert.doesNotMatch(String(f.message), VALIDATOR_ENGLISH, `${what}: ${String(f.message)}`);
  }
}

describe('bad input at every route, as every role', { timeout: 15 * 60_000 }, () => {
  let s: TestService;
  let w: World;
  let headers: Record<Role, () => Record<string, string>>;
  let code: string;

  before(async () => {
    s = await makeService({ env: { FILINGS_PER_DAY: '1000', SIGN_IN_TRIES_PER_ADDRESS: '100000', SIGN_IN_TRIES_PER_ACCOUNT: '100000' } });
    w = await makeWorld(s.deps.db);
    const consumer = await consumerLogin(s);
    code = (await fileVia(s, consumer.auth)).trackingCode;
    const merchant = await merchantLogin(s, w.merchantUser);
    const key = await s.app.inject({
      method: 'POST',
      url: '/api/v1/merchant/api-keys',
      headers: merchant,
      payload: { label: 'fuzz', scopes: ['complaints:read', 'complaints:respond', 'webhooks:manage'] },
    });
    assert.equal(key.statusCode, 201, key.body);
    const officer = await officerLogin(s, w.officer);
    headers = {
      anonymous: () => ({}),
      consumer: () => consumer.auth,
      merchant: () => merchant,
      apiKey: () => ({ authorization: `Bearer ${key.json().key}`, 'idempotency-key': randomUUID() }),
      officer: () => officer,
    };
  });
  after(() => s.close());

  it('answers no 5xx and one error shape for the whole corpus', async () => {
    const spec = (await s.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map(([method, op]) => ({ path, method: method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', op })),
    );
    assert.ok(operations.length >= 60, `the OpenAPI lists ${operations.length} operations`);

    const knownIds: Record<string, string> = { merchantId: w.merchant, id: w.merchant, code, officerId: w.officer.id };
    const pathFor = (path: string, override?: { name: string; value: string }) =>
      path.replace(/\{(\w+)\}/g, (_, name: string) => (override?.name === name ? override.value : encodeURIComponent(knownIds[name] ?? randomUUID())));

    let sent = 0;
    const failures: string[] = [];
    const send = async (what: string, req: InjectOptions) => {
      sent += 1;
      assert.ok(sent <= MAX_REQUESTS, `more than ${MAX_REQUESTS} requests: the corpus grew`);
      try {
        checkAnswer(await s.app.inject(req), what);
      } catch (e) {
        failures.push((e as Error).message.split('\n')[0]!);
        if (process.env.FUZZ_VERBOSE) console.log((e as Error).message.slice(0, 400));
      }
    };

    for (const { path, method, op } of operations) {
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
      const json = op.requestBody?.content?.['application/json']?.schema;
      const takesBody = method !== 'GET' && method !== 'DELETE';
      for (const role of ROLES) {
        const h = headers[role];
        const base = `${method} ${path} as ${role}`;
        // Hostile text in one text field of an otherwise good body at a time, so each reaches
        // as deep as a real request would; and in one query parameter at a time.
        const good = takesBody ? sample(json, '', knownIds) : undefined;
        for (const leaf of takesBody ? textPaths(good) : []) {
          for (const [name, text] of Object.entries(BAD_TEXT)) {
            await send(`${base}, ${name} in ${leaf.join('.') || 'the body'}`, {
              method,
              url: pathFor(path),
              headers: { ...h(), 'content-type': 'application/json' },
              payload: JSON.stringify(withText(good, leaf, text)),
            });
          }
        }
        for (const q of queryParams) {
          for (const [name, text] of Object.entries(BAD_TEXT)) {
            await send(`${base}, ${name} in ?${q.name}`, { method, url: `${pathFor(path)}?${q.name}=${asQuery(text)}`, headers: h() });
          }
        }
        for (const raw of BAD_QUERY) {
          for (const q of queryParams) {
            await send(`${base}, ?${q.name}=${raw}`, { method, url: `${pathFor(path)}?${q.name}=${raw}`, headers: h() });
          }
          for (const name of pathParams) {
            await send(`${base}, path {${name}} = ${raw}`, { method, url: pathFor(path, { name, value: raw }), headers: h() });
          }
        }
        if (!takesBody) continue;
        await send(`${base}, 10 MB`, { method, url: pathFor(path), headers: { ...h(), 'content-type': 'application/json' }, payload: HUGE });
        await send(`${base}, deeply nested JSON`, { method, url: pathFor(path), headers: { ...h(), 'content-type': 'application/json' }, payload: DEEP });
        await send(`${base}, nested 20 deep`, { method, url: pathFor(path), headers: { ...h(), 'content-type': 'application/json' }, payload: nested(20) });
        for (const type of WRONG_TYPES) {
          await send(`${base}, ${type}`, { method, url: pathFor(path), headers: { ...h(), 'content-type': type }, payload: 'phone=01711111111&x=%00' });
        }
        for (const junk of JUNK_MULTIPART) {
          await send(`${base}, multipart: ${junk.name}`, { method, url: pathFor(path), headers: { ...h(), 'content-type': junk.type }, payload: junk.body });
        }
      }
    }
    assert.deepEqual(failures.slice(0, 40), [], `${failures.length} of ${sent} answers were wrong`);
    assert.ok(sent > 2_000, `only ${sent} requests were sent`);
  });

  it('hostile text is refused with the field named, in the reader’s language; ordinary Bengali passes and is stored as NFC', async () => {
    const consumer = await consumerLogin(s);
    const r = await s.app.inject({ method: 'GET', url: '/api/v1/policy/breaches?ruleId=%00', headers: { 'accept-language': 'en' } });
    assert.equal(r.statusCode, 400);
    assert.deepEqual(r.json().error.details.fields, [{ path: 'ruleId', code: 'control_character', message: 'Remove the invisible control character from this text.' }]);
    const sur = await s.app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${code}/withdraw`,
      headers: { ...consumer.auth, 'content-type': 'application/json' },
      payload: '{"reason":"half \\ud800 of a pair"}',
    });
    assert.equal(sur.statusCode, 400);
    assert.deepEqual(sur.json().error.details.fields, [{ path: 'reason', code: 'broken_text', message: 'লেখায় একটি ভাঙা অক্ষর আছে; আবার লিখুন।' }]);
    // Bengali with its zero-width joiner, and a decomposed vowel sign (ো as ে + া): accepted, stored composed.
    const decomposed = 'র\u200dযাব টাকা ফে\u09c7\u09beরত চাই, অনেক দিন হয়ে গেল।\r\nদ্বিতীয় লাইন';
    const filed = await s.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: consumer.auth,
      payload: { ...(await import('./harness.ts')).complaintInput(), description: decomposed },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const [row] = await s.deps.db.query<{ description: string }>('SELECT description FROM complaints WHERE tracking_code = $1', [filed.json().trackingCode]);
    assert.equal(row!.description, decomposed.replace('\r\n', '\n').normalize('NFC'));
    assert.ok(row!.description.includes('\u09cb') && row!.description.includes('\u200d'));
  });

  it('malformed multipart is a 400 on the upload route too, not a 500', async () => {
    const consumer = await consumerLogin(s);
    for (const junk of JUNK_MULTIPART) {
      const r = await s.app.inject({ method: 'POST', url: `/api/v1/complaints/${code}/evidence`, headers: { ...consumer.auth, 'content-type': junk.type }, payload: junk.body });
      assert.equal(r.statusCode < 500, true, `${junk.name}: ${r.statusCode} ${r.body}`);
      assert.ok([400, 403, 404, 413, 415].includes(r.statusCode), `${junk.name}: ${r.statusCode} ${r.body}`);
    }
  });
});
