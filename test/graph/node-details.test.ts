import { describe, expect, it } from 'vitest';
import { nodeDetails, type OpDetails, type ScopeDetails } from '../../src/graph/node-details.ts';
import { ScopeTree } from '../../src/graph/scope-tree.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON } from '../support/real-events.ts';
import { lessonGraphDef } from './lesson-graph.ts';
import { REAL_GRAPHS, realGraph } from './real-graphs.ts';

const strip = (input: string) => input.replace(/^\^/, '').replace(/:\d+$/, '');

describe('node details on the lesson graph', () => {
  const g = lessonGraphDef();
  const tree = ScopeTree.fromNodes(g.node);

  it('an op: name, op, inputs in order, readers, attributes and output shapes', () => {
    const d = nodeDetails(tree, g.node, tree.byNodeName('simple_model/formula/mul')!) as OpDetails;
    expect(d.kind).toBe('op');
    expect([d.name, d.op]).toEqual(['simple_model/formula/mul', 'Mul']);
    expect(d.inputs.map((i) => i.name)).toEqual(['simple_model/weights/a/read', 'inputs/Placeholder']);
    expect(d.inputs.every((i) => i.id !== null && tree.name(i.id) === i.name)).toBe(true);
    const readers = g.node.filter((n) => n.input.some((i) => strip(i) === d.name)).map((n) => n.name);
    expect(d.outputs.map((o) => o.name).sort()).toEqual(readers.sort());
    expect(d.attrs).toEqual([{ key: 'T', value: 'float32' }]);
    expect(d.outputShapes).toEqual(['[]']);
  });

  it('control inputs are marked', () => {
    const d = nodeDetails(tree, g.node, tree.byNodeName('GradientDescent')!) as OpDetails;
    expect(d.path).toBe('GradientDescent/(GradientDescent)');
    expect(d.inputs.map((i) => i.control)).toEqual([true, true]);
    expect(d.outputShapes).toEqual([]);
  });

  it('a scope: its children, op histogram, and the ops that cross its border', () => {
    const id = tree.byPath('simple_model/formula')!;
    const d = nodeDetails(tree, g.node, id) as ScopeDetails;
    expect(d.children.map((c) => [c.leaf, c.kind, c.op])).toEqual([['mul', 'op', 'Mul'], ['add', 'op', 'Add']]);
    expect(d.opCount).toBe(2);
    expect(d.opHistogram).toEqual([['Add', 1], ['Mul', 1]]);
    const inside = new Set(['simple_model/formula/mul', 'simple_model/formula/add']);
    const feeders = new Set(g.node.filter((n) => inside.has(n.name)).flatMap((n) => n.input.map(strip)).filter((n) => !inside.has(n)));
    expect(new Set(d.inputs.map((i) => i.name))).toEqual(feeders);
    const readers = new Set(g.node.filter((n) => !inside.has(n.name) && n.input.some((i) => inside.has(strip(i)))).map((n) => n.name));
    expect(new Set(d.outputs.map((o) => o.name))).toEqual(readers);
  });
});

describe.skipIf(!HAVE_REAL_EVENTS)(`node details on real graphs (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  it('tf1-morvan-tensorboard-2017: a MatMul with its _output_shapes', () => {
    const g = realGraph(REAL_GRAPHS.morvan);
    const tree = ScopeTree.fromNodes(g.node);
    const d = nodeDetails(tree, g.node, tree.byNodeName('layer1/Wx_plus_b/MatMul')!) as OpDetails;
    expect(d.op).toBe('MatMul');
    expect(d.outputShapes).toEqual(['[?, 10]']);
    expect(d.attrs.map((a) => a.key)).toEqual(['T', 'transpose_a', 'transpose_b']);
  });

  it('every entry of every real graph has details', () => {
    for (const file of Object.values(REAL_GRAPHS)) {
      const g = realGraph(file);
      const tree = ScopeTree.fromNodes(g.node);
      for (let id = 0; id < tree.size; id += 7) expect(nodeDetails(tree, g.node, id).path).toBe(tree.path(id));
    }
  });
});
