/**
 * A session's variable slots with a backend-held (resident) value (op-def.ts
 * `VariableSlot`): reading `value` downloads once per update, assigning `value` makes the
 * host copy current and disposes the resident one, `setResident(null)` keeps the value on
 * the host, and `Session.close` gives resident values back.
 */
import { describe, expect, test } from 'vitest';
import * as tf from '../../src/index.ts';
import type { ResidentValue, VariableSlot } from '../../src/engine/op-def.ts';
import type { TensorValue } from '../../src/engine/tensor-value.ts';

class FakeResident implements ResidentValue {
  downloads = 0;
  disposed = 0;
  constructor(private readonly data: number[]) {}
  download(): TensorValue {
    this.downloads++;
    return { dtype: 'float32', shape: [this.data.length], data: Float32Array.from(this.data) };
  }
  dispose(): void {
    this.disposed++;
  }
}

/** The slot of variable `v` in a session, reached the way kernels reach it. */
function slotOf(sess: tf.Session, g: tf.Graph): VariableSlot {
  // The session hands kernels their context (private); a VariableV2 kernel asks it for its slot by name.
  const ctx = (sess as unknown as { kernelContext(op: tf.Operation): { variable(n: string): VariableSlot } }).kernelContext(g.getOperationByName('v'));
  return ctx.variable('v');
}

describe('resident variable slots', () => {
  test('reads download once per update; host writes and close dispose the resident value once', () => {
    const g = new tf.Graph();
    const v = g.asDefault(() => tf.getVariable('v', { shape: [2], initializer: tf.initializers.zeros() }));
    const sess = new tf.Session(g);
    sess.run(g.asDefault(() => tf.globalVariablesInitializer()));
    const slot = slotOf(sess, g);
    const r1 = new FakeResident([1, 2]);
    slot.setResident(r1);
    expect(slot.resident).toBe(r1);
    expect(sess.run(v.toTensor())).toEqual([1, 2]); // the CPU kernel reads slot.value
    expect(sess.run(v.toTensor())).toEqual([1, 2]);
    expect(r1.downloads).toBe(1);
    const r2 = new FakeResident([3, 4]);
    slot.setResident(r2);
    expect(r1.disposed).toBe(1);
    expect(sess.run(v.toTensor())).toEqual([3, 4]);
    slot.setResident(null); // host wins: read back first, then dispose
    expect(r2.downloads).toBe(1);
    expect(r2.disposed).toBe(1);
    expect(slot.resident).toBeNull();
    expect(sess.run(v.toTensor())).toEqual([3, 4]);
    const r3 = new FakeResident([5, 6]);
    slot.setResident(r3);
    sess.run(g.asDefault(() => tf.assign(v, [7, 8]))); // the CPU Assign sets slot.value
    expect(r3.disposed).toBe(1);
    expect(r3.downloads).toBe(1); // Assign's validate_shape check reads the current value's shape
    expect(sess.run(v.toTensor())).toEqual([7, 8]);
    const r4 = new FakeResident([9, 9]);
    slot.setResident(r4);
    sess.close();
    expect(r4.disposed).toBe(1);
  });
});
