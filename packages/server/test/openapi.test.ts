// The OpenAPI document at /docs describes every answer: each operation declares the schema of
// its success response (from @nalish/domain/responses), which the server also checks what it
// sends against (fastify-type-provider-zod's serializer).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type TestService, makeService } from './harness.ts';

interface Response {
  description?: string;
  content?: Record<string, { schema?: unknown }>;
}
type Operation = { responses?: Record<string, Response> };

describe('OpenAPI', () => {
  let s: TestService;
  let paths: Record<string, Record<string, Operation>>;
  before(async () => {
    s = await makeService();
    paths = (await s.app.inject({ method: 'GET', url: '/openapi.json' })).json().paths;
  });
  after(() => s.close());

  it('every operation declares the schema of its success answer (a body, or none for 204)', () => {
    const missing: string[] = [];
    let operations = 0;
    for (const [path, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        operations += 1;
        const name = `${method} ${path}`;
        const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        const described = success.length > 0 && success.every(([status, r]) => status === '204' || Object.values(r.content ?? {}).some((c) => c.schema !== undefined));
        if (!described) missing.push(name);
      }
    }
    assert.ok(operations >= 50, `only ${operations} operations`);
    assert.deepEqual(missing, []);
  });

  it('files are described by their own media type, not as JSON', () => {
    const pdf = paths['/api/v1/regulator/cases/{code}/case-file.pdf']!.get!.responses!['200']!;
    assert.deepEqual(Object.keys(pdf.content ?? {}), ['application/pdf']);
    const evidence = paths['/api/v1/complaints/{code}/evidence/{id}']!.get!.responses!['200']!;
    assert.ok(Object.keys(evidence.content ?? {}).includes('image/png'));
  });
});
