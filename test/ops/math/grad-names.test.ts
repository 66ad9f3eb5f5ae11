// Gradient graphs node by node, as TF 1.x's math_grad.py / nn_grad.py build them. The
// Square and Sub/Add patterns are the ones in the real TF 1.1 graph
// (../shared/data/real-events/tf1-morvan-tensorboard-2017: loss/Square_grad, loss/sub_grad,
// layer2/Wx_plus_b/Add_grad); the others follow the same functions' op order.
import { beforeEach, describe, expect, it } from 'vitest';
import * as math from '../../../src/api/math.ts';
import { placeholder } from '../../../src/api/state.ts';
import { gradients } from '../../../src/engine/gradients.ts';
import { getDefaultGraph, resetDefaultGraph, type Tensor } from '../../../src/engine/graph.ts';

beforeEach(() => resetDefaultGraph());

/** The nodes of one gradient scope as `name: Type <- inputs`, with the scope prefix cut. */
function gradNodes(scope: string): string[] {
  const prefix = `gradients/${scope}/`;
  const short = (n: string) => n.replace(prefix, '');
  return getDefaultGraph().operations.filter((op) => op.name.startsWith(prefix)).map((op) => {
    const inputs = [...op.inputs.map((t) => short(t.index === 0 ? t.op.name : t.name)), ...op.controlInputs.map((c) => `^${short(c.name)}`)];
    return `${short(op.name)}: ${op.type}${inputs.length ? ` <- ${inputs.join(', ')}` : ''}`;
  });
}

function grad(y: Tensor, xs: Tensor[]): void {
  gradients(y, xs);
}

