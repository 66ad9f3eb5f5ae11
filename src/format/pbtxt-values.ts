/**
 * Scalar and enum values of the text format, read the way C++ `TextFormat::Parser`
 * reads them: a sign may precede any number, floats accept integers, `inf`,
 * `infinity` and `nan` in any case, integers may be hex or octal, bools are
 * `true`/`false`/`t`/`f`/`True`/`False`/`1`/`0`, enums go by name or number, and
 * adjacent string literals are joined.
 */
import { type DescEnum, ScalarType } from '@bufbuild/protobuf';
import type { Lexer } from './pbtxt-lexer.ts';
import { appendStringBytes, ByteSink } from './pbtxt-strings.ts';

const MINUS = 45;
const sink = new ByteSink();
const utf8 = new TextDecoder('utf-8', { fatal: true });
const encodeUtf8 = (text: string): Uint8Array => {
  sink.reset();
  for (const ch of text) sink.pushCodePoint(ch.codePointAt(0)!);
  return sink.take();
};

/** How a value's field appears in errors: `field 'name'`, `the key of map field 'attr'`. */
export type Where = string;

/** What a field of this scalar type is called in errors: `int32`, `bytes`. */
export const scalarName = (type: ScalarType): string => ScalarType[type].toLowerCase();

/** Reads one scalar; 64-bit integers are bigint, or decimal strings where the field asks for `longAsString`. */
export function readScalar(lx: Lexer, type: ScalarType, longAsString: boolean, where: Where): unknown {
  switch (type) {
    case ScalarType.STRING: return readString(lx, false, where);
    case ScalarType.BYTES: return readString(lx, true, where);
    case ScalarType.BOOL: return readBool(lx, where);
    // float32 fields hold what a float32 can: the same value the binary decoder gives.
    case ScalarType.FLOAT: return Math.fround(readFloat(lx, where, 'float'));
    case ScalarType.DOUBLE: return readFloat(lx, where, 'double');
    default: {
      const value = readInteger(lx, type, where);
      if (typeof value === 'bigint' && longAsString) return value.toString();
      return value;
    }
  }
}

function readString(lx: Lexer, asBytes: boolean, where: Where): string | Uint8Array {
  if (lx.kind !== 'string') throw lx.error(`expected a string for ${where}, found ${lx.describe()}`);
  const first = lx.start;
  if (!lx.escaped) {
    const text = lx.token.slice(1, -1);
    lx.next();
    if (lx.kind !== 'string') return asBytes ? encodeUtf8(text) : text;
  }
  // Escapes or several literals: collect the bytes, as C++ does, then check UTF-8 for a string field.
  lx.end = first;
  lx.next();
  sink.reset();
  while (lx.kind === 'string') {
    appendStringBytes(lx, sink);
    lx.next();
  }
  const bytes = sink.take();
  if (asBytes) return bytes;
  try {
    return utf8.decode(bytes);
  } catch {
    throw lx.errorAt(first, `${where} is a string field, and this string's bytes are not valid UTF-8`);
  }
}

function readBool(lx: Lexer, where: Where): boolean {
  const t = lx.kind === 'ident' || lx.kind === 'int' ? lx.token : '';
  const value = t === 'true' || t === 'True' || t === 't' || t === '1' ? true
    : t === 'false' || t === 'False' || t === 'f' || t === '0' ? false : undefined;
  if (value === undefined) throw lx.error(`expected true or false for ${where}, found ${lx.describe()}`);
  lx.next();
  return value;
}

function readFloat(lx: Lexer, where: Where, typeName: string): number {
  const negative = consumeMinus(lx);
  let value: number;
  if (lx.kind === 'float') {
    const t = lx.token;
    const last = t.charCodeAt(t.length - 1);
    value = Number(last === 102 || last === 70 ? t.slice(0, -1) : t);
  } else if (lx.kind === 'int' && lx.base === 10) {
    value = Number(lx.token);
  } else if (lx.kind === 'int') {
    throw lx.error(`expected a decimal number for ${where} (${typeName}): hex and octal are for integer fields, found ${lx.describe()}`);
  } else if (lx.kind === 'ident' && /^(inf|infinity|nan)f?$/i.test(lx.token)) {
    value = /^nan/i.test(lx.token) ? Number.NaN : Number.POSITIVE_INFINITY;
  } else {
    throw lx.error(`expected a number for ${where} (${typeName}), found ${lx.describe()}`);
  }
  lx.next();
  return negative ? -value : value;
}

const RANGES: Partial<Record<ScalarType, readonly [bigint, bigint]>> = {};
for (const t of [ScalarType.INT32, ScalarType.SINT32, ScalarType.SFIXED32]) RANGES[t] = [-(2n ** 31n), 2n ** 31n - 1n];
for (const t of [ScalarType.UINT32, ScalarType.FIXED32]) RANGES[t] = [0n, 2n ** 32n - 1n];
for (const t of [ScalarType.INT64, ScalarType.SINT64, ScalarType.SFIXED64]) RANGES[t] = [-(2n ** 63n), 2n ** 63n - 1n];
for (const t of [ScalarType.UINT64, ScalarType.FIXED64]) RANGES[t] = [0n, 2n ** 64n - 1n];

/** Reads an integer of a field type: a number for 32-bit types, a bigint for 64-bit ones. */
export function readInteger(lx: Lexer, type: ScalarType, where: Where): number | bigint {
  const at = lx.start;
  const negative = consumeMinus(lx);
  const typeName = scalarName(type);
  if (lx.kind !== 'int') throw lx.error(`expected an integer for ${where} (${typeName}), found ${lx.describe()}`);
  const t = lx.token;
  const magnitude = BigInt(lx.base === 8 ? `0o${t.slice(1)}` : t); // BigInt reads `0x1f` itself
  const value = negative ? -magnitude : magnitude;
  const [min, max] = RANGES[type]!;
  if (value < min || value > max) {
    throw lx.errorAt(at, `${negative ? '-' : ''}${t} is out of range for ${where} (${typeName}: ${min} to ${max})`);
  }
  lx.next();
  return type === ScalarType.INT64 || type === ScalarType.SINT64 || type === ScalarType.SFIXED64
    || type === ScalarType.UINT64 || type === ScalarType.FIXED64 ? value : Number(value);
}

const enumNames = new WeakMap<DescEnum, Map<string, number>>();

/** Reads an enum value by name (`DT_FLOAT`) or number (`1`); an open (proto3) enum takes any int32. */
export function readEnum(lx: Lexer, desc: DescEnum, where: Where): number {
  if (lx.kind === 'ident') {
    let byName = enumNames.get(desc);
    if (byName === undefined) enumNames.set(desc, (byName = new Map(desc.values.map((v) => [v.name, v.number]))));
    const value = byName.get(lx.token);
    if (value === undefined) throw lx.error(`unknown value '${lx.token}' of enum ${desc.typeName} for ${where}`);
    lx.next();
    return value;
  }
  const at = lx.start;
  if (lx.kind !== 'int' && lx.punct !== MINUS) {
    throw lx.error(`expected a value of enum ${desc.typeName} (a name or a number) for ${where}, found ${lx.describe()}`);
  }
  const value = readInteger(lx, ScalarType.INT32, where) as number;
  if (!desc.open && !desc.values.some((v) => v.number === value)) {
    throw lx.errorAt(at, `${value} is not a value of enum ${desc.typeName} (for ${where})`);
  }
  return value;
}

function consumeMinus(lx: Lexer): boolean {
  if (lx.punct !== MINUS) return false;
  lx.next();
  return true;
}
