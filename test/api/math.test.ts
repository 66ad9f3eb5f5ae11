// Node names, dtypes and static shapes produced by the math API, compared with what
// TF 1.x's Python wrappers build for the same calls.
import { beforeEach, describe, expect, it } from 'vitest';
import * as math from '../../src/api/math.ts';
import { installTensorMethods, type TensorMethods } from '../../src/api/tensor-methods.ts';
import { placeholder } from '../../src/api/state.ts';
import { getDefaultGraph, resetDefaultGraph, type Operation, type Tensor } from '../../src/engine/graph.ts';
import type { TensorValue } from '../../src/engine/tensor-value.ts';

beforeEach(() => resetDefaultGraph());

/** `name: Type <- inputs` for every op, the way a GraphDef lists them. */
function nodes(): string[] {
  return getDefaultGraph().operations.map((op: Operation) => {
    const inputs = [...op.inputs.map((t) => (t.index === 0 ? t.op.name : t.name)), ...op.controlInputs.map((c) => `^${c.name}`)];
    return `${op.name}: ${op.type}${inputs.length ? ` <- ${inputs.join(', ')}` : ''}`;
  });
}

function constValue(name: string): TensorValue {
  return getDefaultGraph().getOperationByName(name).getAttr('value', 'tensor');
}

describe('function API names (TF wrappers default names)', () => {
  it('tf.add / tf.subtract / tf.multiply use the op type, uniquified', () => {
    const x = placeholder('float32', [2], 'x');
    math.add(x, x);
    math.add(x, 1);
    math.mul(2, x);
    expect(nodes()).toEqual([
      'x: Placeholder',
      'Add: Add <- x, x',
      'Add_1/y: Const',
      'Add_1: Add <- x, Add_1/y',
      'Mul/x: Const',
      'Mul: Mul <- Mul/x, x',
    ]);
    // A JS operand takes the dtype of the tensor operand.
    expect(constValue('Mul/x').dtype).toBe('float32');
  });

  it('operators are lower case, with JS operands converted as x or y in their scope', () => {
    const x = placeholder('int32', [], 'x');
    math.opMul(x, 2);
    math.opSub(2, x);
    math.opFloorDiv(x, 3);
    math.opMod(x, 3);
    math.opPow(x, 2);
    math.opNeg(x);
    expect(nodes()).toEqual([
      'x: Placeholder',
      'mul/y: Const', 'mul: Mul <- x, mul/y',
      'sub/x: Const', 'sub: Sub <- sub/x, x',
      'floordiv/y: Const', 'floordiv: FloorDiv <- x, floordiv/y',
      'mod/y: Const', 'mod: FloorMod <- x, mod/y',
      'pow/y: Const', 'pow: Pow <- x, pow/y',
      'Neg: Neg <- x',
    ]);
    expect(constValue('mul/y').dtype).toBe('int32');
  });

  it('div is truediv: RealDiv for floats, int32 operands cast first', () => {
    const f = placeholder('float32', [2], 'f');
    const i = placeholder('int32', [2], 'i');
    const q = math.div(f, 2);
    const r = math.div(i, 2);
    expect(nodes()).toEqual([
      'f: Placeholder', 'i: Placeholder',
      'truediv/y: Const', 'truediv: RealDiv <- f, truediv/y',
      'truediv_1/y: Const', 'truediv_1/Cast: Cast <- i', 'truediv_1/Cast_1: Cast <- truediv_1/y', 'truediv_1: RealDiv <- truediv_1/Cast, truediv_1/Cast_1',
    ]);
    expect([q.dtype, r.dtype]).toEqual(['float32', 'float32']);
    expect(() => math.div(placeholder('bool', [], 'b'), placeholder('bool', [], 'c'))).toThrow('Invalid dtype bool in __truediv__');
  });

  it('cast returns its input for the same dtype but still takes the Cast scope', () => {
    const x = placeholder('float32', [3], 'x');
    expect(math.cast(x, 'float32')).toBe(x);
    const y = math.cast(x, 'int32');
    expect(y.op.name).toBe('Cast_1');
    expect(y.op.getAttr('SrcT', 'type')).toBe('float32');
    expect(y.op.getAttr('DstT', 'type')).toBe('int32');
    expect([y.dtype, y.shape]).toEqual(['int32', [3]]);
  });

  it('addN: one input passes through, several make AddN with N and T', () => {
    const a = placeholder('float32', [2, null], 'a');
    const b = placeholder('float32', [null, 3], 'b');
    expect(math.addN([a])).toBe(a);
    const s = math.addN([a, b, a]);
    expect(s.op.name).toBe('AddN');
    expect(s.op.getAttr('N', 'int')).toBe(3);
    expect(s.shape).toEqual([2, 3]);
    expect(() => math.addN([])).toThrow(/at least one Tensor/);
  });

  it('zerosLike is the ZerosLike op; select converts its condition as bool', () => {
    const x = placeholder('float32', [2], 'x');
    expect(math.zerosLike(x).op.name).toBe('zeros_like');
    const c = placeholder('bool', [2], 'c');
    const s = math.select(c, x, [0, 0]);
    expect(nodes().slice(-2)).toEqual(['Select/e: Const', 'Select: Select <- c, x, Select/e']);
    expect(s.dtype).toBe('float32');
  });

  it('onesLike is TF 1.x ones_like: Shape (a Const when known), Const 1 and a Fill named ones_like', () => {
    const x = placeholder('int32', [2, 3], 'x');
    const o = math.onesLike(x);
    const y = math.onesLike(placeholder('float32', [null, 2], 'y'));
    expect(nodes().filter((n) => n.startsWith('ones_like'))).toEqual([
      'ones_like/Shape: Const',
      'ones_like/Const: Const',
      'ones_like: Fill <- ones_like/Shape, ones_like/Const',
      'ones_like_1/Shape: Shape <- y',
      'ones_like_1/Const: Const',
      'ones_like_1: Fill <- ones_like_1/Shape, ones_like_1/Const',
    ]);
    expect([o.dtype, o.shape, y.shape]).toEqual(['int32', [2, 3], [null, 2]]);
    expect(constValue('ones_like/Const').dtype).toBe('int32');
  });

  it('activations and their JS arguments use TF argument names', () => {
    math.relu([1, -1]);
    math.sigmoid(placeholder('float32', [], 'x'));
    expect(nodes()).toEqual(['Relu/features: Const', 'Relu: Relu <- Relu/features', 'x: Placeholder', 'Sigmoid: Sigmoid <- x']);
  });
});

