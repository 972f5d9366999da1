// Every UI string exists in Bengali and English with the same placeholders, and every key the
// pages use exists. (The type checker already refuses a missing Bengali key; this also catches
// keys built at run time and placeholders that differ.)
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { hasMessage } from '@nalish/domain';
import { bn } from '../src/i18n/bn.ts';
import { en } from '../src/i18n/en.ts';

// Every area's strings (the app loads them per area; here they are checked together).
const UI = { bn, en };
const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(name) && !dir.includes('i18n')) out.push(p);
  }
  return out;
}

describe('web message catalogues', () => {
  it('Bengali and English have the same keys, none empty, with the same placeholders', () => {
    assert.deepEqual(Object.keys(UI.bn).sort(), Object.keys(UI.en).sort());
    for (const key of Object.keys(UI.en) as (keyof typeof UI.en)[]) {
      assert.notEqual(UI.en[key].trim(), '', `empty English text for ${key}`);
      assert.notEqual(UI.bn[key].trim(), '', `empty Bengali text for ${key}`);
      assert.deepEqual(placeholders(UI.bn[key]), placeholders(UI.en[key]), `placeholders differ for ${key}`);
    }
  });

  it('every literal key passed to t() in the pages exists in a catalogue', () => {
    const missing: string[] = [];
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        const key = m[1]!;
        if (!(key in UI.en) && !hasMessage(key)) missing.push(`${file.slice(SRC.length)}: ${key}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('one name for each thing: "not delivered" is the same words for the consumer, the merchant and the officer', () => {
    for (const l of ['bn', 'en'] as const) {
      const c = UI[l];
      assert.equal(c['merchant.category.not_delivered'], c['consumer.cat.not_delivered'], l);
      assert.equal(c['regulator.cat.not_delivered'], c['consumer.cat.not_delivered'], l);
    }
    assert.equal(UI.bn['consumer.cat.not_delivered'], 'পণ্য পৌঁছায়নি');
  });

  it('no clause a consumer reads carries "(number not yet confirmed)": that is for officers, in its own string', () => {
    for (const l of ['bn', 'en'] as const) {
      const clauses = Object.entries(UI[l]).filter(([k]) => k.startsWith('policy.clause.') && k !== 'policy.clause.unconfirmed');
      assert.ok(clauses.length >= 8);
      assert.deepEqual(clauses.filter(([, v]) => /যাচাই হয়নি|not yet confirmed/.test(v)), [], l);
    }
    assert.match(UI.bn['policy.clause.unconfirmed'], /\(নম্বর এখনও যাচাই হয়নি\)/);
  });
});
