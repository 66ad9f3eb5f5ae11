import { describe, expect, it } from 'vitest';
import type { GraphNodeLike } from '../../src/graph/scope-tree-data.ts';
import { ScopeTree } from '../../src/graph/scope-tree.ts';
import { detectTemplates, templateHue } from '../../src/graph/templates.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON } from '../support/real-events.ts';
import { REAL_GRAPHS, realGraph } from './real-graphs.ts';

const node = (name: string, op = 'Op', ...input: string[]): GraphNodeLike => ({ name, op, input });
const layer = (s: string, input: string, second = 'Add') =>
  [node(`${s}/w`, 'VariableV2'), node(`${s}/mm`, 'MatMul', input, `${s}/w`), node(`${s}/out`, second, `${s}/mm`)];

describe('structure templates (TensorBoard template.ts)', () => {
  it('gives scopes with the same inner structure one template, and others none', () => {
    const tree = ScopeTree.fromNodes([node('x'), ...layer('l1', 'x'), ...layer('l2', 'l1/out'), ...layer('l3', 'l2/out', 'Sub')]);
    const t = detectTemplates(tree);
    const of = (p: string) => t.templateOf[tree.byPath(p)!]!;
    expect(of('l1')).toBeGreaterThanOrEqual(0);
    expect(of('l1')).toBe(of('l2'));
    expect(of('l3')).toBe(-1); // another op histogram: another signature, alone
    expect(t.templates[of('l1')]!.members.map((m) => tree.path(m))).toEqual(['l1', 'l2']);
    expect(t.templates[of('l1')]!.id).toBe('depth=1 |V|=3 |E|=2 [ops] Add=1,MatMul=1,VariableV2=1[0]');
  });

  it('splits one signature into two templates when the wiring differs', () => {
    const a = [node('a/p'), node('a/q', 'Op', 'a/p'), node('a/r', 'Other', 'a/q')];
    const b = [node('b/p'), node('b/q', 'Other'), node('b/r', 'Op', 'b/q')].map((n) => (n.name === 'b/r' ? { ...n, input: ['b/q'] } : n));
    const c = [node('c/p'), node('c/q', 'Op', 'c/p'), node('c/r', 'Other', 'c/q')];
    // b has the same ops and edge count but a different path (p isolated, q -> r with r an Op).
    const tree = ScopeTree.fromNodes([...a, ...b.map((n) => (n.name === 'b/q' ? { ...n, input: ['b/p'] } : n)), ...c]);
    const t = detectTemplates(tree);
    const of = (p: string) => t.templateOf[tree.byPath(p)!]!;
    expect(of('a')).toBe(of('c'));
    expect(of('b')).not.toBe(of('a'));
    expect(detectTemplates(tree, false).templateOf[tree.byPath('b')!]).toBe(detectTemplates(tree, false).templateOf[tree.byPath('a')!]);
  });

  it('spreads template hues as TensorBoard does', () => {
    expect(templateHue(0)).toBe(1);
    expect(templateHue(1)).toBeCloseTo(1 + ((358 * 1.61803398875) % 358), 9);
  });
});

describe.skipIf(!HAVE_REAL_EVENTS)(`structure templates on real graphs (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  it('tf1-morvan-tensorboard-2017: layer1/x and layer2/x share templates (the layers differ by one op)', () => {
    const tree = ScopeTree.fromNodes(realGraph(REAL_GRAPHS.morvan).node, { embed: true, series: true });
    const t = detectTemplates(tree);
    const of = (p: string) => t.templateOf[tree.byPath(p)!]!;
    expect(tree.opCount(tree.byPath('layer1')!)).not.toBe(tree.opCount(tree.byPath('layer2')!));
    expect(of('layer1')).toBe(-1);
    for (const s of ['weights', 'biases', 'Wx_plus_b']) {
      expect(of(`layer1/${s}`)).toBeGreaterThanOrEqual(0);
      expect(of(`layer1/${s}`)).toBe(of(`layer2/${s}`));
    }
    expect(of('layer1/weights')).not.toBe(of('layer1/biases'));
  });

  it('tf1-slim-mobilenet-2018: the depthwise blocks 2..13 share one template', () => {
    const tree = ScopeTree.fromNodes(realGraph(REAL_GRAPHS.mobilenet).node, { embed: true, series: true });
    const t = detectTemplates(tree);
    const ids = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((k) => t.templateOf[tree.byPath(`MobilenetV1/MobilenetV1/Conv2d_${k}_depthwise`)!]!);
    expect(ids[0]).toBeGreaterThanOrEqual(0);
    expect(new Set(ids).size).toBe(1);
  });
});
