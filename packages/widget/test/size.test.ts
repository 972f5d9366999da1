// The loader's budget: at most 15 KB gzipped (issue 5), measured on a fresh build of the source.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { buildLoader } from '../build.ts';

const BUDGET_GZIP = 15 * 1024;

describe('the widget loader', () => {
  it('is at most 15 KB gzipped', async () => {
    const code = await buildLoader();
    const size = gzipSync(code, { level: 9 }).length;
    console.log(`# widget.js: ${Buffer.byteLength(code)} bytes, ${size} bytes gzipped (budget ${BUDGET_GZIP})`);
    assert.ok(code.includes('attachShadow'), 'the build produced the loader');
    assert.ok(size <= BUDGET_GZIP, `widget.js is ${size} bytes gzipped (budget ${BUDGET_GZIP})`);
  });

  it('carries both languages’ words, in ASCII, as one self-contained function', async () => {
    const code = await buildLoader();
    assert.match(code, /Complain/);
    // The Bengali label, escaped to ASCII by the build (so any page encoding serves it right).
    assert.match(code, /\\u0985\\u09AD\\u09BF\\u09AF\\u09CB\\u0997/i);
    assert.ok(/^[\x00-\x7f]*$/.test(code), 'ASCII only');
    // One IIFE: the only assignment to window is window.Nalish.
    assert.match(code, /^\/\*[^*]*\*\/\n"use strict";\(\(\)=>\{/);
  });
});