describe('Tensor methods', () => {
  it('a.mul(x).add(b) builds mul then add, as Python operators name them', () => {
    const x = placeholder('float32', [null, 1], 'x');
    const y = x.mul(5).add(8).div(2).sub(x.neg()).pow(2);
    expect(nodes()).toEqual([
      'x: Placeholder',
      'mul/y: Const', 'mul: Mul <- x, mul/y',
      'add/y: Const', 'add: Add <- mul, add/y',
      'truediv/y: Const', 'truediv: RealDiv <- add, truediv/y',
      'Neg: Neg <- x', 'sub: Sub <- truediv, Neg',
      'pow/y: Const', 'pow: Pow <- sub, pow/y',
    ]);
    expect(y.shape).toEqual([null, 1]);
  });

  it('function-style methods keep the tf.* default names', () => {
    const x = placeholder('float32', [2], 'x');
    x.square().sqrt().exp().log().abs().maximum(0).minimum(1).cast('int32');
    expect(nodes().map((n) => n.split(':')[0])).toEqual([
      'x', 'Square', 'Sqrt', 'Exp', 'Log', 'Abs', 'Maximum/y', 'Maximum', 'Minimum/y', 'Minimum', 'Cast',
    ]);
  });

  it('installTensorMethods gives a tensor-convertible class the same methods, reading through toTensor()', () => {
    class Snapshot {
      constructor(readonly t: Tensor) {}
      toTensor(): Tensor { return this.t; }
    }
    installTensorMethods(Snapshot.prototype);
    const v = new Snapshot(placeholder('float32', [2], 'v')) as Snapshot & TensorMethods;
    v.mul(3);
    v.square();
    expect(nodes().slice(1)).toEqual(['mul/y: Const', 'mul: Mul <- v, mul/y', 'Square: Square <- v']);
    expect(Object.keys(Snapshot.prototype)).toEqual([]); // installed non-enumerable, like class methods
  });
});

describe('static inference', () => {
  it('broadcasts static shapes, keeping unknown dimensions', () => {
    const a = placeholder('float32', [null, 3], 'a');
    expect(math.add(a, [1, 2, 3]).shape).toEqual([null, 3]);
    expect(math.mul(placeholder('float32', [2, 1], 'b'), placeholder('float32', [1, 3], 'c')).shape).toEqual([2, 3]);
    expect(math.sub(a, placeholder('float32', undefined, 'u')).shape).toBeNull();
    expect(math.equal(a, 1).dtype).toBe('bool');
  });

  it('rejects shapes that cannot broadcast', () => {
    expect(() => math.add(placeholder('float32', [2, 3]), placeholder('float32', [4]))).toThrow(/Dimensions must be equal, but are 3 and 4/);
  });

  it('rejects mixed dtypes and dtypes outside the op type list, in TF words', () => {
    const f = placeholder('float32', [], 'f');
    const i = placeholder('int32', [], 'i');
    expect(() => math.add(f, i)).toThrow(/int32/);
    // The op's own check, for graphs built without the wrapper's conversion.
    expect(() => getDefaultGraph().createOp('Add', [f, i], {}, 'Add')).toThrow(
      "Input 'y' of 'Add' Op has type int32 that does not match type float32 of argument 'x'.",
    );
    expect(() => math.sqrt(i)).toThrow(/Value passed to parameter 'x' has DataType int32 not in list of allowed values: float32/);
    expect(() => math.logicalAnd(f, f)).toThrow(/float32/);
  });
});
