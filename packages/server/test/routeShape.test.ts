// Every route is authenticate → validate → one command → present: a route file never queries
// the database itself (no .query, no transaction, no import from db/). The commands live in the
// folder of their entity (complaints/, merchants/, offices/, auth/, …).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';

const ROUTES = new URL('../src/routes/', import.meta.url);
const DB_ACCESS = /\.query\s*[<(]|\.transaction\s*\(|\.exec\s*\(|from '\.\.\/db\//g;

// The statistics handlers (the merchant's figures, the public profile) are being rewritten as
// calls to the one statistics module (issue 10 point 4, branch i10-core); when that lands these
// allowances go to zero and this table is deleted. An allowance may only shrink.
const PENDING_STATISTICS: Record<string, number> = { 'merchant.ts': 1, 'registry.ts': 3 };

describe('route files', () => {
  const files = readdirSync(ROUTES).filter((f) => f.endsWith('.ts'));

  it('are all checked', () => assert.ok(files.length >= 10, files.join(', ')));

  for (const file of files) {
    it(`${file} calls commands and never queries the database itself`, () => {
      const source = readFileSync(new URL(file, ROUTES), 'utf8');
      const found = source.match(DB_ACCESS) ?? [];
      assert.ok(found.length <= (PENDING_STATISTICS[file] ?? 0), `${file}: ${found.join(', ')}`);
    });
  }
});
