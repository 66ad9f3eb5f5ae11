/**
 * One generated program for a chain of element-wise ops (issue 5, plan-time fusion): a
 * session plan that sees `relu(x * w + b)` draws one shader instead of three, and the
 * intermediates never touch a texture. Each node's GLSL is the same snippet its own
 * kernel uses (programs/elementwise.ts), so a fused chain rounds exactly as the op-by-op
 * kernels do: every intermediate is a highp (float32) value either way.
 *
 * Each fragment computes one output texel (four elements, layout.ts), calling the chain
 * four times. Broadcasting: every input is read at the index output element `i` maps to in that
 * input's shape (broadcasting is right-aligned and composes, so an input broadcast to a
 * node and that node to the output is the input broadcast to the output directly).
 *
 *     // relu(x0 * x1 + x2) with x1, x2 of shape [128] broadcast over a [64, 128] x0
 *     fusedElementwiseProgram({
 *       inputShapes: [[64, 128], [128], [128]],
 *       nodes: [
 *         { type: 'Mul', args: [{ input: 0 }, { input: 1 }] },
 *         { type: 'Add', args: [{ node: 0 }, { input: 2 }] },
 *         { type: 'Relu', args: [{ node: 1 }] },
 *       ],
 *       outputShape: [64, 128],
 *     });
 */
import { broadcastShape } from '../../../ops/kernels/elementwise.ts';
import type { GpuProgram } from '../program.ts';
import { BINARY_GLSL, indexFunction, UNARY_GLSL } from './elementwise.ts';

/** One op of the chain: its type, its arguments (chain inputs or earlier nodes), and numeric attrs where its GLSL needs them. */
export interface FusedNode {
  readonly type: string;
  readonly args: readonly FusedArg[];
  readonly attrs?: Readonly<Record<string, number>>;
}

/** An argument: the chain's input `input` (sampler `x<input>`), or the value of the earlier node `node`. */
export type FusedArg = { readonly input: number } | { readonly node: number };

/** A chain: its inputs' shapes (in sampler order), its nodes in evaluation order (the last is the output), the output's shape. */
export interface FusedSpec {
  readonly inputShapes: readonly (readonly number[])[];
  readonly nodes: readonly FusedNode[];
  readonly outputShape: readonly number[];
  /**
   * An input computed in the shader rather than read from its texture: `vec4 <fn>(int t)`,
   * defined in `glsl`, gives its texel t (the input must have the output's element count).
   * Its sampler `x<input>` is still declared, and unused. (matmul-epilogue.ts: the product.)
   */
  readonly computedInput?: { readonly input: number; readonly fn: string; readonly glsl: string };
}

const unaryGlsl: Readonly<Record<string, string>> = UNARY_GLSL;
const binaryGlsl: Readonly<Record<string, string>> = BINARY_GLSL;

/**
 * Whether `opType` can be a node of a fused chain (float32 in, float32 out, one output,
 * element `i` depending only on element `i` of each broadcast input). AddN is n-ary
 * (summed left to right, as its CPU kernel does).
 *
 *     isFusable('Relu'); // true
 *     isFusable('MatMul'); // false
 */
export function isFusable(opType: string): boolean {
  return opType in unaryGlsl || opType in binaryGlsl || opType === 'AddN';
}

/**
 * The program computing `spec`'s last node, reading the chain inputs as samplers
 * `x0, x1, …` (in `inputShapes` order). Throws on a malformed spec: an unknown op, a wrong
 * argument count, a reference to a missing input or a later node, or shapes that do not
 * broadcast to `outputShape`.
 */
