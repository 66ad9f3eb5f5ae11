import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { GraphDefSchema } from '../../src/format/protos.ts';
import { graphNodesWithLibrary, libraryFunctions } from '../../src/graph/function-library.ts';
import { ScopeTree } from '../../src/graph/scope-tree.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON } from '../support/real-events.ts';
import { MORE_REAL_GRAPHS, REAL_GRAPHS, realGraphSources, referenceTbHierarchy } from './real-graphs.ts';

const TB = { embed: true, series: true } as const;

describe('function library as scopes (TensorBoard graph.ts processFunction)', () => {
  const def = create(GraphDefSchema, {
    node: [{ name: 'x', op: 'Placeholder' }, { name: 'call', op: 'my_fn', input: ['x'] },
      { name: 'pcall', op: 'StatefulPartitionedCall', input: ['x'], attr: { f: { value: { case: 'func', value: { name: 'my_fn' } } } } }],
    library: { function: [{
      signature: { name: 'my_fn', inputArg: [{ name: 'a' }], outputArg: [{ name: 'out' }] },
      nodeDef: [{ name: 'sq', op: 'Square', input: ['a'] }, { name: 'id', op: 'Identity', input: ['sq:y:0', '^a'] }],
    }] },
  });

  it('puts each function\'s args and body under __function_library__<name>, inputs renamed', () => {
    const nodes = graphNodesWithLibrary(def);
    expect(nodes.map((n) => `${n.name}:${n.op}<-${n.input.join(',')}`)).toEqual([
      'x:Placeholder<-', 'call:my_fn<-x', 'pcall:StatefulPartitionedCall<-x', '__function_library__my_fn/a:input_arg<-',
      '__function_library__my_fn/sq:Square<-__function_library__my_fn/a',
      '__function_library__my_fn/id:Identity<-__function_library__my_fn/sq:y:0,^__function_library__my_fn/a',
    ]);
    const tree = ScopeTree.fromNodes(nodes);
    const [fn] = libraryFunctions(tree, nodes);
    expect(fn!.name).toBe('my_fn');
    expect(tree.path(fn!.scope)).toBe('__function_library__my_fn');
    expect(tree.opCount(fn!.scope)).toBe(3);
    expect(fn!.usages.map((u) => tree.name(u))).toEqual(['call', 'pcall']);
    expect(libraryFunctions(tree)[0]!.usages.map((u) => tree.name(u))).toEqual(['call']); // TensorBoard's rule alone: op type = function
    expect(tree.metaEdges(fn!.scope).map((m) => `${tree.leaf(m.source)}->${tree.leaf(m.target)}${m.control ? ' ctl' : ''}`).sort())
      .toEqual(['a->id ctl', 'a->sq', 'sq->id']);
  });
});

describe.skipIf(!HAVE_REAL_EVENTS)(`other producers on real graphs (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  it.each(Object.entries(MORE_REAL_GRAPHS))('%s: every graph source builds TensorBoard\'s hierarchy', (_name, file) => {
    for (const { def } of realGraphSources(file)) {
      const nodes = graphNodesWithLibrary(def);
      const tree = ScopeTree.fromNodes(nodes, TB);
      const ref = referenceTbHierarchy(nodes);
      const ops = [...Array(tree.size).keys()].filter((id) => !tree.isScope(id));
      expect(new Map(ops.map((id) => [tree.name(id), tree.path(id)]))).toEqual(ref.display);
      expect(new Map(tree.allSeries().filter((s) => s.entry >= 0).map((s) => [s.name, s.members.map((m) => tree.path(m)).sort()]))).toEqual(ref.series);
    }
  });

  it('PyTorch (torch.utils.tensorboard add_graph): module scopes from `Net/Conv2d[conv1]/…` names, shapes on edges', () => {
    const [{ def }] = realGraphSources(MORE_REAL_GRAPHS.pytorchStudy);
    const tree = ScopeTree.fromNodes(def!.node, TB);
    expect(tree.children(0).map((c) => tree.path(c))).toEqual(['input', 'output', 'SimpleCNN']);
    const modules = tree.children(tree.byPath('SimpleCNN')!).filter((c) => tree.isScope(c)).map((c) => tree.leaf(c));
    expect(modules.length).toBeGreaterThan(0);
    for (const m of modules) expect(m).toMatch(/^\w+\[\w+\]$/);
    expect(tree.data.edgeShape!.some((s) => s !== null && s.includes('×'))).toBe(true);
  });

  it('PyTorch yolov5: the module tree of DetectionModel', () => {
    const [{ def }] = realGraphSources(REAL_GRAPHS.yolov5);
    const tree = ScopeTree.fromNodes(def!.node, TB);
    expect(tree.isScope(tree.byPath('DetectionModel/Conv[0]')!)).toBe(true);
    expect(tree.isScope(tree.byPath('DetectionModel/C3[2]/Sequential[m]/Bottleneck[0]')!)).toBe(true);
  });

  it('TF 2.x Keras: library functions become scopes with their calls (StatefulPartitionedCall, If)', () => {
    for (const [file, fnCount, callOps] of [[MORE_REAL_GRAPHS.kerasImdb, 6, ['StatefulPartitionedCall']], [MORE_REAL_GRAPHS.kerasFashion, 6, ['If', 'StatelessIf']]] as const) {
      const [{ def }] = realGraphSources(file);
      const nodes = graphNodesWithLibrary(def!);
      const tree = ScopeTree.fromNodes(nodes, TB);
      const fns = libraryFunctions(tree, nodes);
      expect(fns).toHaveLength(fnCount);
      for (const f of fns) {
        expect(tree.opCount(f.scope)).toBeGreaterThan(0);
        expect(f.usages.length).toBeGreaterThan(0);
        for (const u of f.usages) expect(callOps).toContain(tree.op(u));
      }
    }
  });

  it('meta_graph_def graphs go the same way as graph_def ones (tf.contrib.learn writes both)', () => {
    const sources = realGraphSources(MORE_REAL_GRAPHS.contribLearn);
    const graphDef = sources.find((s) => s.source === 'graph_def')!;
    const meta = sources.find((s) => s.source === 'meta_graph_def' && s.def.node.length === graphDef.def.node.length)!;
    const a = ScopeTree.fromNodes(graphDef.def.node, TB);
    const b = ScopeTree.fromNodes(meta.def.node, TB);
    expect(b.data.paths).toEqual(a.data.paths);
    expect(b.edgeCount).toBe(a.edgeCount);
  });
});
