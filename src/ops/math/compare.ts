import type { OpDef } from '../../engine/op-def.ts';
import { binaryKernel, type BinaryFn } from '../kernels/elementwise.ts';
import { ANY, NUMERIC, binaryInfer } from './rules.ts';
import type { DType } from '../../engine/dtype.ts';

/** A comparison: broadcasting, bool result, no gradient (TF's `NotDifferentiable`). */
function comparison(type: string, allowed: readonly DType[], test: BinaryFn): OpDef {
  return { type, infer: binaryInfer(allowed, 'bool'), grad: null, cpu: binaryKernel(test, 'bool') };
}

// Strings compare by value with `===`, which is what Equal/NotEqual on string tensors mean.
export const Equal = comparison('Equal', ANY, (a, b) => (a === b ? 1 : 0));
export const NotEqual = comparison('NotEqual', ANY, (a, b) => (a !== b ? 1 : 0));
export const Greater = comparison('Greater', NUMERIC, (a, b) => (a > b ? 1 : 0));
export const GreaterEqual = comparison('GreaterEqual', NUMERIC, (a, b) => (a >= b ? 1 : 0));
export const Less = comparison('Less', NUMERIC, (a, b) => (a < b ? 1 : 0));
export const LessEqual = comparison('LessEqual', NUMERIC, (a, b) => (a <= b ? 1 : 0));
