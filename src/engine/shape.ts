/** A static shape: `null` for unknown rank, `null` dims for unknown sizes (TF's `?`). */
export type Dim = number | null;
export type Shape = readonly Dim[] | null;

export function isFullyDefined(shape: Shape): shape is readonly number[] {
  return shape !== null && shape.every((d) => d !== null);
}

export function numElements(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Python's spelling, as TF prints shapes in errors: `()`, `(3,)`, `(?, 1)`, `<unknown>`. */
export function shapeToString(shape: Shape): string {
  if (shape === null) return '<unknown>';
  const dims = shape.map((d) => (d === null ? '?' : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

/** NumPy broadcasting of two static shapes; throws with both shapes named when they cannot broadcast. */
export function broadcastShapes(a: Shape, b: Shape): Shape {
  if (a === null || b === null) return null;
  const rank = Math.max(a.length, b.length);
  const out: Dim[] = new Array(rank);
  for (let i = 0; i < rank; i++) {
    const da = i < rank - a.length ? 1 : a[i - (rank - a.length)]!;
    const db = i < rank - b.length ? 1 : b[i - (rank - b.length)]!;
    if (da === 1) out[i] = db;
    else if (db === 1) out[i] = da;
    else if (da === null) out[i] = db;
    else if (db === null) out[i] = da;
    else if (da === db) out[i] = da;
    else throw new Error(`Dimensions must be equal, but are ${da} and ${db} for shapes ${shapeToString(a)} and ${shapeToString(b)}`);
  }
  return out;
}

/** Whether a concrete shape fits a static one (what a feed must satisfy). */
export function shapeFits(concrete: readonly number[], declared: Shape): boolean {
  if (declared === null) return true;
  if (concrete.length !== declared.length) return false;
  return declared.every((d, i) => d === null || d === concrete[i]);
}

/** Merge two static shapes that describe the same tensor (TF's `merge_with`); null when incompatible. */
export function mergeShapes(a: Shape, b: Shape): Shape | undefined {
  if (a === null) return b;
  if (b === null) return a;
  if (a.length !== b.length) return undefined;
  const out: Dim[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!, y = b[i]!;
    if (x !== null && y !== null && x !== y) return undefined;
    out.push(x ?? y);
  }
  return out;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
