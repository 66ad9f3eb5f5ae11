// Call a strings kernel directly, without a graph: a stand-in op carrying only attrs,
// and a context whose print sink records lines.
import { type Attrs, getAttr } from '../../../src/engine/attr.ts';
import type { Operation } from '../../../src/engine/graph.ts';
import type { KernelContext, OpDef } from '../../../src/engine/op-def.ts';
import type { TensorValue } from '../../../src/engine/tensor-value.ts';

export function runKernel(def: OpDef, attrs: Attrs, inputs: TensorValue[]): { outputs: TensorValue[]; printed: string[] } {
  const op = {
    name: `test/${def.type}`,
    type: def.type,
    attrs,
    getAttr: (name: string, kind: string) => getAttr(attrs, name, kind as never, `test/${def.type}`),
    hasAttr: (name: string) => attrs[name] !== undefined,
  } as unknown as Operation;
  const printed: string[] = [];
  const ctx: KernelContext = {
    op,
    ref: () => { throw new Error('no variables here'); },
    variable: () => { throw new Error('no variables here'); },
    random: () => 0,
    print: (text) => printed.push(text),
  };
  return { outputs: def.cpu(inputs, ctx), printed };
}
