/**
 * The graph worker's work, run directly (the worker only forwards messages to it): load a
 * GraphDef, lay out what is drawn, answer details; plus the labels and sizes the layout
 * reserves for nodes.
 */
import { toBinary } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { graphToGraphDefBytes } from '../../src/format/graph-def.ts';
import { GraphDefSchema } from '../../src/format/protos.ts';
import { ScopeTree, visibleGraph } from '../../src/graph/index.ts';
import * as tf from '../../src/index.ts';
import { GraphService } from '../../renderer/graph/graph-service.ts';
import { graphText } from '../../renderer/graph/graph-text.ts';
import { categoryOf, NodeLook } from '../../renderer/graph/node-style.ts';
import type { LoadedGraph, PlacedBoxes } from '../../renderer/graph/graph-protocol.ts';
import { lessonGraphDef } from './lesson-graph.ts';

describe('GraphService (what the graph worker runs)', () => {
  const bytes = toBinary(GraphDefSchema, lessonGraphDef());

  it('loads a GraphDef, lays out the drawn nodes, and gives details', async () => {
    const service = new GraphService();
    const loaded = (await service.handle({ type: 'load', bytes })) as LoadedGraph;
    const tree = new ScopeTree(loaded.tree);
    expect(tree.opCount(0)).toBe(ScopeTree.fromNodes(lessonGraphDef().node, { embed: true, series: true }).opCount(0));
    const model = tree.byPath('simple_model')!;
    const placed = (await service.handle({ type: 'layout', graph: loaded.graph, expanded: [model], lang: 'en' })) as PlacedBoxes;
    const ids = [];
    for (let i = 0; i < placed.boxes.length; i += 5) ids.push(placed.boxes[i]);
    expect(ids.sort((a, b) => a! - b!)).toEqual([...visibleGraph(tree, new Set([model])).nodes].sort((a, b) => a - b));
    const d = await service.handle({ type: 'details', graph: loaded.graph, id: tree.byPath('simple_model/formula')! });
    expect(d).toMatchObject({ kind: 'scope', name: 'simple_model/formula', opCount: 2 });
  });

  it('refuses requests about a graph it no longer holds', async () => {
    const service = new GraphService();
    const first = (await service.handle({ type: 'load', bytes })) as LoadedGraph;
    const g = new tf.Graph();
    g.asDefault(() => tf.constant(1, 'float32'));
    await service.handle({ type: 'load', bytes: graphToGraphDefBytes(g) });
    await expect(service.handle({ type: 'details', graph: first.graph, id: 1 })).rejects.toThrow('the graph changed');
  });
});

describe('node looks', () => {
  const tree = ScopeTree.fromNodes(lessonGraphDef().node);

  it('labels ops with their op type and scopes with their size, in both languages', () => {
    const en = new NodeLook(tree, 'en');
    const ja = new NodeLook(tree, 'ja');
    expect(en.label(tree.byNodeName('simple_model/formula/mul')!, false)).toBe('mul\nMul');
    expect(en.label(tree.byPath('simple_model/formula')!, false)).toBe('formula\n2 ops');
    expect(en.label(tree.byPath('Merge')!, false)).toBe('Merge\n1 op');
    expect(ja.label(tree.byPath('simple_model/formula')!, false)).toBe('formula\n2 個の演算');
    expect(en.label(tree.byPath('simple_model/formula')!, true)).toBe('formula');
    // Japanese text is wider, and sizes follow the label.
    expect(ja.leafSize(tree.byPath('simple_model/formula')!).width).toBeGreaterThan(en.leafSize(tree.byPath('simple_model/formula')!).width);
  });

  it('shortens long names in the middle, keeping both ends', () => {
    const long = ScopeTree.fromNodes([{ name: `a/${'x'.repeat(20)}_middle_${'y'.repeat(20)}`, op: 'Op', input: [] }]);
    const label = new NodeLook(long, 'en').label(2, false).split('\n')[0]!;
    expect(label.length).toBe(30);
    expect(label.startsWith('xxxx') && label.endsWith('yyyy') && label.includes('…')).toBe(true);
  });

  it('colours ops by what they are', () => {
    expect(['VariableV2', 'Placeholder', 'Const', 'ScalarSummary', 'ApplyGradientDescent', 'NoOp', 'MatMul', 'IO Node'].map(categoryOf))
      .toEqual(['variable', 'input', 'const', 'summary', 'train', 'control', 'op', 'input']);
  });

  it('fills parameters and picks singular forms', () => {
    expect(graphText('en', 'searchCount', { shown: 2, total: 9 })).toBe('2 of 9 matches');
    expect(graphText('en', 'ops', { count: 1 })).toBe('1 op');
    expect(graphText('ja', 'ops', { count: 1 })).toBe('1 個の演算');
  });
});
