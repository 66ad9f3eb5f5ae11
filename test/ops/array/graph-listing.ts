/** A graph's nodes as `name: Type <- inputs` lines, for naming tests (output 0 written as the op name, as TF does). */
import { getDefaultGraph } from '../../../src/engine/graph.ts';

export function listNodes(prefix = ''): string[] {
  const short = (n: string) => (n.startsWith(prefix) ? n.slice(prefix.length) : n);
  return getDefaultGraph()
    .operations.filter((op) => op.name.startsWith(prefix) && op.type !== 'Placeholder')
    .map((op) => {
      const inputs = [...op.inputs.map((t) => short(t.index === 0 ? t.op.name : t.name)), ...op.controlInputs.map((c) => `^${short(c.name)}`)];
      return `${short(op.name)}: ${op.type}${inputs.length ? ` <- ${inputs.join(', ')}` : ''}`;
    });
}
