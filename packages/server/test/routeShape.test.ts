// Every route is authenticate → validate → one command → present: a route file never queries
// the database itself (no .query, no transaction, no import from db/). The commands live in the
// folder of their entity (complaints/, merchants/, offices/, auth/, …).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';

const ROUTES = new URL('../src/routes/', import.meta.url);
const DB_ACCESS = /\.query\s*[<(]|\.transaction\s*\(|\.exec\s*\(|from '\.\.\/db\//g;

describe('route files', () => {
  const files = readdirSync(ROUTES).filter((f) => f.endsWith('.ts'));

  it('are all checked', () => assert.ok(files.length >= 10, files.join(', ')));

  for (const file of files) {
    it(`${file} calls commands and never queries the database itself`, () => {
      const source = readFileSync(new URL(file, ROUTES), 'utf8');
      const found = source.match(DB_ACCESS) ?? [];
      assert.deepEqual(found, [], file);
    });
  }
});
