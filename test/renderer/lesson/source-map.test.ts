import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { decodeVlqSegment, inlineSourceMap, originalPosition } from '../../../renderer/lesson/source-map.ts';
import { describeError, locateInScript, measureFunctionLineOffset } from '../../../renderer/lesson/script-errors.ts';

// A TypeScript script compiled the way the host compiles lesson scripts (esbuild, CommonJS,
// inline source map); types and imports shift the compiled lines away from the source's.
const SOURCE = [
  "import * as tf from 'keisan';", // 1
  '', // 2
  'interface Options { readonly steps: number }', // 3
  'const options: Options = { steps: 3 };', // 4
  '', // 5
  'function step(i: number): number {', // 6
  '  if (i === 2) throw new RangeError(`bad step ${i}: 日本語`);', // 7
  '  return tf.answer * i;', // 8
  '}', // 9
  'for (let i = 0; i < options.steps; i++) step(i);', // 10
].join('\n');

const compile = (source: string): string =>
  transformSync(source, { loader: 'ts', format: 'cjs', sourcemap: 'inline', sourcefile: 'lesson.ts' }).code;

/** Runs compiled code the way the worker does and returns what it threw. */
function runLikeWorker(code: string, url: string): unknown {
  try {
    new Function('require', 'module', 'exports', `${code}\n//# sourceURL=${url}`)(() => ({ answer: 42 }), { exports: {} }, {});
  } catch (e) {
    return e;
  }
  throw new Error('expected the script to throw');
}

describe('source maps of compiled scripts', () => {
  it('decodes VLQ segments (values from the Source Map v3 spec examples)', () => {
    expect(decodeVlqSegment('AAgBC')).toEqual([0, 0, 16, 1]);
    expect(decodeVlqSegment('D')).toEqual([-1]);
    expect(decodeVlqSegment('2H')).toEqual([123]);
    // Round trip through an encoder written from the spec: sign in the low bit, 5 bits per digit, bit 6 = more.
    const encode = (n: number): string => {
      let v = n < 0 ? (-n << 1) | 1 : n << 1;
      let out = '';
      do {
        let digit = v & 31;
        v >>>= 5;
        if (v > 0) digit |= 32;
        out += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[digit];
      } while (v > 0);
      return out;
    };
    const values = [0, 1, -1, 15, 16, -16, 1000, -12345, 2 ** 28];
    expect(decodeVlqSegment(values.map(encode).join(''))).toEqual(values);
  });

  it('reads the inline map esbuild writes, sources included', () => {
    const map = inlineSourceMap(compile(SOURCE));
    expect(map?.sources).toEqual(['lesson.ts']);
  });

  it("maps an error thrown in the compiled script back to the TypeScript line", () => {
    const code = compile(SOURCE);
    const url = 'keisan-user-script.js';
    const error = runLikeWorker(code, url) as Error;
    const offset = measureFunctionLineOffset((body) => new Function(body) as () => unknown);
    const where = locateInScript(error.stack ?? '', url, offset, inlineSourceMap(code));
    expect(where?.line).toBe(7);
    expect(describeError('lesson.ts', where, error)).toBe('lesson.ts:7 RangeError: bad step 2: 日本語');
  });

  it('maps every statement line of a longer script to its own source line', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `const v${i}: number = ${i}; if (v${i} === ${i} && globalThis.__throwAt === ${i}) throw new Error('at ${i}');`);
    const code = compile(lines.join('\n'));
    const map = inlineSourceMap(code)!;
    const offset = measureFunctionLineOffset((body) => new Function(body) as () => unknown);
    for (const at of [0, 17, 39]) {
      (globalThis as { __throwAt?: number }).__throwAt = at;
      const error = runLikeWorker(code, 'u.js') as Error;
      expect(locateInScript(error.stack ?? '', 'u.js', offset, map)?.line).toBe(at + 1);
    }
    delete (globalThis as { __throwAt?: number }).__throwAt;
  });

  it('says only the file when no frame is in the script', () => {
    expect(locateInScript('Error: x\n    at elsewhere.js:1:1', 'u.js', 2, null)).toBeNull();
    expect(describeError('lesson.ts', null, new TypeError('x'))).toBe('lesson.ts TypeError: x');
    expect(originalPosition({ sources: ['a.ts'], mappings: 'AAAA' }, 5, 0)).toBeNull();
  });
});