describe('gradient node names and order match TF 1.x', () => {
  it('Square (morvan loss/Square_grad): the 2 waits on the incoming gradient', () => {
    const x = placeholder('float32', [null, 1], 'x');
    grad(math.square(x), [x]);
    expect(gradNodes('Square_grad')).toEqual([
      'mul/x: Const <- ^gradients/Fill',
      'mul: Mul <- mul/x, x',
      'mul_1: Mul <- gradients/Fill, mul',
    ]);
  });

  it('Sub (morvan loss/sub_grad) and Add with a known-shape bias (Shape_1 is a Const)', () => {
    const y = placeholder('float32', [null, 1], 'y');
    const p = placeholder('float32', [null, 1], 'p');
    grad(math.opSub(y, p), [y, p]);
    expect(gradNodes('sub_grad')).toEqual([
      'Shape: Shape <- y',
      'Shape_1: Shape <- p',
      'BroadcastGradientArgs: BroadcastGradientArgs <- Shape, Shape_1',
      'Sum: Sum <- gradients/Fill, BroadcastGradientArgs',
      'Reshape: Reshape <- Sum, Shape',
      'Sum_1: Sum <- gradients/Fill, BroadcastGradientArgs:1',
      'Neg: Neg <- Sum_1',
      'Reshape_1: Reshape <- Neg, Shape_1',
    ]);
    resetDefaultGraph();
    const m = placeholder('float32', [null, 3], 'm');
    const b = placeholder('float32', [3], 'b');
    grad(math.add(m, b), [m, b]);
    expect(gradNodes('Add_grad').slice(0, 2)).toEqual(['Shape: Shape <- m', 'Shape_1: Const']);
  });

  it('Mul: grad * y, then x * grad', () => {
    const x = placeholder('float32', [null, 3], 'x');
    const y = placeholder('float32', [null, 3], 'y');
    grad(math.mul(x, y), [x, y]);
    expect(gradNodes('Mul_grad')).toEqual([
      'Shape: Shape <- x',
      'Shape_1: Shape <- y',
      'BroadcastGradientArgs: BroadcastGradientArgs <- Shape, Shape_1',
      'mul: Mul <- gradients/Fill, y',
      'Sum: Sum <- mul, BroadcastGradientArgs',
      'Reshape: Reshape <- Sum, Shape',
      'mul_1: Mul <- x, gradients/Fill',
      'Sum_1: Sum <- mul_1, BroadcastGradientArgs:1',
      'Reshape_1: Reshape <- Sum_1, Shape_1',
    ]);
  });

  it('Maximum: zeros shaped like the gradient, a GreaterEqual mask, Select and LogicalNot', () => {
    const x = placeholder('float32', [null, 3], 'x');
    const y = placeholder('float32', [3], 'y');
    grad(math.maximum(x, y), [x, y]);
    expect(gradNodes('Maximum_grad')).toEqual([
      'Shape: Shape <- x',
      'Shape_1: Const',
      'Shape_2: Shape <- gradients/Fill',
      'zeros/Const: Const',
      'zeros: Fill <- Shape_2, zeros/Const',
      'GreaterEqual: GreaterEqual <- x, y',
      'BroadcastGradientArgs: BroadcastGradientArgs <- Shape, Shape_1',
      'Select: Select <- GreaterEqual, gradients/Fill, zeros',
      'LogicalNot: LogicalNot <- GreaterEqual',
      'Select_1: Select <- LogicalNot, gradients/Fill, zeros',
      'Sum: Sum <- Select, BroadcastGradientArgs',
      'Reshape: Reshape <- Sum, Shape',
      'Sum_1: Sum <- Select_1, BroadcastGradientArgs:1',
      'Reshape_1: Reshape <- Sum_1, Shape_1',
    ]);
  });

  it('SquaredDifference: scalar_mul(2.0, grad) * (x - y) under the gradient, y negated last', () => {
    const x = placeholder('float32', [null, 3], 'x');
    const y = placeholder('float32', [3], 'y');
    grad(math.squaredDifference(x, y), [x, y]);
    expect(gradNodes('SquaredDifference_grad')).toEqual([
      'Shape: Shape <- x',
      'Shape_1: Const',
      'BroadcastGradientArgs: BroadcastGradientArgs <- Shape, Shape_1',
      'scalar: Const <- ^gradients/Fill',
      'mul: Mul <- scalar, gradients/Fill',
      'sub: Sub <- x, y, ^gradients/Fill',
      'mul_1: Mul <- mul, sub',
      'Sum: Sum <- mul_1, BroadcastGradientArgs',
      'Reshape: Reshape <- Sum, Shape',
      'Sum_1: Sum <- mul_1, BroadcastGradientArgs:1',
      'Reshape_1: Reshape <- Sum_1, Shape_1',
      'Neg: Neg <- Reshape_1',
    ]);
  });

  it('Pow: y * x^(y-1) for x; z * where(x > 0, log(x), 0) for y', () => {
    const x = placeholder('float32', [2], 'x');
    const y = placeholder('float32', [2], 'y');
    grad(math.pow(x, y, 'z'), [x, y]);
    expect(gradNodes('z_grad')).toEqual([
      'Shape: Const',
      'Shape_1: Const',
      'BroadcastGradientArgs: BroadcastGradientArgs <- Shape, Shape_1',
      'mul: Mul <- gradients/Fill, y',
      'sub/y: Const',
      'sub: Sub <- y, sub/y',
      'Pow: Pow <- x, sub',
      'mul_1: Mul <- mul, Pow',
      'Sum: Sum <- mul_1, BroadcastGradientArgs',
      'Reshape: Reshape <- Sum, Shape',
      'Greater/y: Const',
      'Greater: Greater <- x, Greater/y',
      'Log: Log <- x',
      'zeros_like: ZerosLike <- x',
      'Select: Select <- Greater, Log, zeros_like',
      'mul_2: Mul <- gradients/Fill, z',
      'mul_3: Mul <- mul_2, Select',
      'Sum_1: Sum <- mul_3, BroadcastGradientArgs:1',
      'Reshape_1: Reshape <- Sum_1, Shape_1',
    ]);
  });

  it('RealDiv: grad / y, then grad * ((-x / y) / y)', () => {
    const x = placeholder('float32', [2], 'x');
    const y = placeholder('float32', [2], 'y');
    grad(math.realDiv(x, y), [x, y]);
    expect(gradNodes('RealDiv_grad').slice(3)).toEqual([
      'RealDiv: RealDiv <- gradients/Fill, y',
      'Sum: Sum <- RealDiv, BroadcastGradientArgs',
      'Reshape: Reshape <- Sum, Shape',
      'Neg: Neg <- x',
      'RealDiv_1: RealDiv <- Neg, y',
      'RealDiv_2: RealDiv <- RealDiv_1, y',
      'mul: Mul <- gradients/Fill, RealDiv_2',
      'Sum_1: Sum <- mul, BroadcastGradientArgs:1',
      'Reshape_1: Reshape <- Sum_1, Shape_1',
    ]);
  });

  const unary: [string, (x: Tensor, name: string) => Tensor, string[]][] = [
    ['Sigmoid', math.sigmoid, ['SigmoidGrad: SigmoidGrad <- f, gradients/Fill']],
    ['Tanh', math.tanh, ['TanhGrad: TanhGrad <- f, gradients/Fill']],
    ['Relu', math.relu, ['ReluGrad: ReluGrad <- gradients/Fill, f']],
    ['Sqrt', math.sqrt, ['SqrtGrad: SqrtGrad <- f, gradients/Fill']],
    ['Rsqrt', math.rsqrt, ['RsqrtGrad: RsqrtGrad <- f, gradients/Fill']],
    ['Reciprocal', math.reciprocal, ['ReciprocalGrad: ReciprocalGrad <- f, gradients/Fill']],
    ['Exp', math.exp, ['mul: Mul <- gradients/Fill, f']],
    ['Log', math.log, ['Reciprocal: Reciprocal <- x, ^gradients/Fill', 'mul: Mul <- gradients/Fill, Reciprocal']],
    ['Abs', math.abs, ['Sign: Sign <- x', 'mul: Mul <- gradients/Fill, Sign']],
    ['Neg', math.neg, ['Neg: Neg <- gradients/Fill']],
    ['Sign', math.sign, ['Shape: Const', 'zeros/Const: Const', 'zeros: Fill <- Shape, zeros/Const']],
  ];
  for (const [type, fn, expected] of unary) {
    it(`${type}: ${expected.map((n) => n.split(':')[0]).join(', ')}`, () => {
      const x = placeholder('float32', [2], 'x');
      grad(fn(x, 'f'), [x]);
      expect(gradNodes('f_grad')).toEqual(expected);
    });
  }
});
