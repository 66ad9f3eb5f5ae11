import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatFloat32, formatG } from '../../src/format/float-format.ts';

// Expected strings come from Python ('%.6g' / '%.9g', correctly rounded like glibc) and an
// exact read-back test with fractions: see gen_float_format_fixtures.py beside this file.
const fixtures = JSON.parse(readFileSync(new URL('./float-format.fixtures.json', import.meta.url), 'utf8')) as {
  cases: [bits: string, g6: string, g9: string, tf: string][];
};

function floatFromBits(hex: string): number {
  const u = new Uint32Array([parseInt(hex, 16)]);
  return new Float32Array(u.buffer)[0]!;
}

describe('formatFloat32 (TF FloatToBuffer)', () => {
  it('has enough fixtures, including ones that need 9 digits', () => {
    expect(fixtures.cases.length).toBeGreaterThan(1000);
    expect(fixtures.cases.filter(([, g6, , tf]) => tf !== g6).length).toBeGreaterThan(100);
  });

  it('matches the Python reference on every fixture', () => {
    const wrong: string[] = [];
    for (const [bits, g6, g9, tf] of fixtures.cases) {
      const x = floatFromBits(bits);
      const got = [formatG(x, 6), formatG(x, 9), formatFloat32(x)];
      if (got[0] !== g6 || got[1] !== g9 || got[2] !== tf) wrong.push(`${bits}: got ${got.join(' | ')}, want ${g6} | ${g9} | ${tf}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('prints the issue example and the lesson constants', () => {
    expect(formatFloat32(81.5751572)).toBe('81.5751572');
    expect(formatFloat32(1e-3)).toBe('0.001');
    expect(formatFloat32(0.1)).toBe('0.1');
  });

  it('rounds exact ties to even, unlike toPrecision', () => {
    // 2^-13 = 0.0001220703125 exactly: the 10th digit is a tie.
    expect((2 ** -13).toPrecision(9)).toBe('0.000122070313');
    expect(formatG(2 ** -13, 9)).toBe('0.000122070312');
  });

  it('prints non-finite values as C does', () => {
    expect(formatFloat32(Infinity)).toBe('inf');
    expect(formatFloat32(-Infinity)).toBe('-inf');
    expect(formatFloat32(NaN)).toBe('nan');
  });
});
