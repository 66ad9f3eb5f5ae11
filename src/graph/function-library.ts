/**
 * A TF 2.x GraphDef's function library (`library.function`: each tf.function, Keras layer
 * call, while/cond body) as nodes the scope tree can hold, the way TensorBoard's graph.ts
 * `build` adds them: function `f` becomes the scope `__function_library__f`, its input
 * args ops of type `input_arg` inside it, its body nodes `__function_library__f/<name>`
 * with their inputs renamed into the same scope. An op whose type is a function's name
 * (a call, e.g. `StatefulPartitionedCall` is not one but `__inference_train_step_123`
 * ops are) is one of its usages, so the view can open the function from the call.
 *
 *     const nodes = graphNodesWithLibrary(def);
 *     const tree = ScopeTree.fromNodes(nodes, { embed: true, series: true });
 *     libraryFunctions(tree)   // [{ name: '__inference_step_42', scope: 812, usages: [37] }]
 *
 * TensorBoard also adds an op-less node named `__function_library__f`; it only forces the
 * scope into being and shows up as `(__function_library__f)`, so it is left out here.
 */
import type { GraphDef } from '../format/protos.ts';
import type { GraphNodeLike } from './scope-tree-data.ts';
import type { ScopeTree } from './scope-tree.ts';

/** TensorBoard's `FUNCTION_LIBRARY_NODE_PREFIX`. */
export const FUNCTION_LIBRARY_PREFIX = '__function_library__';

/** Attrs through which TF 2.x ops call functions: calls, `If`/`Case` branches, `While` parts. */
const CALL_ATTRS = ['f', 'then_branch', 'else_branch', 'body', 'cond'];

export interface LibraryFunction {
  /** The function's name (`FunctionDef.signature.name`). */
  readonly name: string;
  /** The scope entry holding its body. */
  readonly scope: number;
  /** Op entries whose type is this function: its calls. */
  readonly usages: readonly number[];
}

/** The GraphDef's nodes followed by every library function's input args and body nodes. */
export function graphNodesWithLibrary(def: GraphDef): GraphNodeLike[] {
  const out: GraphNodeLike[] = [...def.node];
  for (const f of def.library?.function ?? []) {
    const name = f.signature?.name ?? '';
    if (name === '') continue;
    const scope = `${FUNCTION_LIBRARY_PREFIX}${name}`;
    for (const arg of f.signature?.inputArg ?? []) out.push({ name: `${scope}/${arg.name}`, op: 'input_arg', input: [] });
    for (const n of f.nodeDef) {
      const input = n.input.map((i) => (i.startsWith('^') ? `^${scope}/${i.slice(1)}` : `${scope}/${i}`));
      out.push({ name: `${scope}/${n.name}`, op: n.op, input, device: n.device, attr: n.attr });
    }
  }
  return out;
}

/**
 * The library functions in a tree built from `graphNodesWithLibrary`, with their calls:
 * ops whose type is the function (TensorBoard's rule) and, given the nodes, TF 2.x call
 * ops (`StatefulPartitionedCall`, `If`, `While`…) whose `f`, branch, `body` or `cond` attr names it.
 */
export function libraryFunctions(tree: ScopeTree, nodes?: readonly GraphNodeLike[]): LibraryFunction[] {
  const scopes = new Map<string, number>();
  for (const id of tree.children(0)) {
    const leaf = tree.leaf(id);
    if (tree.isScope(id) && leaf.startsWith(FUNCTION_LIBRARY_PREFIX)) scopes.set(leaf.slice(FUNCTION_LIBRARY_PREFIX.length), id);
  }
  const usages = new Map<string, number[]>([...scopes.keys()].map((k) => [k, []]));
  for (let id = 1; id < tree.size; id++) {
    if (tree.isScope(id)) continue;
    const direct = usages.get(tree.op(id));
    if (direct !== undefined) {
      direct.push(id);
      continue;
    }
    const attr = nodes?.[tree.nodeIndex(id)]?.attr;
    if (attr === undefined) continue;
    const called = new Set<string>();
    for (const key of CALL_ATTRS) {
      const v = attr[key]?.value;
      if (v?.case === 'func' && usages.has(v.value.name)) called.add(v.value.name);
    }
    for (const name of called) usages.get(name)!.push(id);
  }
  return [...scopes].map(([name, scope]) => ({ name, scope, usages: usages.get(name)! }));
}