export function fusedElementwiseProgram(spec: FusedSpec): GpuProgram {
  const { inputShapes, nodes, outputShape, computedInput } = spec;
  if (nodes.length === 0) throw new Error('A fused element-wise chain needs at least one node');
  const nodeShapes: (readonly number[])[] = [];
  const used = new Set<number>();
  const lines = nodes.map((node, n) => {
    const args = node.args.map((arg, k) => {
      if ('input' in arg) {
        if (!Number.isInteger(arg.input) || arg.input < 0 || arg.input >= inputShapes.length) {
          throw new Error(`Fused node ${n} (${node.type}) argument ${k} reads input ${arg.input}, but the chain has ${inputShapes.length} inputs`);
        }
        used.add(arg.input);
        return { glsl: `in${arg.input}`, shape: inputShapes[arg.input]! };
      }
      if (!Number.isInteger(arg.node) || arg.node < 0 || arg.node >= n) {
        throw new Error(`Fused node ${n} (${node.type}) argument ${k} reads node ${arg.node}; only earlier nodes (0..${n - 1}) can be read`);
      }
      return { glsl: `v${arg.node}`, shape: nodeShapes[arg.node]! };
    });
    nodeShapes.push(args.map((a) => a.shape).reduce((s, t) => broadcastShape(s, t)));
    return `  float v${n} = ${nodeExpression(node, n, args.map((a) => a.glsl))};`;
  });
  const last = nodeShapes[nodeShapes.length - 1]!;
  if (broadcastShape(last, outputShape).join(',') !== outputShape.join(',') || last.length > outputShape.length) {
    throw new Error(`The fused chain computes shape [${last.join(',')}], which does not broadcast to its output shape [${outputShape.join(',')}]`);
  }
  const order = [...used].sort((a, b) => a - b);
  const outSize = size(outputShape);
  // Per texel: an input of the output's element count shares its layout, so one texelFetch
  // at the fragment's own texel brings its four elements; a single element is fetched once;
  // any other broadcast input is read element by element through its index function.
  const kind = (k: number) => (size(inputShapes[k]!) === outSize ? 'texel' : size(inputShapes[k]!) === 1 ? 'scalar' : 'indexed');
  if (computedInput !== undefined && size(inputShapes[computedInput.input] ?? [0, 0]) !== outSize) {
    throw new Error(`A computed input of a fused chain must have the output's ${outSize} elements`);
  }
  const loads = order.map((k) => (k === computedInput?.input
    ? `  vec4 in${k} = ${computedInput.fn}(t);`
    : kind(k) === 'texel'
    ? `  vec4 in${k} = texelFetch(x${k}, texelCoord, 0);`
    : kind(k) === 'scalar' ? `  float in${k} = fetch(x${k}, 0);` : ''));
  const argsAt = (c: number) => order.map((k) => (kind(k) === 'texel'
    ? `in${k}.${'xyzw'[c]}`
    : kind(k) === 'scalar' ? `in${k}` : `fetch(x${k}, index${k}(i + ${c}))`)).join(', ');
  const indexFns = order.filter((k) => kind(k) === 'indexed').map((k) => indexFunction(`index${k}`, inputShapes[k]!, outputShape));
  const opFns = [...new Set(nodes.map((n) => n.type))].filter((t) => t !== 'AddN').map(opFunction);
  return {
    name: `Fused(${nodes.map((n) => n.type).join(',')})`,
    inputs: inputShapes.map((_, k) => `x${k}`),
    outputShape,
    perTexel: true,
    source: `${computedInput?.glsl ?? ''}
${indexFns.join('\n')}
${opFns.join('\n')}
float chain(${order.map((k) => `float in${k}`).join(', ')}) {
${lines.join('\n')}
  return v${nodes.length - 1};
}
vec4 computeTexel(int t) {
  int i = t * 4;
${loads.filter((l) => l !== '').join('\n')}
  return vec4(chain(${argsAt(0)}), chain(${argsAt(1)}), chain(${argsAt(2)}), chain(${argsAt(3)}));
}`,
  };
}

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** The GLSL expression of one node over its arguments' GLSL names: its op's snippet with `x` / `a`, `b` bound. */
function nodeExpression(node: FusedNode, n: number, args: readonly string[]): string {
  const arity = (expected: number) => {
    if (args.length !== expected) throw new Error(`Fused node ${n} (${node.type}) takes ${expected} arguments, got ${args.length}`);
  };
  if (node.type in unaryGlsl) {
    arity(1);
    return `op_${node.type}(${args[0]})`;
  }
  if (node.type in binaryGlsl) {
    arity(2);
    return `op_${node.type}(${args[0]}, ${args[1]})`;
  }
  if (node.type === 'AddN') {
    if (args.length === 0) throw new Error(`Fused node ${n} (AddN) needs at least one argument`);
    return args.join(' + ');
  }
  throw new Error(`Op '${node.type}' cannot be fused (fused node ${n}); see isFusable`);
}

/** `float op_<Type>(…)`: an op's snippet as a GLSL function, so its `x` / `a`, `b` bind to the arguments. */
function opFunction(type: string): string {
  if (type in unaryGlsl) return `float op_${type}(float x) { return ${unaryGlsl[type]}; }`;
  return `float op_${type}(float a, float b) { return ${binaryGlsl[type]}; }`;
}
