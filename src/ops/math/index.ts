import type { OpDef } from '../../engine/op-def.ts';
import { AddN } from './add-n.ts';
import { Add, Sub } from './add-sub.ts';
import { Cast } from './cast.ts';
import { Equal, Greater, GreaterEqual, Less, LessEqual, NotEqual } from './compare.ts';
import { FloorDiv, FloorMod, RealDiv } from './div.ts';
import { OnesLike, ZerosLike } from './fill-like.ts';
import { LogicalAnd, LogicalNot, LogicalOr, Select } from './logical.ts';
import { Maximum, Minimum } from './max-min.ts';
import { Mul } from './mul.ts';
import { Pow } from './pow.ts';
import { Relu, ReluGrad } from './relu.ts';
import { Sigmoid, SigmoidGrad, Tanh, TanhGrad } from './sigmoid-tanh.ts';
import { SquaredDifference } from './squared-difference.ts';
import { Abs, Neg, Reciprocal, Sign, Square } from './unary-arith.ts';
import { Exp, Log, Rsqrt, Sqrt } from './unary-float.ts';
import { ReciprocalGrad, RsqrtGrad, SqrtGrad } from './unary-grads.ts';

/** Element-wise math: arithmetic, comparisons, casts, and the activations with their backward ops. */
/** A function, not a table: op modules import each other through the graph, so the table is only read after every module has loaded. */
export function mathOps(): readonly OpDef[] {
  return [
  Add, Sub, Mul, RealDiv, FloorDiv, FloorMod, Maximum, Minimum, Pow, SquaredDifference,
  Neg, Abs, Sign, Square, Reciprocal, Sqrt, Rsqrt, Exp, Log,
  SqrtGrad, RsqrtGrad, ReciprocalGrad,
  Relu, ReluGrad, Sigmoid, SigmoidGrad, Tanh, TanhGrad,
  Equal, NotEqual, Greater, GreaterEqual, Less, LessEqual,
  LogicalAnd, LogicalOr, LogicalNot, Select,
  Cast, AddN, ZerosLike, OnesLike,
];
}
