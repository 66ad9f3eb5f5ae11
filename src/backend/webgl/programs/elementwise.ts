/**
 * Element-wise ops as GLSL snippets: each is an expression in `x` (unary) or `a`, `b`
 * (binary), mirroring its CPU kernel's formula (same order of operations) so results
 * agree to float32 rounding. programs/fused.ts turns one op, or a chain of them, with
 * NumPy broadcasting, into a program.
 */
import { broadcastStrides } from '../../../ops/kernels/elementwise.ts';

/**
 * NaN and ±∞ as bit patterns, and a NaN test on the bits: GLSL ES leaves `isnan` and
 * comparisons with NaN to the driver, and ANGLE/SwiftShader may fold `isnan(x)` to false
 * under its fast-math assumptions; an integer test on `floatBitsToUint` cannot be folded.
 */
const NAN = 'uintBitsToFloat(0x7fc00000u)';
const INF = 'uintBitsToFloat(0x7f800000u)';
const isNaN = (v: string): string => `((floatBitsToUint(${v}) & 0x7fffffffu) > 0x7f800000u)`;

/**
 * GLSL for each unary op, in `x`. Relu keeps `x < 0 ? 0 : x` so NaN passes through as on
 * the CPU; Exp, Log, Sigmoid and Tanh test for NaN (and Log for 0, negatives and +∞)
 * explicitly, because the GPU's exp/log/tanh of those are whatever the driver makes them
 * (SwiftShader: exp(NaN) = +∞, log(x) = log|x| clamped to ±88).
 */
export const UNARY_GLSL = {
  Identity: 'x',
  StopGradient: 'x',
  Neg: '-x',
  Abs: 'abs(x)',
  Sign: 'sign(x)',
  Square: 'x * x',
  Sqrt: 'sqrt(x)',
  Rsqrt: '1.0 / sqrt(x)',
  Reciprocal: '1.0 / x',
  Exp: `${isNaN('x')} ? ${NAN} : exp(x)`,
  // x > 0 is false for NaN, so NaN and negatives both reach the NaN branch.
  Log: `x > 0.0 ? (x < ${INF} ? log(x) : x) : (x == 0.0 ? -${INF} : ${NAN})`,
  Relu: 'x < 0.0 ? 0.0 : x',
  Sigmoid: `${isNaN('x')} ? ${NAN} : 1.0 / (1.0 + exp(-x))`,
  // tanh(±9) is ±1 in float32; clamping keeps drivers that compute tanh through exp() from overflowing (clamp maps NaN to -9).
  Tanh: `${isNaN('x')} ? ${NAN} : tanh(clamp(x, -9.0, 9.0))`,
} as const satisfies Record<string, string>;

/** GLSL for each binary op, in `a` (input 0) and `b` (input 1). The *Grad ops take (y, dy) or (dy, x) as TF does. */
export const BINARY_GLSL = {
  Add: 'a + b',
  Sub: 'a - b',
  Mul: 'a * b',
  RealDiv: 'a / b',
  // NaN on either side gives NaN, as on the CPU (a comparison alone drops a NaN in `a`).
  Maximum: `${isNaN('a')} || ${isNaN('b')} ? ${NAN} : a >= b ? a : b`,
  Minimum: `${isNaN('a')} || ${isNaN('b')} ? ${NAN} : a <= b ? a : b`,
  SquaredDifference: '(a - b) * (a - b)',
  ReluGrad: 'b > 0.0 ? a : 0.0',
  SigmoidGrad: '(b * a) * (1.0 - a)',
  TanhGrad: 'b * (1.0 - a * a)',
  SqrtGrad: '(0.5 * b) / a',
  RsqrtGrad: '(-0.5 * (b * a)) * (a * a)',
  ReciprocalGrad: '(-b * a) * a',
} as const satisfies Record<string, string>;

/**
 * `int fn(int i)`: the element of an input of `shape` that output element `i` reads. The
 * common cases (same shape, a single element) need no index arithmetic; otherwise the
 * output index is split into coordinates and dotted with the input's broadcast strides
 * (0 along broadcast dimensions), the shapes baked in as constants.
 */
export function indexFunction(fn: string, shape: readonly number[], outShape: readonly number[]): string {
  const size = shape.reduce((x, y) => x * y, 1);
  const outSize = outShape.reduce((x, y) => x * y, 1);
  if (size === 1) return `int ${fn}(int i) { return 0; }`;
  if (size === outSize) return `int ${fn}(int i) { return i; }`;
  const strides = broadcastStrides(shape, outShape);
  const lines: string[] = [];
  for (let d = outShape.length - 1; d >= 0; d--) {
    const dim = outShape[d]!;
    if (strides[d] !== 0) lines.push(`j += (r % ${dim}) * ${strides[d]};`);
    if (d > 0) lines.push(`r /= ${dim};`);
  }
  return `int ${fn}(int i) { int r = i; int j = 0; ${lines.join(' ')} return j; }`;
}
