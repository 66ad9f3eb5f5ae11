#!/usr/bin/env python3
"""Expected results of the element-wise math kernels, for elementwise.test.ts.

NumPy is the independent implementation: its own broadcasting, float32 arithmetic
(IEEE, so +, -, *, /, sqrt are exactly TF's), int32 wrap-around, and Python-style
floor division / modulo for integers. Where TF's definition differs from NumPy's
default, the reference spells TF's out with NumPy primitives (float FloorDiv is
floor(x / y) in float32; float FloorMod is fmod adjusted to the divisor's sign).
Transcendental functions are computed in float64 and rounded to float32; the test
allows them a couple of ulps.

NaN and infinities are written as the strings "NaN", "Infinity", "-Infinity".

Run:  python3 test/ops/math/gen_elementwise_fixtures.py > test/ops/math/elementwise.fixtures.json
"""
import json

import numpy as np

rng = np.random.default_rng(20170506)
f32, i32 = np.float32, np.int32
np.seterr(all='ignore')


def enc(a):
    a = np.asarray(a)
    dtype = {np.dtype(f32): 'float32', np.dtype(i32): 'int32', np.dtype(bool): 'bool'}[a.dtype]
    data = []
    for v in a.reshape(-1).tolist():
        if isinstance(v, bool):
            data.append(v)
        elif isinstance(v, float) and (v != v or v in (float('inf'), float('-inf'))):
            data.append('NaN' if v != v else ('Infinity' if v > 0 else '-Infinity'))
        else:
            data.append(v)
    return {'dtype': dtype, 'shape': list(a.shape), 'data': data}


cases = []


def case(op, inputs, output, ulps=0, attrs=None):
    c = {'op': op, 'inputs': [enc(x) for x in inputs], 'output': enc(output), 'ulps': ulps}
    if attrs:
        c['attrs'] = attrs
    cases.append(c)


def rf(shape, lo=-3.0, hi=3.0):
    return rng.uniform(lo, hi, size=shape).astype(f32)


def ri(shape, lo=-50, hi=50):
    return rng.integers(lo, hi, size=shape).astype(i32)


def nonzero_i(shape, lo=-9, hi=10):
    v = ri(shape, lo, hi)
    v[v == 0] = 3
    return v


BROADCAST_SHAPES = [
    ([2, 3], [2, 3]), ([2, 3], [3]), ([2, 1], [1, 3]), ([], [2, 3]), ([2, 3], []),
    ([1], [2, 3]), ([3, 1, 4], [2, 1]), ([2, 1, 3], [4, 1]), ([0, 3], [3]), ([4, 1], [4]),
]

# Arithmetic with broadcasting, float32 and int32.
for sa, sb in BROADCAST_SHAPES:
    a, b = rf(sa), rf(sb)
    case('Add', [a, b], a + b)
    ia, ib = ri(sa), ri(sb)
    case('Add', [ia, ib], ia + ib)
for sa, sb in BROADCAST_SHAPES[:6]:
    a, b = rf(sa), rf(sb)
    case('Sub', [a, b], a - b)
    case('Mul', [a, b], a * b)
    case('Maximum', [a, b], np.maximum(a, b))
    case('Minimum', [a, b], np.minimum(a, b))
    case('SquaredDifference', [a, b], np.square(a - b))
    ia, ib = ri(sa), ri(sb)
    case('Sub', [ia, ib], ia - ib)
    case('Mul', [ia, ib], ia * ib)
    case('Maximum', [ia, ib], np.maximum(ia, ib))
    case('Minimum', [ia, ib], np.minimum(ia, ib))
    case('SquaredDifference', [ia, ib], np.square(ia - ib))

# int32 wrap-around (TF's int32 arithmetic is two's complement).
big = np.array([2147483647, -2147483648, 123456789, -987654321], dtype=i32)
big2 = np.array([1, -1, 987654321, 123456789], dtype=i32)
case('Add', [big, big2], big + big2)
case('Sub', [big, big2], big - big2)
case('Mul', [big, big2], big * big2)
case('Neg', [big], -big)
case('Square', [big], np.square(big))

