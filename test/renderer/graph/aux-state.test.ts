/**
 * The view's auxiliary-node state: what the info panel offers for an entry after a layout,
 * the choices it sends with the next one, and the canvas's `data-auxiliary`.
 */
import { describe, expect, it } from 'vitest';
import { ScopeTree, type GraphNodeLike } from '../../../src/graph/index.ts';
import { AuxState } from '../../../renderer/graph/aux-state.ts';

const node = (name: string, op = 'Op', ...input: string[]): GraphNodeLike => ({ name, op, input });

describe('AuxState', () => {
  const tree = ScopeTree.fromNodes([node('a'), node('b', 'Op', 'a'), node('s/init', 'NoOp', '^b'), node('init', 'NoOp', '^a')]);
  const id = (p: string): number => tree.byPath(p)!;

  it('offers "Add to main graph" for an auxiliary node and "Remove" for the others, only once laid out and drawn', () => {
    const aux = new AuxState();
    expect(aux.offer(tree, id('init'), true)).toBeNull();
    aux.adopt({ inExtract: [], outExtract: [id('init'), id('s/init')], stubs: new Int32Array([id('a'), id('init')]) });
    expect(aux.offer(tree, id('init'), true)).toEqual({ extracted: true });
    expect(aux.offer(tree, id('b'), true)).toEqual({ extracted: false });
    expect(aux.offer(tree, id('b'), false)).toBeNull();
    expect(aux.offer(tree, ScopeTree.ROOT, true)).toBeNull();
    expect(aux.attribute(tree)).toBe('init,s/init');
  });

  it('keeps the choices by path until the graph changes', () => {
    const aux = new AuxState();
    aux.choose(tree, id('init'), true);
    aux.choose(tree, id('b'), false);
    expect(aux.inclusion).toEqual({ init: 'include', b: 'exclude' });
    aux.choose(tree, id('init'), false);
    expect(aux.inclusion).toEqual({ init: 'exclude', b: 'exclude' });
    aux.reset();
    expect(aux.inclusion).toEqual({});
    expect(aux.offer(tree, id('b'), true)).toBeNull();
    expect(aux.attribute(tree)).toBe('');
  });
});
