import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dammDigit, makeTrackingCode, parseTrackingCode, trackingCodeText } from './trackingCode.ts';
import { maskMobile, normalizeBdMobile } from './phone.ts';
import { toBengaliDigits } from '../i18n/messages.ts';

const SAMPLES = ['482193570', '000000000', '999999999', '123456789', '271828182', '314159265'];

describe('tracking codes', () => {
  it('read in Bengali digits by a Bengali reader, and parse back', () => {
    assert.equal(trackingCodeText('bn', '482-193-5706'), '৪৮২-১৯৩-৫৭০৬');
    assert.equal(trackingCodeText('en', '482-193-5706'), '482-193-5706');
    const code = makeTrackingCode('482193570');
    assert.equal(parseTrackingCode(trackingCodeText('bn', code)), code);
  });

  it('are 10 digits grouped 3-3-4 with a Damm check digit', () => {
    for (const nine of SAMPLES) {
      const code = makeTrackingCode(nine);
      assert.match(code, /^\d{3}-\d{3}-\d{4}$/);
      assert.equal(code.replace(/-/g, '').slice(0, 9), nine);
      assert.equal(dammDigit(code.replace(/-/g, '')), 0);
    }
    // A known Damm value: 572 → 4 (the textbook example).
    assert.equal(dammDigit('572'), 4);
    assert.equal(makeTrackingCode('572000000').slice(0, 3), '572');
  });

  it('makeTrackingCode refuses anything but 9 digits', () => {
    for (const bad of ['', '12345678', '1234567890', '12345678a', '১২৩৪৫৬৭৮৯', '123 45678']) {
      assert.throws(() => makeTrackingCode(bad), RangeError, bad);
    }
  });

  it('every single wrong digit is caught (exhaustive for several codes)', () => {
    for (const nine of SAMPLES) {
      const digits = makeTrackingCode(nine).replace(/-/g, '');
      for (let i = 0; i < 10; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === digits[i]) continue;
          const wrong = digits.slice(0, i) + d + digits.slice(i + 1);
          assert.equal(parseTrackingCode(wrong), null, `${digits} with position ${i} → ${d}`);
        }
      }
    }
  });

  it('every swap of two different neighbouring digits is caught (exhaustive for several codes)', () => {
    for (const nine of SAMPLES) {
      const digits = makeTrackingCode(nine).replace(/-/g, '');
      for (let i = 0; i < 9; i++) {
        if (digits[i] === digits[i + 1]) continue;
        const swapped = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
        assert.equal(parseTrackingCode(swapped), null, `${digits} swapping ${i},${i + 1}`);
      }
    }
  });

  it('single errors and adjacent swaps are caught for random codes too', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.nat(9), fc.nat(9), (nine, pos, digit) => {
        const digits = makeTrackingCode(nine).replace(/-/g, '');
        if (digits[pos] !== String(digit)) {
          assert.equal(parseTrackingCode(digits.slice(0, pos) + digit + digits.slice(pos + 1)), null);
        }
        const i = pos % 9;
        if (digits[i] !== digits[i + 1]) {
          assert.equal(parseTrackingCode(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2)), null);
        }
        assert.equal(parseTrackingCode(digits), makeTrackingCode(nine));
      }),
      { numRuns: 2000 },
    );
  });

  it('parse accepts the code as people type it: Bengali digits, spaces, no dashes, en dashes, dots', () => {
    const code = makeTrackingCode('482193570');
    const digits = code.replace(/-/g, '');
    for (const typed of [
      code,
      digits,
      `  ${code}  `,
      `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`,
      toBengaliDigits(code),
      toBengaliDigits(digits),
      code.replace(/-/g, '–'),
      code.replace(/-/g, '.'),
    ]) {
      assert.equal(parseTrackingCode(typed), code, typed);
    }
  });

  it('parse rejects wrong lengths, letters and a wrong check digit', () => {
    const code = makeTrackingCode('482193570');
    const digits = code.replace(/-/g, '');
    const wrongCheck = digits.slice(0, 9) + String((Number(digits[9]) + 1) % 10);
    for (const bad of ['', digits.slice(0, 9), `${digits}0`, `${digits.slice(0, 9)}x`, wrongCheck, 'abc-def-ghij', `${code}-1`]) {
      assert.equal(parseTrackingCode(bad), null, bad);
    }
  });
});

describe('Bangladeshi mobile numbers', () => {
  const E164 = '+8801712345678';

  it('accepts the ways people write the same number', () => {
    for (const typed of [
      '01712345678',
      '+8801712345678',
      '8801712345678',
      '008801712345678',
      '1712345678',
      '০১৭১২৩৪৫৬৭৮',
      '+৮৮০১৭১২৩৪৫৬৭৮',
      '01712 345678',
      '01712-345678',
      '+880 1712-345678',
      '+880 (17) 1234 5678',
      ' 017.1234.5678 ',
    ]) {
      assert.equal(normalizeBdMobile(typed), E164, typed);
    }
  });

  it('accepts every operator prefix 013–019', () => {
    for (const op of ['3', '4', '5', '6', '7', '8', '9']) {
      assert.equal(normalizeBdMobile(`01${op}12345678`), `+8801${op}12345678`);
    }
  });

  it('rejects non-mobiles and wrong lengths', () => {
    for (const bad of [
      '',
      '01212345678', // no operator 012
      '01112345678',
      '01012345678',
      '0171234567', // 10 digits
      '017123456789', // 12 digits
      '+88017123456789',
      '02-9661234', // Dhaka landline
      '+880 2 9661234',
      '031-123456', // Chattogram landline
      '+911712345678', // India
      '01712 34567a',
      '11712345678',
    ]) {
      assert.equal(normalizeBdMobile(bad), null, bad);
    }
  });

  it('every normalised number is +8801[3-9] and eight digits, and normalising is idempotent', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^01[3-9]\d{8}$/), (local) => {
        const e164 = normalizeBdMobile(local);
        assert.equal(e164, `+88${local}`);
        assert.equal(normalizeBdMobile(e164!), e164);
        assert.equal(normalizeBdMobile(toBengaliDigits(local)), e164);
      }),
    );
  });

  it('maskMobile hides the middle of the number', () => {
    assert.equal(maskMobile(E164), '+880 17•• ••• 678');
    assert.equal(maskMobile('+8801998765432'), '+880 19•• ••• 432');
    assert.ok(!maskMobile(E164).includes('12345'));
  });
});
