/**
 * What the view draws on top of the scene: edge width from tensor sizes, shape and count
 * labels, reference edges (src/graph/drawn-edges.ts via cy-scene.ts), colour by device or
 * structure (node-tint.ts) and the input trace (trace-highlight.ts), on a headless Cytoscape.
 */
import { create } from '@bufbuild/protobuf';
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { AttrValueSchema, AttrValue_ListValueSchema, TensorShapeProtoSchema, type AttrValue } from '../../../src/format/protos.ts';
import { layoutVisible, ScopeLayoutCache, ScopeTree, traceInputs, visibleGraph, type GraphNodeLike } from '../../../src/graph/index.ts';
import { drawnEdgeFacts, drawnEdgeKey, edgeWidthOfSize } from '../../../src/graph/drawn-edges.ts';
import { applyScene, nodeKey } from '../../../renderer/graph/cy-scene.ts';
import { layOutLayered } from '../../../renderer/graph/layered-layout.ts';
import { COLOURS, NodeLook, stylesheet } from '../../../renderer/graph/node-style.ts';
import { applyTints, nodeTints } from '../../../renderer/graph/node-tint.ts';
import { createPartLayouter } from '../../../renderer/graph/part-layouter.ts';
import { applyTrace } from '../../../renderer/graph/trace-highlight.ts';

function shapes(...list: number[][]): { [key: string]: AttrValue } {
  const shape = list.map((dims) => create(TensorShapeProtoSchema, { dim: dims.map((size) => ({ size: BigInt(size) })) }));
  return { _output_shapes: create(AttrValueSchema, { value: { case: 'list', value: create(AttrValue_ListValueSchema, { shape }) } }) };
}

/** x (?×784) → layer/MatMul (?×10) with layer/w; layer/w/Assign writes w (a reference edge); train/* on the CPU. */
const NODES: GraphNodeLike[] = [
  { name: 'x', op: 'Placeholder', input: [], device: '/device:GPU:0', attr: shapes([-1, 784]) },
  { name: 'layer/w', op: 'VariableV2', input: [], device: '/device:GPU:0', attr: shapes([784, 10]) },
  { name: 'layer/w/init', op: 'RandomNormal', input: [], device: '/device:GPU:0', attr: shapes([784, 10]) },
  { name: 'layer/w/Assign', op: 'Assign', input: ['layer/w', 'layer/w/init'], device: '/device:GPU:0', attr: shapes([784, 10]) },
  { name: 'layer/MatMul', op: 'MatMul', input: ['x', 'layer/w'], device: '/device:GPU:0', attr: shapes([-1, 10]) },
  { name: 'train/loss', op: 'Sum', input: ['layer/MatMul'], device: '/device:CPU:0', attr: shapes([]) },
  { name: 'train/other', op: 'Identity', input: ['x'], device: '/device:CPU:0', attr: shapes([-1, 784]) },
];
const tree = ScopeTree.fromNodes(NODES, { embed: true, series: true });
const look = new NodeLook(tree, 'en');
const layouter = createPartLayouter(layOutLayered);

async function draw(expanded: Set<number>): Promise<cytoscape.Core> {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  const placed = await layoutVisible(tree, expanded, look, layouter, new ScopeLayoutCache());
  applyScene(cy, { tree, visible: visibleGraph(tree, expanded), expanded, placed, look });
  return cy;
}

const id = (name: string): number => tree.byNodeName(name)!;
/** As Cytoscape reports a colour: `#c9e2f5` → `rgb(201,226,245)`. */
const hexToRgb = (hex: string): string => `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(',')})`;

describe('drawn edges', () => {
  it('labels a single tensor with its shape, a bundle with its count, and widens by size', async () => {
    const layer = tree.byPath('layer')!;
    const cy = await draw(new Set([layer]));
    const xToMatMul = cy.getElementById(drawnEdgeKey(id('x'), id('layer/MatMul'), false));
    expect(xToMatMul.data()).toMatchObject({ label: '?×784', size: 784, ref: false });
    expect(xToMatMul.data('width')).toBeCloseTo(edgeWidthOfSize(784));
    // Collapsed, `layer` sends one tensor to train/ (scope `train` holds two ops: one edge each way).
    const collapsed = await draw(new Set());
    const layerToTrain = collapsed.getElementById(drawnEdgeKey(layer, tree.byPath('train')!, false));
    expect(layerToTrain.data('label')).toBe('?×10');
    const xToTrain = collapsed.getElementById(drawnEdgeKey(id('x'), tree.byPath('train')!, false));
    expect(xToTrain.data('size')).toBe(784);
    expect(edgeWidthOfSize(1)).toBe(0.75);
    expect(edgeWidthOfSize(1e12)).toBe(6);
    expect(edgeWidthOfSize(784)).toBeGreaterThan(edgeWidthOfSize(10));
  });

  it('marks Assign\'s variable input as a reference edge and counts bundles', async () => {
    const cy = await draw(new Set([tree.byPath('layer')!, tree.byPath('layer/w')!]));
    const facts = drawnEdgeFacts(tree, visibleGraph(tree, new Set([tree.byPath('layer')!, tree.byPath('layer/w')!])));
    const ref = [...facts].filter(([, f]) => f.refCount > 0).map(([k]) => k);
    // `layer/w` (the op, drawn as `layer/w/(w)` beside its sub-ops) → Assign's input 0.
    expect(ref).toEqual([drawnEdgeKey(id('layer/w'), id('layer/w/Assign'), false)]);
    expect(cy.getElementById(ref[0]!).data('ref')).toBe(true);
    expect(cy.edges('[?ref]').length).toBe(1);
  });
});

