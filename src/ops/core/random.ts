import { getAttr } from '../../engine/attr.ts';
import type { KernelContext, OpDef } from '../../engine/op-def.ts';
import type { Shape } from '../../engine/shape.ts';
import type { InferContext } from '../../engine/op-def.ts';
import { allocate, type TensorValue } from '../../engine/tensor-value.ts';

/** Static output shape of an op whose input 0 is a shape vector: known when that input is a Const. */
export function shapeFromShapeInput(ctx: InferContext, i = 0): Shape {
  const t = ctx.inputs[i]!;
  if (t.op.type === 'Const') {
    const v = t.op.getAttr('value', 'tensor');
    return Array.from(v.data as Int32Array);
  }
  if (t.shape !== null && t.shape.length === 1 && t.shape[0] !== null) return new Array(t.shape[0]).fill(null);
  return null;
}

function randomOp(type: string, sample: (ctx: KernelContext) => number): OpDef {
  return {
    type,
    infer: (ctx) => [{ dtype: getAttr(ctx.attrs, 'dtype', 'type', ctx.op.name), shape: shapeFromShapeInput(ctx) }],
    grad: null,
    stateful: true,
    cpu: (inputs, ctx): TensorValue[] => {
      const shape = Array.from(inputs[0]!.data as Int32Array);
      const out = allocate(ctx.op.getAttr('dtype', 'type'), shape);
      const d = out.data as Float32Array;
      for (let i = 0; i < d.length; i++) d[i] = sample(ctx);
      return [out];
    },
  };
}

/** Box–Muller on the session's uniform stream. */
function normal(ctx: KernelContext): number {
  let u = 0;
  while (u === 0) u = ctx.random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * ctx.random());
}

export const RandomStandardNormal = randomOp('RandomStandardNormal', normal);
export const RandomUniform = randomOp('RandomUniform', (ctx) => ctx.random());
/** TF's TruncatedNormal redraws samples more than two standard deviations from the mean. */
export const TruncatedNormal = randomOp('TruncatedNormal', (ctx) => {
  for (;;) {
    const x = normal(ctx);
    if (Math.abs(x) <= 2) return x;
  }
});
