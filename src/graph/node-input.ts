/**
 * NodeDef inputs as TensorBoard's graph dashboard reads them (tf_graph_common/graph.ts
 * `normalizeInputs`): `^name` is a control input, `name:3` output 3 of `name`, and
 * `name:out:3` an output of a function-library node.
 *
 *     parseInput('^init')        // { name: 'init', output: '0', control: true }
 *     parseInput('split:1')      // { name: 'split', output: '1', control: false }
 */

export interface NodeInput {
  /** The source node's name. */
  readonly name: string;
  /** Which output of the source: `0`, `3`, or `out:3` inside functions. */
  readonly output: string;
  readonly control: boolean;
}

const FUNCTION_OUTPUT = /^(.*):(\w+:\d+)$/;
const OUTPUT_INDEX = /^(.*):(\d+)$/;

export function parseInput(input: string): NodeInput {
  const control = input.startsWith('^');
  const ref = control ? input.slice(1) : input;
  const m = FUNCTION_OUTPUT.exec(ref) ?? OUTPUT_INDEX.exec(ref);
  return m === null ? { name: ref, output: '0', control } : { name: m[1]!, output: m[2]!, control };
}

/**
 * The inputs that become edges. TensorBoard keeps only the first of consecutive inputs
 * from the same node (`add(x, x)` draws one edge), so edge counts here match its view.
 */
export function edgeInputs(inputs: readonly string[]): NodeInput[] {
  const out: NodeInput[] = [];
  for (const raw of inputs) {
    const input = parseInput(raw);
    if (out.length === 0 || out[out.length - 1]!.name !== input.name) out.push(input);
  }
  return out;
}
