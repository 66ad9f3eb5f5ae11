/**
 * Numbers printed the way TensorFlow prints them (`tf.print`, `tf.strings.format`).
 *
 * TF's `strings::FloatToBuffer` (tensorflow/core/lib/strings/numbers.cc) formats a float
 * with `%.6g` (FLT_DIG) and, when that text does not parse back to the same float,
 * with `%.9g` (FLT_DIG + 3, enough for every float32). So 0.5 prints `0.5` and the
 * float nearest 81.5751572 prints `81.5751572`.
 *
 * `%g` here is C's: correctly rounded, ties to even (glibc's printf), which JS's
 * `toPrecision` is not (it rounds ties up). Both steps therefore work on the float's
 * exact decimal value with BigInt; floats have at most ~110 significant digits, and
 * formatting only happens for printed values, so exactness costs nothing that matters.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** A float32 as sign, integer significand and binary exponent: |x| = m · 2^e. */
interface Binary32 {
  readonly negative: boolean;
  readonly m: bigint;
  readonly e: number;
  /** The lower neighbour is half as far as the upper one (x is a power of two above the subnormals). */
  readonly narrowBelow: boolean;
}

function decompose(x: number): Binary32 {
  f32[0] = x;
  const bits = u32[0]!;
  const negative = bits >>> 31 === 1;
  const expBits = (bits >>> 23) & 0xff;
  const frac = bits & 0x7fffff;
  if (expBits === 0) return { negative, m: BigInt(frac), e: -149, narrowBelow: false };
  return { negative, m: BigInt(frac | 0x800000), e: expBits - 150, narrowBelow: frac === 0 && expBits > 1 };
}

/** A non-negative decimal K · 10^p with K free of trailing zeros (K = 0 for zero). */
interface Decimal {
  readonly digits: string;
  readonly exp: number;
}

function normalize(digits: string, exp: number): Decimal {
  let end = digits.length;
  while (end > 1 && digits[end - 1] === '0') end--;
  return { digits: digits.slice(0, end), exp: exp + (digits.length - end) };
}

function exactDecimal(b: Binary32): Decimal {
  if (b.e >= 0) return normalize((b.m << BigInt(b.e)).toString(), 0);
  // m · 2^e = m · 5^-e · 10^e
  return normalize((b.m * 5n ** BigInt(-b.e)).toString(), b.e);
}

/** Round to `precision` significant digits, ties to even, as glibc's printf does. */
function roundSignificant(d: Decimal, precision: number): Decimal {
  if (d.digits.length <= precision) return d;
  const keep = d.digits.slice(0, precision);
  const rest = d.digits.slice(precision);
  const first = rest.charCodeAt(0) - 48;
  const tail = /[1-9]/.test(rest.slice(1));
  const lastOdd = (keep.charCodeAt(keep.length - 1) - 48) % 2 === 1;
  const up = first > 5 || (first === 5 && (tail || lastOdd));
  const exp = d.exp + rest.length;
  return normalize(up ? (BigInt(keep) + 1n).toString() : keep, exp);
}

/** C's `%.<precision>g` of a finite non-negative exact decimal (K already rounded). */
function layoutG(d: Decimal, precision: number): string {
  if (d.digits === '0') return '0';
  const x = d.digits.length - 1 + d.exp; // decimal exponent of the leading digit
  if (x < -4 || x >= precision) {
    const mantissa = d.digits.length > 1 ? `${d.digits[0]}.${d.digits.slice(1)}` : d.digits;
    const abs = Math.abs(x);
    return `${mantissa}e${x < 0 ? '-' : '+'}${abs < 10 ? `0${abs}` : abs}`;
  }
  if (d.exp >= 0) return d.digits + '0'.repeat(d.exp);
  const point = d.digits.length + d.exp;
  if (point <= 0) return `0.${'0'.repeat(-point)}${d.digits}`;
  return `${d.digits.slice(0, point)}.${d.digits.slice(point)}`;
}

/** Compare K·10^p with N·2^q exactly: -1, 0 or 1. */
function compare(d: Decimal, n: bigint, q: number): number {
  let left = BigInt(d.digits);
  let right = n;
  if (d.exp >= 0) left *= 10n ** BigInt(d.exp);
  else right *= 10n ** BigInt(-d.exp);
  if (q >= 0) right <<= BigInt(q);
  else left <<= BigInt(-q);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Would a correctly rounding `strtof` (TF's `safe_strtof`) read `d` back as the float `b`? */
function readsBackAs(d: Decimal, b: Binary32): boolean {
  if (b.m === 0n) return d.digits === '0';
  const even = (b.m & 1n) === 0n;
  // Halfway points to the neighbours: (2m ± 1) · 2^(e-1); below a power of two the gap halves.
  const below = b.narrowBelow ? compare(d, 4n * b.m - 1n, b.e - 2) : compare(d, 2n * b.m - 1n, b.e - 1);
  const above = compare(d, 2n * b.m + 1n, b.e - 1);
  const inside = below > 0 && above < 0;
  return inside || (even && (below === 0 || above === 0));
}

/**
 * C's `printf("%.<precision>g", x)` for a float32 `x` (the value is rounded to float32 first).
 *
 *     formatG(0.1, 9) === '0.100000001'
 */
export function formatG(x: number, precision: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const b = decompose(Math.fround(x));
  const p = Math.max(precision, 1);
  const text = layoutG(roundSignificant(exactDecimal(b), p), p);
  return b.negative ? `-${text}` : text;
}

/**
 * A float32 as TensorFlow prints it: `%.6g` when that reads back as the same float, else `%.9g`.
 *
 *     formatFloat32(81.5751572) === '81.5751572'
 *     formatFloat32(0.5) === '0.5'
 */
export function formatFloat32(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const b = decompose(Math.fround(x));
  const exact = exactDecimal(b);
  const six = roundSignificant(exact, 6);
  const chosen = readsBackAs(six, b) ? six : roundSignificant(exact, 9);
  const precision = chosen === six ? 6 : 9;
  const text = layoutG(chosen, precision);
  return b.negative ? `-${text}` : text;
}
