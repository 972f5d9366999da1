import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { describeIssue, fieldError, isFieldErrorCode } from './fieldErrors.ts';
import { FileComplaintSchema } from '../complaint/filing.ts';

const issueOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues[0]!;

describe('field errors', () => {
  it('say what to do, from the catalogues, with Bengali digits for Bengali readers', () => {
    const short = describeIssue(issueOf(z.string().min(10), 'abc'));
    assert.deepEqual(short, { code: 'too_short', params: { min: 10 } });
    assert.equal(fieldError('bn', 'description', short.code, short.params).message, 'লিখুন অন্তত ১০টি অক্ষর।');
    assert.equal(fieldError('en', 'description', short.code, short.params).message, 'Write at least 10 characters.');
    const long = describeIssue(issueOf(z.string().max(200), 'x'.repeat(201)));
    assert.equal(fieldError('bn', 'name', long.code, long.params).message, 'লিখুন সর্বোচ্চ ২০০টি অক্ষর।');
    const many = describeIssue(issueOf(z.array(z.string()).max(10), Array(11).fill('a')));
    assert.equal(fieldError('en', 'evidenceIds', many.code, many.params).message, 'Give at most 10.');
  });

  it('describe each kind of problem the validator reports, never in its own English', () => {
    const cases: [z.ZodType, unknown, string][] = [
      [z.number(), 'abc', 'not_a_number'],
      [z.number().int(), 1.5, 'not_whole'],
      [z.number().min(1), 0, 'too_small'],
      [z.number().max(5), 6, 'too_big'],
      [z.iso.date(), '18/11/2026', 'date'],
      [z.iso.datetime({ offset: true }), 'tomorrow', 'datetime'],
      [z.email(), 'x', 'email'],
      [z.uuid(), 'x', 'id'],
      [z.string().url(), 'x', 'url'],
      [z.enum(['a', 'b']), 'c', 'choose_option'],
      [z.boolean(), 'yes', 'yes_or_no'],
      [z.string(), 5, 'not_text'],
      [z.strictObject({ a: z.string() }), { a: 'x', b: 1 }, 'unknown_field'],
      [z.string().regex(/^\d{6}$/), 'abc', 'format'],
      [z.string().regex(/^\d{6}$/, 'otp_code'), 'abc', 'otp_code'],
      [z.string().min(1), '', 'required'],
    ];
    for (const [schema, value, code] of cases) {
      const d = describeIssue(issueOf(schema, value));
      assert.equal(d.code, code, `${JSON.stringify(value)}`);
      for (const l of ['bn', 'en'] as const) assert.doesNotMatch(fieldError(l, 'x', d.code, d.params).message, /\{\w+\}|Invalid|expected/);
    }
    assert.equal(describeIssue(issueOf(z.object({ a: z.string() }), {}), true).code, 'required');
  });

  it('the filing schema names its own problems by code', () => {
    const r = FileComplaintSchema.safeParse({ merchant: {}, orderContext: 'not a token' });
    const codes = r.error!.issues.filter((i) => isFieldErrorCode(i.message)).map((i) => i.message);
    assert.ok(codes.includes('merchant_required'), codes.join());
    assert.ok(codes.includes('order_context_invalid'), codes.join());
  });
});

describe('the field message catalogues', () => {
  it('have the same keys and placeholders in both languages, none empty, the Bengali one in Bengali', async () => {
    const { fieldsEn } = await import('./fields.en.ts');
    const { fieldsBn } = await import('./fields.bn.ts');
    assert.deepEqual(Object.keys(fieldsBn).sort(), Object.keys(fieldsEn).sort());
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(fieldsEn) as (keyof typeof fieldsEn)[]) {
      assert.deepEqual(ph(fieldsBn[k]), ph(fieldsEn[k]), k);
      assert.ok(fieldsEn[k].trim() && fieldsBn[k].trim(), k);
      assert.match(fieldsBn[k], /[\u0980-\u09ff]/, k);
    }
  });
});