# Division.
a, b = rf([2, 3]), rf([3], 0.5, 2.0)
case('RealDiv', [a, b], a / b)
case('RealDiv', [np.array([1, -1, 0, 0], dtype=f32), np.array([0, 0, 0, 2], dtype=f32)],
     np.array([1, -1, 0, 0], dtype=f32) / np.array([0, 0, 0, 2], dtype=f32))
a, b = rf([3, 4], -10, 10), rf([4], -3, 3)
case('FloorDiv', [a, b], np.floor(a / b))
fm = np.fmod(a, b)
case('FloorMod', [a, b], np.where((fm != 0) & ((fm < 0) != (b < 0)), fm + b, fm).astype(f32))
ia, ib = ri([3, 4], -100, 100), nonzero_i([4])
case('FloorDiv', [ia, ib], np.floor_divide(ia, ib))
case('FloorMod', [ia, ib], np.mod(ia, ib))

# Pow.
a, b = rf([2, 3], 0.1, 3), rf([3], -2, 2)
case('Pow', [a, b], np.power(a, b), ulps=2)
neg_base = np.array([-2, -1.5, -3, 0], dtype=f32)
int_exp = np.array([2, 3, -1, 2], dtype=f32)
case('Pow', [neg_base, int_exp], np.power(neg_base, int_exp), ulps=2)
ia, ib = ri([2, 3], -6, 6), ri([3], 0, 7)
case('Pow', [ia, ib], np.power(ia, ib))
case('Pow', [np.array([3, 7, -5], dtype=i32), np.array([25, 19, 31], dtype=i32)],
     np.power(np.array([3, 7, -5], dtype=i32), np.array([25, 19, 31], dtype=i32)))

# Unary ops.
x = rf([2, 5])
xi = ri([2, 5])
pos = rf([2, 5], 0.01, 9)
for op, fn, ulps in [('Neg', np.negative, 0), ('Abs', np.abs, 0), ('Sign', np.sign, 0), ('Square', np.square, 0)]:
    case(op, [x], fn(x), ulps)
    case(op, [xi], fn(xi), ulps)
case('Sign', [np.array([0, -0.0, 2, -3], dtype=f32)], np.array([0, 0, 1, -1], dtype=f32))
case('Sqrt', [pos], np.sqrt(pos))
case('Rsqrt', [pos], (f32(1) / np.sqrt(pos)).astype(f32))
case('Reciprocal', [x], f32(1) / x)
case('Exp', [x], np.exp(x.astype(np.float64)).astype(f32), ulps=1)
case('Log', [pos], np.log(pos.astype(np.float64)).astype(f32), ulps=1)
case('Tanh', [x], np.tanh(x.astype(np.float64)).astype(f32), ulps=1)
wide = rf([3, 4], -20, 20)
case('Sigmoid', [wide], (1 / (1 + np.exp(-wide.astype(np.float64)))).astype(f32), ulps=1)
case('Sqrt', [np.array([-1, 0, np.inf], dtype=f32)], np.sqrt(np.array([-1, 0, np.inf], dtype=f32)))
case('Log', [np.array([0, -1, 1], dtype=f32)], np.log(np.array([0, -1, 1], dtype=f32)))
case('Relu', [x], np.maximum(x, f32(0)))
case('Relu', [xi], np.maximum(xi, i32(0)))

