/**
 * GraphDef → the scope hierarchy (TensorBoard's metanodes), as plain arrays so it can be
 * built in a worker and posted to the page. `ScopeTree` (scope-tree.ts) answers questions
 * about it.
 *
 * TensorBoard's rules (tf_graph_common/graph.ts): a name's `/`-separated prefixes are
 * scopes; an op whose name is also a scope (TF 1.x `tf.square(x, name='loss')` beside
 * `loss/…` ops) becomes the child `loss/(loss)` of that scope; an edge goes from each
 * input's source to the node, control inputs (`^name`) included, self-loops dropped.
 */
import { edgeInputs } from './node-input.ts';

/** What the builder reads of a NodeDef (a decoded `NodeDef` is one). */
export interface GraphNodeLike {
  readonly name: string;
  readonly op: string;
  readonly input: readonly string[];
}

export interface ScopeTreeData {
  /** Display path of each entry. Entry 0 is the root (`''`). An op that is also a scope is `A/(A)`. */
  readonly paths: readonly string[];
  /** For an op, its index in `GraphDef.node`; -1 for a scope. */
  readonly nodeIndex: readonly number[];
  /** The op type (`MatMul`); `''` for a scope. */
  readonly opTypes: readonly string[];
  /** The parent entry; -1 for the root. Parents come before their children. */
  readonly parents: readonly number[];
  /** Edges between op entries, one per kept input (see node-input.ts `edgeInputs`). */
  readonly edgeSrc: readonly number[];
  readonly edgeDst: readonly number[];
  readonly edgeControl: readonly boolean[];
  /** Which output of the source (`0`, `1`, `out:0`). */
  readonly edgeOutput: readonly string[];
  /** Node names given more than once in the GraphDef (invalid; the first is kept). */
  readonly duplicates: readonly string[];
  /** Inputs naming a node the GraphDef does not hold (no edge is drawn for them). */
  readonly missingInputs: readonly string[];
}

const DELIM = '/';

/** TensorBoard's `getStrictName`: `a/b` → `a/b/(b)`. */
export function strictName(name: string): string {
  return `${name}${DELIM}(${name.slice(name.lastIndexOf(DELIM) + 1)})`;
}

export function buildScopeTreeData(nodes: readonly GraphNodeLike[]): ScopeTreeData {
  // Every proper `/` prefix of a name is a scope.
  const namespaces = new Set<string>();
  for (const n of nodes) {
    for (let i = n.name.indexOf(DELIM); i >= 0; i = n.name.indexOf(DELIM, i + 1)) namespaces.add(n.name.slice(0, i));
  }

  const paths: string[] = [''];
  const nodeIndex: number[] = [-1];
  const opTypes: string[] = [''];
  const parents: number[] = [-1];
  const byPath = new Map<string, number>([['', 0]]);
  const opEntry = new Map<string, number>();
  const duplicates: string[] = [];

  const scopeOf = (path: string): number => {
    const known = byPath.get(path);
    if (known !== undefined) return known;
    const cut = path.lastIndexOf(DELIM);
    const parent = cut < 0 ? 0 : scopeOf(path.slice(0, cut));
    const id = paths.length;
    paths.push(path);
    nodeIndex.push(-1);
    opTypes.push('');
    parents.push(parent);
    byPath.set(path, id);
    return id;
  };

  nodes.forEach((n, index) => {
    if (opEntry.has(n.name)) {
      duplicates.push(n.name);
      return;
    }
    const path = namespaces.has(n.name) ? strictName(n.name) : n.name;
    const cut = path.lastIndexOf(DELIM);
    const parent = cut < 0 ? 0 : scopeOf(path.slice(0, cut));
    const id = paths.length;
    paths.push(path);
    nodeIndex.push(index);
    opTypes.push(n.op);
    parents.push(parent);
    byPath.set(path, id);
    opEntry.set(n.name, id);
  });

  const edgeSrc: number[] = [];
  const edgeDst: number[] = [];
  const edgeControl: boolean[] = [];
  const edgeOutput: string[] = [];
  const missingInputs: string[] = [];
  nodes.forEach((n, index) => {
    const dst = opEntry.get(n.name)!;
    if (nodeIndex[dst] !== index) return; // a duplicate's inputs: its node was not kept
    for (const input of edgeInputs(n.input)) {
      const src = opEntry.get(input.name);
      if (src === undefined) missingInputs.push(input.name);
      else if (src !== dst) {
        edgeSrc.push(src);
        edgeDst.push(dst);
        edgeControl.push(input.control);
        edgeOutput.push(input.output);
      }
    }
  });

  return { paths, nodeIndex, opTypes, parents, edgeSrc, edgeDst, edgeControl, edgeOutput, duplicates, missingInputs };
}