describe('colour by', () => {
  it('gives each device its own fill, scopes their main device\'s, with a legend', () => {
    const t = nodeTints(tree, 'device');
    expect(t.legend.map(([d]) => d).sort()).toEqual(['CPU:0', 'GPU:0']);
    const colour = new Map(t.legend);
    expect(t.of(id('x'))).toBe(colour.get('GPU:0'));
    expect(t.of(tree.byPath('train')!)).toBe(colour.get('CPU:0'));
    expect(t.of(tree.byPath('layer')!)).toBe(colour.get('GPU:0'));
    expect(nodeTints(tree, 'none').of(id('x'))).toBeNull();
  });

  it('fills drawn nodes with their tint, writes only what changed, and restores the category fill', async () => {
    const cy = await draw(new Set([tree.byPath('layer')!]));
    cy.style(stylesheet());
    const x = cy.getElementById(nodeKey(id('x')));
    const device = nodeTints(tree, 'device');
    applyTints(cy, device);
    expect(x.style('background-color')).toBe(hexToRgb(device.of(id('x'))!));
    let writes = 0;
    cy.on('data', () => void writes++);
    applyTints(cy, device);
    expect(writes).toBe(0); // every data() write restyles its node
    applyTints(cy, nodeTints(tree, 'none'));
    expect(writes).toBe(cy.nodes().length);
    expect(x.style('background-color')).toBe(hexToRgb(COLOURS.input.fill));
  });

  it('gives scopes of one structure one hue', () => {
    const twin = ScopeTree.fromNodes([
      { name: 'a/m', op: 'MatMul', input: [] }, { name: 'a/b', op: 'Add', input: ['a/m'] },
      { name: 'c/m', op: 'MatMul', input: [] }, { name: 'c/b', op: 'Add', input: ['c/m'] },
      { name: 'd/m', op: 'Relu', input: [] },
    ]);
    const t = nodeTints(twin, 'structure');
    expect(t.of(twin.byPath('a')!)).not.toBeNull();
    expect(t.of(twin.byPath('a')!)).toBe(t.of(twin.byPath('c')!));
    expect(t.of(twin.byPath('d')!)).not.toBe(t.of(twin.byPath('a')!));
  });
});

describe('trace inputs', () => {
  it('highlights the inputs of the selected op (and the scopes holding them), dims the rest, and clears', async () => {
    const expanded = new Set([tree.byPath('train')!]);
    const cy = await draw(expanded);
    const visible = visibleGraph(tree, expanded);
    applyTrace(cy, tree, traceInputs(tree, id('train/loss')), visible);
    const traced = cy.nodes('.traced').map((n) => n.id()).sort();
    expect(traced).toEqual([nodeKey(id('x')), nodeKey(tree.byPath('layer')!), nodeKey(id('train/loss')), nodeKey(tree.byPath('train')!)].sort());
    expect(cy.getElementById(nodeKey(id('train/other'))).hasClass('dimmed')).toBe(true);
    expect(cy.getElementById(drawnEdgeKey(tree.byPath('layer')!, id('train/loss'), false)).hasClass('traced')).toBe(true);
    expect(cy.getElementById(drawnEdgeKey(id('x'), id('train/other'), false)).hasClass('dimmed')).toBe(true);
    applyTrace(cy, tree, null, visible);
    expect(cy.elements('.traced, .dimmed').length).toBe(0);
    // Clearing a scene with no trace restyles nothing (Cytoscape restyles on any removeClass).
    let restyled = 0;
    cy.on('style', () => void restyled++);
    applyTrace(cy, tree, null, visible);
    expect(restyled).toBe(0);
  });
});
