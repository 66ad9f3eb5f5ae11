/**
 * Every point of one scalar tag, in typed arrays as narrow as the data allows: steps in
 * an Int32Array while they are integers of int32 range (a step is an int64 in the file;
 * past int32 they move to a Float64Array, exact to 2^53), values in a Float32Array while
 * every value is a float32 (`simple_value` always is; a DT_DOUBLE tensor scalar moves
 * them to Float64Array), wall times always in a Float64Array. A point costs 16 bytes;
 * an array of `{step, wallTime, value}` objects would cost about 60, a protobuf-es
 * Event several hundred. One million points take 16 MB.
 *
 * Points are appended to blocks (growing to 16K points) rather than to arrays that
 * double: doubling copied every point about twice and faulted in twice the memory, which
 * was a tenth of the time to read a large scalar log. The first read of `steps`,
 * `wallTimes` or `values` after appending joins the blocks into one.
 */
type Steps = Int32Array | Float64Array;
type Values = Float32Array | Float64Array;

interface Block {
  steps: Steps;
  walls: Float64Array;
  values: Values;
  n: number;
}

const FIRST_BLOCK = 64;
const MAX_BLOCK = 16384;

function block(size: number, wideSteps: boolean, wideValues: boolean): Block {
  return {
    steps: wideSteps ? new Float64Array(size) : new Int32Array(size),
    walls: new Float64Array(size),
    values: wideValues ? new Float64Array(size) : new Float32Array(size),
    n: 0,
  };
}

export class ScalarSeries {
  private n = 0;
  private blocks: Block[] = [block(FIRST_BLOCK, false, false)];
  private last: Block = this.blocks[0]!;

  get length(): number {
    return this.n;
  }

  push(step: number, wallTime: number, value: number): void {
    const b = this.last;
    const i = b.n;
    if (i === b.walls.length || (step | 0) !== step || Math.fround(value) !== value) {
      this.pushWide(step, wallTime, value);
      return;
    }
    b.steps[i] = step;
    b.walls[i] = wallTime;
    b.values[i] = value;
    b.n = i + 1;
    this.n++;
  }

  /**
   * `push(src[1], src[0], src[k])`: the reader's fast path, whose numbers stay in a
   * Float64Array (see ScalarEventDecoder.out) so that no call boxes them.
   */
  pushFrom(src: Float64Array, k: number): void {
    const b = this.last;
    const i = b.n;
    const step = src[1]!;
    const value = src[k]!;
    if (i === b.walls.length || (step | 0) !== step || Math.fround(value) !== value) {
      this.pushWide(step, src[0]!, value);
      return;
    }
    b.steps[i] = step;
    b.walls[i] = src[0]!;
    b.values[i] = value;
    b.n = i + 1;
    this.n++;
  }

  /** A push that needs a new block, or a step or value wider than the block's arrays hold. */
  private pushWide(step: number, wallTime: number, value: number): void {
    let b = this.last;
    if (b.n === b.walls.length) b = this.addBlock();
    const i = b.n;
    if ((step | 0) !== step && b.steps instanceof Int32Array) b.steps = Float64Array.from(b.steps);
    if (Math.fround(value) !== value && value === value && b.values instanceof Float32Array) b.values = Float64Array.from(b.values);
    b.steps[i] = step;
    b.walls[i] = wallTime;
    b.values[i] = value;
    b.n = i + 1;
    this.n++;
  }

  private addBlock(): Block {
    const prev = this.last;
    const b = block(Math.min(MAX_BLOCK, Math.max(FIRST_BLOCK, prev.walls.length * 2)), false, false);
    this.blocks.push(b);
    this.last = b;
    return b;
  }

  /** One block holding every point, exactly as long as the series. */
  private joined(): Block {
    if (this.blocks.length === 1) return this.blocks[0]!;
    const wideSteps = this.blocks.some((b) => b.steps instanceof Float64Array);
    const wideValues = this.blocks.some((b) => b.values instanceof Float64Array);
    const all = block(this.n, wideSteps, wideValues);
    for (const b of this.blocks) {
      all.steps.set(b.steps.subarray(0, b.n), all.n);
      all.walls.set(b.walls.subarray(0, b.n), all.n);
      all.values.set(b.values.subarray(0, b.n), all.n);
      all.n += b.n;
    }
    this.blocks = [all];
    this.last = all;
    return all;
  }

  /** The points so far, in the order read (views: valid until the next push). */
  get steps(): Steps {
    return this.joined().steps.subarray(0, this.n);
  }

  get wallTimes(): Float64Array {
    return this.joined().walls.subarray(0, this.n);
  }

  get values(): Values {
    return this.joined().values.subarray(0, this.n);
  }

  /** Bytes held by the arrays, for memory accounting. */
  get byteLength(): number {
    return this.blocks.reduce((s, b) => s + b.steps.byteLength + b.walls.byteLength + b.values.byteLength, 0);
  }
}
