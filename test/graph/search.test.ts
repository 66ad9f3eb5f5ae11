import { describe, expect, it } from 'vitest';
import { ScopeTree } from '../../src/graph/scope-tree.ts';
import { parseQuery, searchTree } from '../../src/graph/search.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON } from '../support/real-events.ts';
import { lessonGraphDef } from './lesson-graph.ts';
import { REAL_GRAPHS, realGraph } from './real-graphs.ts';

const node = (name: string) => ({ name, op: 'Op', input: [] });
const found = (tree: ScopeTree, query: string, limit?: number) => searchTree(tree, query, limit).hits.map((id) => tree.path(id));

describe('search on the SGD lesson graph built by our engine', () => {
  const tree = ScopeTree.fromNodes(lessonGraphDef().node);

  it('`formula` finds the model\'s simple_model/formula first, the gradient scope after it', () => {
    const hits = found(tree, 'formula');
    expect(hits[0]).toBe('simple_model/formula');
    expect(hits).toEqual(['simple_model/formula', 'gradients/simple_model/formula']);
    expect(tree.path(tree.byPath('gradients/simple_model/formula')!)).toBeTruthy(); // TF's gradient scope exists
  });

  it('matches in the last segment only, so a scope\'s ops do not flood the results', () => {
    expect(found(tree, 'add')).not.toContain('simple_model/formula');
    expect(found(tree, 'add')[0]).toBe('simple_model/formula/add');
    expect(found(tree, 'formula/mul')).toEqual(['simple_model/formula/mul', 'gradients/simple_model/formula/mul_grad']);
    expect(found(tree, 'formula/')).toEqual(found(tree, 'formula'));
  });

  it('ranks whole-segment matches before partial ones, then shallower before deeper', () => {
    const hits = found(tree, 'loss');
    // The summary scope `loss`, then depth-2 ops named exactly `loss`, then partial matches (`loss_grad`).
    expect(hits.slice(0, 3)).toEqual(['loss', 'simple_model/loss', 'loss/(loss)']);
    expect(hits.slice(3)).toEqual(['gradients/simple_model/loss_grad']);
  });

  it('is case-insensitive for text and takes /regex/flags', () => {
    expect(found(tree, 'FORMULA')[0]).toBe('simple_model/formula');
    // The variables `a` and `b` are also scopes (of their Assign and read ops): the scope comes before the op.
    expect(found(tree, '/^simple_model\\/weights\\/[ab]$/')).toEqual([
      'simple_model/weights/a', 'simple_model/weights/b', 'simple_model/weights/a/(a)', 'simple_model/weights/b/(b)',
    ]);
    expect(found(tree, '/FORMULA/i')[0]).toBe('simple_model/formula');
    expect(found(tree, '/FORMULA/')).toEqual([]);
  });
});

describe('search ranking on hand-made names', () => {
  const tree = ScopeTree.fromNodes(
    ['grad/deep/er/formula/x', 'a/my_formula/x', 'formula_1', 'b/formula/x', 'formula', 'c/formula2'].map(node),
  );

  it('orders tiers, then depth, then scopes before ops', () => {
    // `formula` is an op at depth 1; `b/formula` and `grad/deep/er/formula` are scopes.
    expect(found(tree, 'formula')).toEqual([
      'formula', 'b/formula', 'grad/deep/er/formula', 'formula_1', 'a/my_formula', 'c/formula2',
    ]);
  });

  it('limits the hits but counts them all', () => {
    const r = searchTree(tree, 'formula', 2);
    expect([r.hits.length, r.total]).toEqual([2, 6]);
  });

  it('reports a regex that does not compile and ignores an empty query', () => {
    expect(searchTree(tree, '/(/').error).toMatch(/./);
    expect(searchTree(tree, '   ')).toEqual({ hits: [], total: 0, error: null });
    expect(parseQuery('/')).toBeNull();
  });
});

describe.skipIf(!HAVE_REAL_EVENTS)(`search on real graphs (${HAVE_REAL_EVENTS ? 'present' : NO_REAL_EVENTS_REASON})`, () => {
  it('tf1-morvan-tensorboard-2017: `weights` finds the layers\' weights scopes before the gradients\' ones', () => {
    const tree = ScopeTree.fromNodes(realGraph(REAL_GRAPHS.morvan).node);
    const hits = found(tree, 'weights');
    expect(hits.slice(0, 2)).toEqual(['layer1/weights', 'layer2/weights']);
    for (const h of hits.slice(2)) expect(h.split('/').length).toBeGreaterThanOrEqual(2);
  });

  it('tf1-slim-mobilenet-2018: hits rank by tier, then depth', () => {
    const tree = ScopeTree.fromNodes(realGraph(REAL_GRAPHS.mobilenet).node);
    const r = searchTree(tree, 'conv2d_1_depthwise', 10_000);
    expect(r.total).toBe(r.hits.length);
    const ids = r.hits;
    const tier = (id: number) => (tree.name(id).split('/').pop()!.toLowerCase() === 'conv2d_1_depthwise' ? 0 : 1);
    for (let i = 1; i < ids.length; i++) {
      const a = ids[i - 1]!;
      const b = ids[i]!;
      expect(tier(a) < tier(b) || (tier(a) === tier(b) && tree.depth(a) <= tree.depth(b))).toBe(true);
    }
    expect(ids.map((id) => tree.path(id)).slice(0, 4)).toEqual([
      'MobilenetV1/Conv2d_1_depthwise', 'activations/Conv2d_1_depthwise', 'sparsity/Conv2d_1_depthwise', 'MobilenetV1/MobilenetV1/Conv2d_1_depthwise',
    ]);
    expect(ids.map((id) => tree.path(id))).toContain('gradients/MobilenetV1/MobilenetV1/Conv2d_1_depthwise');
  });
});
