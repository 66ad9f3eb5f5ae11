import { InvalidArgumentError } from '../../engine/errors.ts';
import type { OpDef } from '../../engine/op-def.ts';
import type { TensorValue } from '../../engine/tensor-value.ts';
import { intsOf, vectorValue } from './indexing.ts';

/**
 * TF's `BCast` reduction indices: the axes (of the broadcast result) along which the
 * gradient of each operand must be summed. An axis where both sides are 1 is listed
 * for both, as TF does.
 */
export function broadcastReductionAxes(s0: readonly number[], s1: readonly number[]): [number[], number[]] | null {
  const n = Math.max(s0.length, s1.length);
  const r0: number[] = [];
  const r1: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = i < n - s0.length ? 1 : s0[i - (n - s0.length)]!;
    const y = i < n - s1.length ? 1 : s1[i - (n - s1.length)]!;
    if (x === y) {
      if (x === 1) {
        r0.push(i);
        r1.push(i);
      }
    } else if (x === 1) r0.push(i);
    else if (y === 1) r1.push(i);
    else return null;
  }
  return [r0, r1];
}

/** `BroadcastGradientArgs(s0, s1)` → (r0, r1): what the gradient driver sums over for a broadcasting binary op. */
export const BroadcastGradientArgs: OpDef = {
  type: 'BroadcastGradientArgs',
  infer: ({ inputs }) => [{ dtype: inputs[0]!.dtype, shape: [null] }, { dtype: inputs[0]!.dtype, shape: [null] }],
  grad: null,
  cpu: (inputs, ctx) => {
    const [a, b] = inputs as [TensorValue, TensorValue];
    const s0 = intsOf(a);
    const s1 = intsOf(b);
    const axes = broadcastReductionAxes(s0, s1);
    if (axes === null) throw new InvalidArgumentError(`Incompatible shapes: [${s0.join(',')}] vs. [${s1.join(',')}]`, ctx.op.name);
    return [vectorValue(a.dtype, axes[0]), vectorValue(a.dtype, axes[1])];
  },
};
