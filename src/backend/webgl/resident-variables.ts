/**
 * Variables that live on the GPU (issue 5): a session's `VariableSlot` holds a
 * `ResidentTexture` as its current value, optimizer updates swap in a new texture, and the
 * host reads it back only when something on the CPU (a fetch, a fallback kernel) asks.
 *
 * Context loss takes every texture with it, so this also keeps a host snapshot of each
 * resident variable. The trade-off (documented for users in the restore message): a
 * snapshot reads every resident variable back, so it is taken every `everyRuns` runs or
 * `everyMs` milliseconds, whichever comes first, not every step; after a loss, variables go
 * back to the last snapshot, losing at most that many steps of training. A variable made
 * resident from a host value is snapshotted then for free (the host value is at hand).
 */
import type { ResidentValue, VariableSlot } from '../../engine/op-def.ts';
import type { TensorValue } from '../../engine/tensor-value.ts';
import type { GpuContext } from './gpu-context.ts';
import type { GpuTexture } from './texture-pool.ts';

/** How the backend reads a texture back and gives it up; the resident store does no GL itself. */
export interface TextureOwner {
  readonly context: GpuContext;
  /** `counted` false: not a transfer a run asked for (a snapshot), so not in the backend's `downloads`. */
  readTexture(texture: GpuTexture, shape: readonly number[], counted?: boolean): Float32Array;
  releaseTexture(texture: GpuTexture, context: GpuContext): void;
}

/** A variable's value as a texture of the context it was made in. Immutable: an update makes a new one. */
export class ResidentTexture implements ResidentValue {
  private host: TensorValue | null = null;

  constructor(
    private readonly store: ResidentVariables,
    readonly slot: VariableSlot,
    readonly texture: GpuTexture,
    readonly shape: readonly number[],
    readonly context: GpuContext,
  ) {}

  /** The host copy if one was read back already (the texture never changes, so it stays valid). */
  get cachedHost(): TensorValue | null {
    return this.host;
  }

  download(): TensorValue {
    if (this.host === null) this.host = { dtype: 'float32', shape: this.shape, data: this.store.owner.readTexture(this.texture, this.shape) };
    return this.host;
  }

  dispose(): void {
    this.store.forget(this);
    this.store.owner.releaseTexture(this.texture, this.context);
  }
}

/** A variable's value saved on the host, and the run it was saved at. */
interface Snapshot {
  readonly value: TensorValue;
  readonly run: number;
}

export interface SnapshotPolicy {
  /** Snapshot resident variables every this many runs (default 100). */
  readonly everyRuns?: number;
  /** …or when this many milliseconds have passed since the last snapshot (default 10 000). */
  readonly everyMs?: number;
}

/** The resident variables of one backend, and their host snapshots for context loss. */
export class ResidentVariables {
  private readonly live = new Map<VariableSlot, ResidentTexture>();
  private readonly snapshots = new Map<VariableSlot, Snapshot>();
  private lastSnapshotRun = 0;
  private lastSnapshotAt: number;
  private readonly everyRuns: number;
  private readonly everyMs: number;
  /** Runs seen (`beginRun` calls). */
  runs = 0;
  /** Snapshots taken, and the variables they read back. */
  snapshotCount = 0;
  snapshotDownloads = 0;

  constructor(readonly owner: TextureOwner, private readonly now: () => number, policy: SnapshotPolicy = {}) {
    this.everyRuns = policy.everyRuns ?? 100;
    this.everyMs = policy.everyMs ?? 10_000;
    this.lastSnapshotAt = now();
  }

  /** The slot's texture, if its current value is one of ours in the live context. */
  textureOf(slot: VariableSlot): ResidentTexture | null {
    const r = slot.resident;
    return r instanceof ResidentTexture && r.context === this.owner.context && this.live.get(slot) === r ? r : null;
  }

  /** Make `texture` (one reference, handed over) the slot's value; `host` is its value on the host where known. */
  hold(slot: VariableSlot, texture: GpuTexture, shape: readonly number[], host: TensorValue | null): ResidentTexture {
    const r = new ResidentTexture(this, slot, texture, shape, this.owner.context);
    this.live.set(slot, r);
    if (host !== null) this.snapshots.set(slot, { value: copyOf(host), run: this.runs });
    slot.setResident(r);
    return r;
  }

  forget(r: ResidentTexture): void {
    if (this.live.get(r.slot) === r) {
      this.live.delete(r.slot);
      // The host holds the value again (or the session closed): nothing to restore.
      if (r.slot.resident !== r) this.snapshots.delete(r.slot);
    }
  }

  /** Count a run; take a snapshot when the policy says so, or when a resident variable has none yet. */
  beginRun(): void {
    this.runs++;
    if (this.live.size === 0) return;
    const due = this.runs - this.lastSnapshotRun >= this.everyRuns || this.now() - this.lastSnapshotAt >= this.everyMs;
    let missing = false;
    for (const slot of this.live.keys()) if (!this.snapshots.has(slot)) missing = true;
    if (due || missing) this.snapshot();
  }

  /** Read every resident variable back into the snapshot. */
  snapshot(): void {
    for (const [slot, r] of this.live) {
      const value = r.cachedHost ?? { dtype: 'float32', shape: r.shape, data: this.owner.readTexture(r.texture, r.shape, false) };
      this.snapshots.set(slot, { value, run: this.runs });
      this.snapshotDownloads++;
    }
    this.snapshotCount++;
    this.lastSnapshotRun = this.runs;
    this.lastSnapshotAt = this.now();
  }

  /**
   * After a context loss: put each resident variable's snapshot back on the host (the
   * textures are gone). Returns how many variables were restored and the oldest run they
   * come from (variables with no snapshot become uninitialized, as after a fresh start).
   */
  restoreToHost(): { variables: number; fromRun: number } {
    let fromRun = this.runs;
    let variables = 0;
    const lost = [...this.live.keys()];
    this.live.clear();
    for (const slot of lost) {
      const s = this.snapshots.get(slot);
      slot.value = s === undefined ? null : copyOf(s.value); // disposing the dead texture is a no-op (its context is gone)
      if (s !== undefined) {
        variables++;
        fromRun = Math.min(fromRun, s.run);
      }
    }
    this.snapshots.clear();
    return { variables, fromRun };
  }

  get size(): number {
    return this.live.size;
  }
}

function copyOf(v: TensorValue): TensorValue {
  return { dtype: v.dtype, shape: v.shape, data: (v.data as Float32Array).slice() };
}
