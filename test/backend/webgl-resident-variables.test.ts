/**
 * The resident-variable store's snapshot policy (src/backend/webgl/resident-variables.ts),
 * with a fake texture owner: a variable with no snapshot is read back at the next run, then
 * every `everyRuns` runs (or `everyMs`); a variable made resident from a host value needs no
 * readback; restoring puts the snapshots back on the host and reports the oldest run.
 */
import { describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import { ResidentVariables, type TextureOwner } from '../../src/backend/webgl/resident-variables.ts';
import type { GpuContext } from '../../src/backend/webgl/gpu-context.ts';
import type { GpuTexture } from '../../src/backend/webgl/texture-pool.ts';
import type { VariableSlot } from '../../src/engine/op-def.ts';

/** Textures are plain numbers' boxes; reading one back gives its number. */
class FakeOwner implements TextureOwner {
  context = {} as GpuContext;
  reads = 0;
  released: number[] = [];
  readTexture(t: GpuTexture, shape: readonly number[]): Float32Array {
    this.reads++;
    return new Float32Array(shape[0]!).fill((t as unknown as { id: number }).id);
  }
  releaseTexture(t: GpuTexture): void {
    this.released.push((t as unknown as { id: number }).id);
  }
}
const tex = (id: number) => ({ id }) as unknown as GpuTexture;

function slotIn(sess: tf.Session, g: tf.Graph, name: string): VariableSlot {
  return (sess as unknown as { kernelContext(op: tf.Operation): { variable(n: string): VariableSlot } }).kernelContext(g.getOperationByName(name)).variable(name);
}

describe('ResidentVariables', () => {
  test('snapshots: at once for a variable without one, then every N runs; restore gives the oldest run', () => {
    const g = new tf.Graph();
    g.asDefault(() => ['a', 'b'].map((n) => tf.getVariable(n, { shape: [2], initializer: tf.initializers.zeros() })));
    const sess = new tf.Session(g);
    const [a, b] = [slotIn(sess, g, 'a'), slotIn(sess, g, 'b')];
    const owner = new FakeOwner();
    let now = 0;
    const store = new ResidentVariables(owner, () => now, { everyRuns: 3, everyMs: 1000 });
    store.beginRun(); // run 1
    store.hold(a, tex(1), [2], { dtype: 'float32', shape: [2], data: Float32Array.of(1, 1) }); // host value at hand: snapshot for free
    store.beginRun(); // run 2
    expect(owner.reads).toBe(0);
    store.hold(b, tex(2), [2], null); // drawn on the GPU: no snapshot yet
    store.beginRun(); // run 3: b has none, so both are read back now
    expect(store.snapshotCount).toBe(1);
    expect(owner.reads).toBe(2);
    store.hold(a, tex(3), [2], null); // a updated; the old texture is released
    expect(owner.released).toEqual([1]);
    store.beginRun(); store.beginRun(); // runs 4, 5
    expect(store.snapshotCount).toBe(1);
    store.beginRun(); // run 6: three runs since the last
    expect(store.snapshotCount).toBe(2);
    now = 5000;
    store.beginRun(); // run 7: time is up
    expect(store.snapshotCount).toBe(3);
    store.hold(b, tex(4), [2], null);
    const restored = store.restoreToHost();
    expect(restored).toEqual({ variables: 2, fromRun: 7 });
    expect(Array.from(a.value!.data as Float32Array)).toEqual([3, 3]);
    expect(Array.from(b.value!.data as Float32Array)).toEqual([2, 2]); // b's last snapshot, not its lost texture 4
    expect(store.size).toBe(0);
  });
});