# Backward ops: TF's functor formulas evaluated in float32 by NumPy.
y, dy = rf([2, 3], 0.05, 0.95), rf([2, 3])
case('SigmoidGrad', [y, dy], dy * y * (f32(1) - y))
t = rf([2, 3], -0.99, 0.99)
case('TanhGrad', [t, dy], dy * (f32(1) - t * t))
case('SqrtGrad', [pos[:, :3], dy], f32(0.5) * dy / pos[:, :3])
case('RsqrtGrad', [pos[:, :3], dy], f32(-0.5) * (dy * pos[:, :3]) * (pos[:, :3] * pos[:, :3]))
case('ReciprocalGrad', [x[:, :3], dy], -dy * x[:, :3] * x[:, :3])
feats = np.array([[1, 0, -2], [0.5, -0.0, 3]], dtype=f32)
case('ReluGrad', [dy, feats], np.where(feats > 0, dy, f32(0)))

# Comparisons and logic.
a, b = ri([2, 3], -2, 3).astype(f32), ri([3], -2, 3).astype(f32)
for op, fn in [('Equal', np.equal), ('NotEqual', np.not_equal), ('Greater', np.greater),
               ('GreaterEqual', np.greater_equal), ('Less', np.less), ('LessEqual', np.less_equal)]:
    case(op, [a, b], fn(a, b))
    case(op, [a.astype(i32), b.astype(i32)], fn(a.astype(i32), b.astype(i32)))
case('Equal', [np.array([1, 0, 1], dtype=bool), np.array([1, 1, 0], dtype=bool)], np.array([1, 0, 0], dtype=bool))
nan = np.array([np.nan, 1, np.nan], dtype=f32)
case('Equal', [nan, np.array([np.nan, 1, 2], dtype=f32)], nan == np.array([np.nan, 1, 2], dtype=f32))
case('NotEqual', [nan, np.array([np.nan, 1, 2], dtype=f32)], nan != np.array([np.nan, 1, 2], dtype=f32))
p, q = rng.integers(0, 2, size=[2, 3]).astype(bool), rng.integers(0, 2, size=[3]).astype(bool)
case('LogicalAnd', [p, q], np.logical_and(p, q))
case('LogicalOr', [p, q], np.logical_or(p, q))
case('LogicalNot', [p], np.logical_not(p))
c = rng.integers(0, 2, size=[2, 3]).astype(bool)
a, b = rf([2, 3]), rf([2, 3])
case('Select', [c, a, b], np.where(c, a, b))
row = np.array([True, False])
case('Select', [row, a, b], np.where(row[:, None], a, b))

# Casts (in-range values: out-of-range float to int is undefined in C++).
fx = np.array([1.7, -1.7, 0.5, -0.5, 100.99, -2147483000.0, 0, 3], dtype=f32)
case('Cast', [fx], fx.astype(i32), attrs={'DstT': 'int32'})
case('Cast', [fx], fx != 0, attrs={'DstT': 'bool'})
ix = np.array([16777217, -16777219, 7, 0, 2147483647], dtype=i32)
case('Cast', [ix], ix.astype(f32), attrs={'DstT': 'float32'})
case('Cast', [ix], ix != 0, attrs={'DstT': 'bool'})
bx = np.array([True, False, True])
case('Cast', [bx], bx.astype(f32), attrs={'DstT': 'float32'})
case('Cast', [bx], bx.astype(i32), attrs={'DstT': 'int32'})

# ZerosLike / OnesLike.
for v in (rf([2, 3]), ri([4]), np.array([True, False])):
    case('ZerosLike', [v], np.zeros_like(v))
    case('OnesLike', [v], np.ones_like(v))

# AddN: left-to-right float32 sums.
xs = [rf([2, 3], -1e4, 1e4) for _ in range(10)]
acc = xs[0].copy()
for v in xs[1:]:
    acc = (acc + v).astype(f32)
case('AddN', xs, acc, attrs={'N': 10})
xsi = [ri([3]) for _ in range(3)]
case('AddN', xsi, xsi[0] + xsi[1] + xsi[2], attrs={'N': 3})

print(json.dumps({'generator': 'test/ops/math/gen_elementwise_fixtures.py', 'numpy': np.__version__, 'cases': cases}, indent=None))
