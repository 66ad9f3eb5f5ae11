/** tf.summary's graph building, named as TF 1.x names it (summary.py, summary_op_util.py). */
import { fromBinary } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { attr } from '../../src/engine/attr.ts';
import { Graph, type Tensor } from '../../src/engine/graph.ts';
import { Session } from '../../src/engine/session.ts';
import { SummarySchema } from '../../src/format/protos.ts';
import { cleanTag, histogram, merge, mergeAll, scalar } from '../../src/summary/api.ts';

function withGraph<T>(fn: (g: Graph, x: Tensor) => T): T {
  const g = new Graph();
  return g.asDefault(() => fn(g, g.createOp('Placeholder', [], { dtype: attr.type('float32'), shape: attr.shape([]) }, 'x').output));
}

const tagOf = (t: Tensor) => {
  const value = t.op.inputs[0]!.op.getAttr('value', 'tensor');
  return value.data[0];
};

describe('tf.summary.scalar / histogram', () => {
  it('at the root: op `loss` with Const `loss/tags`, tag `loss`, T from the values, in `summaries`', () => withGraph((g, x) => {
    const s = scalar('loss', x);
    expect(s.op.name).toBe('loss');
    expect(s.op.type).toBe('ScalarSummary');
    expect(s.op.inputs.map((t) => t.op.name)).toEqual(['loss/tags', 'x']);
    expect(tagOf(s)).toBe('loss');
    expect(s.op.getAttr('T', 'type')).toBe('float32');
    expect(s.dtype).toBe('string');
    expect(s.shape).toEqual([]);
    expect(g.getCollection('summaries')).toEqual([s]);
  }));

  it('inside name scope `loss`: op and tag `loss/loss`; again at the root: `loss_1`', () => withGraph((g, x) => {
    const inner = g.nameScope('loss', () => scalar('loss', x));
    expect([inner.op.name, tagOf(inner)]).toEqual(['loss/loss', 'loss/loss']);
    const again = scalar('loss', x);
    expect([again.op.name, tagOf(again)]).toEqual(['loss_1', 'loss_1']);
  }));

  it('histogram names its tag Const `tag`, as tf1-morvan-tensorboard-2017 shows', () => withGraph((g, x) => {
    const h = g.nameScope('layer1', () => g.nameScope('weights', () => histogram('layer1/weights', x)));
    expect(h.op.name).toBe('layer1/weights/layer1/weights');
    expect(h.op.type).toBe('HistogramSummary');
    expect(h.op.inputs.map((t) => t.op.name)).toEqual(['layer1/weights/layer1/weights/tag', 'x']);
    expect(tagOf(h)).toBe('layer1/weights/layer1/weights');
  }));

  it('family prefixes the scope, and the tag once more', () => withGraph((_g, x) => {
    const s = scalar('acc', x, { family: 'train' });
    expect([s.op.name, tagOf(s)]).toEqual(['train/acc', 'train/train/acc']);
  }));

  it('cleans illegal tag characters, takes JS values, honours collections', () => withGraph((g) => {
    expect(cleanTag('/my loss:1')).toBe('my_loss_1');
    const s = histogram('my loss', [1, 2, 3], { collections: ['mine'] });
    expect(s.op.name).toBe('my_loss');
    expect(s.op.inputs.map((t) => t.op.name)).toEqual(['my_loss/tag', 'my_loss/values']);
    expect(g.getCollection('summaries')).toEqual([]);
    expect(g.getCollection('mine')).toEqual([s]);
  }));
});

describe('tf.summary.mergeAll / merge', () => {
  it('returns null when there is nothing to merge', () => withGraph(() => {
    expect(mergeAll()).toBeNull();
  }));

  it('creates Merge/MergeSummary over the collection, with N; then Merge_1; a name gives name/name', () => withGraph((g, x) => {
    const a = scalar('a', x);
    const b = histogram('b', x);
    const m = mergeAll()!;
    expect(m.op.name).toBe('Merge/MergeSummary');
    expect(m.op.type).toBe('MergeSummary');
    expect(m.op.inputs).toEqual([a, b]);
    expect(m.op.getAttr('N', 'int')).toBe(2);
    expect(mergeAll()!.op.name).toBe('Merge_1/MergeSummary');
    expect(merge([a], { name: 'only_a' }).op.name).toBe('only_a/only_a');
    expect(g.getCollection('summaries')).toEqual([a, b]);
  }));

  it('filters by scope like get_collection(key, scope)', () => withGraph((g, x) => {
    g.nameScope('train', () => scalar('loss', x));
    const evalLoss = g.nameScope('eval', () => scalar('loss', x));
    expect(mergeAll('summaries', { scope: 'eval' })!.op.inputs).toEqual([evalLoss]);
  }));
});

describe('running the summary ops', () => {
  it('Session.run of mergeAll gives the serialized Summary of every summary op', () => withGraph((g, x) => {
    scalar('loss', x);
    histogram('x', x);
    const merged = mergeAll()!;
    const bytes = new Session(g).run(merged, new Map([[x, 2.5]]));
    expect(bytes).toBeInstanceOf(Uint8Array);
    const s = fromBinary(SummarySchema, bytes as Uint8Array);
    // The placeholder already holds the name `x`, so the histogram's scope and tag are `x_1`, as in TF.
    expect(s.value.map((v) => [v.tag, v.value.case])).toEqual([['loss', 'simpleValue'], ['x_1', 'histo']]);
    expect(s.value[0]!.value.value).toBe(2.5);
  }));
});
