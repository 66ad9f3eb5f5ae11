// Run-time behaviour of the math kernels through Session: TF's errors (naming the node)
// and the edge cases NumPy fixtures cannot express.
import { describe, expect, it } from 'vitest';
import * as math from '../../../src/api/math.ts';
import { placeholder } from '../../../src/api/state.ts';
import { Graph, type Tensor } from '../../../src/engine/graph.ts';
import { Session } from '../../../src/engine/session.ts';
import type { ValueLike } from '../../../src/engine/tensor-value.ts';
import { runOp } from '../../support/check.ts';

/** Build over unknown-shape placeholders so run-time shape checks are reached; returns the thrown error. */
function runError(build: (a: Tensor, b: Tensor) => Tensor, a: ValueLike, b: ValueLike, dtype: 'float32' | 'int32' = 'float32'): Error {
  const g = new Graph();
  return g.asDefault(() => {
    const pa = placeholder(dtype, undefined, 'a');
    const pb = placeholder(dtype, undefined, 'b');
    const out = build(pa, pb);
    try {
      new Session(g).run(out, new Map([[pa, a], [pb, b]]));
    } catch (e) {
      return e as Error;
    }
    throw new Error('expected the run to fail');
  });
}

const int = (value: ValueLike) => ({ value, dtype: 'int32' as const });

describe('run-time errors, in TF words, naming the node', () => {
  it('shapes that do not broadcast', () => {
    const e = runError((a, b) => math.add(a, b, 'sum'), [[1, 2, 3], [4, 5, 6]], [1, 2, 3, 4]);
    expect(e.message).toMatch(/^Incompatible shapes: \[2,3\] vs\. \[4\]/);
    expect((e as { node?: string }).node).toBe('sum');
  });

  it('integer division and modulo by zero', () => {
    for (const op of [math.floorDiv, math.floorMod]) {
      const e = runError((a, b) => op(a, b), [1, 2], [1, 0], 'int32');
      expect(e.message).toMatch(/^Integer division by zero/);
    }
  });

  it('integers to negative powers', () => {
    const e = runError((a, b) => math.pow(a, b), [2, 3], [1, -1], 'int32');
    expect(e.message).toMatch(/^Integers to negative integer powers are not allowed/);
  });

  it('AddN of different shapes and Select of mismatched condition', () => {
    expect(runError((a, b) => math.addN([a, b]), [1, 2], [1, 2, 3]).message).toMatch(
      /^Inputs to operation AddN of type AddN must have the same size and shape\.\s+Input 0: \[2\] != input 1: \[3\]/,
    );
    const g = new Graph();
    g.asDefault(() => {
      const c = placeholder('bool', undefined, 'c');
      const x = placeholder('float32', undefined, 'x');
      const s = math.select(c, x, x);
      expect(() => new Session(g).run(s, new Map<Tensor, ValueLike>([[c, [true, false, true]], [x, [[1, 2], [3, 4]]]]))).toThrow(
        /'cond' and 'then' must have compatible shapes/,
      );
    });
  });

  it('Cast from strings is not supported', () => {
    const g = new Graph();
    g.asDefault(() => {
      const s = placeholder('string', [1], 's');
      expect(() => new Session(g).run(math.cast(s, 'float32'), new Map([[s, ['1']]]))).toThrow(/Cast string to float32 is not supported/);
    });
  });
});

describe('edge cases', () => {
  it('float to int32 casts truncate, and NaN or out-of-range values give INT_MIN (x86 cvttss2si)', () => {
    expect(runOp((x) => math.cast(x, 'int32'), [2.9, -2.9, NaN, 3e9, -3e9, Infinity])).toEqual([2, -2, -2147483648, -2147483648, -2147483648, -2147483648]);
  });

  it('NaN: Maximum and Minimum propagate it, Relu passes it, Sign gives 0 (TF 1.x Eigen)', () => {
    expect(runOp((a, b) => math.maximum(a, b), [NaN, 1], [1, NaN])).toEqual([NaN, NaN]);
    expect(runOp((a, b) => math.minimum(a, b), [NaN, 1], [1, NaN])).toEqual([NaN, NaN]);
    expect(runOp((x) => math.relu(x), [NaN, -1])).toEqual([NaN, 0]);
    expect(runOp((x) => math.sign(x), [NaN])).toEqual([0]);
  });

  it('C pow rules where JS differs: 1 ** NaN and (-1) ** Infinity are 1', () => {
    expect(runOp((a, b) => math.pow(a, b), [1, -1, -1], [NaN, Infinity, -Infinity])).toEqual([1, 1, 1]);
  });

  it('int32 FloorDiv rounds toward negative infinity, FloorMod follows the divisor sign', () => {
    expect(runOp((a, b) => math.floorDiv(a, b), int([7, -7, 7, -7, -2147483648]), int([2, 2, -2, -2, 1]))).toEqual([3, -4, -4, 3, -2147483648]);
    expect(runOp((a, b) => math.floorMod(a, b), int([7, -7, 7, -7]), int([2, 2, -2, -2]))).toEqual([1, 1, -1, -1]);
  });

  it('empty tensors broadcast to empty results', () => {
    expect(runOp((a, b) => math.mul(a, b), { value: new Float32Array(0) }, [[1], [2]])).toEqual([[], []]);
  });
});
