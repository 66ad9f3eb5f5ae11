/**
 * Protobuf text format → messages, driven by the generated descriptors, so it reads
 * any message: `graph.pbtxt` (a GraphDef) and the rest of TF's text protos.
 *
 * @bufbuild/protobuf 2.17 has a text-format parser of its own (`fromText` in
 * `@bufbuild/protobuf/txtpb`), and our tests check this one against it; we do not
 * parse with it because its errors carry no position (`unknown field "foo" for
 * message tensorflow.NodeDef`), and a user opening a hand-edited 3 MB graph needs
 * the line and column.
 *
 * The grammar and checks are C++ `TextFormat::Parser`'s: `name: value`, `name { … }`,
 * `name: { … }`, `name < … >`, repeated fields given again or as `[a, b]`, map
 * entries `{ key: … value: … }`, an optional `,` or `;` after each field; an
 * unknown field, a second value of a non-repeated field or of a oneof is an error.
 * Groups, extensions and expanded `Any` (`[type.googleapis.com/…]`) are not read:
 * no TF graph message uses them.
 */
import { create, type DescField, type DescMessage, type MessageShape, ScalarType } from '@bufbuild/protobuf';
import { Lexer } from './pbtxt-lexer.ts';
import { readEnum, readScalar } from './pbtxt-values.ts';
import { type GraphDef, GraphDefSchema } from './protos.ts';

export { TextFormatError } from './pbtxt-lexer.ts';

/**
 * Parses a text-format message of `schema`; throws `TextFormatError`
 * (`graph.pbtxt:12:5: unknown field 'foo' in tensorflow.NodeDef …`).
 *
 * @example
 * const shape = parseTextFormat(TensorShapeProtoSchema, 'dim { size: 2 } dim { size: -1 }');
 * shape.dim.map((d) => d.size); // [2n, -1n]
 */
export function parseTextFormat<Desc extends DescMessage>(schema: Desc, text: string, fileName = '<text>'): MessageShape<Desc> {
  const lx = new Lexer(text, fileName);
  const message = create(schema);
  readFields(lx, schema, message as unknown as Fields, -1, 0, 0);
  return message;
}

/**
 * Parses a GraphDef written as text (`tf.train.write_graph(g, dir, 'graph.pbtxt')`).
 *
 * @example
 * const g = parseGraphDefText('node { name: "x" op: "Placeholder" attr { key: "dtype" value { type: DT_FLOAT } } }');
 * g.node[0]!.attr['dtype']!.value; // { case: 'type', value: DataType.DT_FLOAT }
 */
export function parseGraphDefText(text: string, fileName?: string): GraphDef {
  return parseTextFormat(GraphDefSchema, text, fileName);
}

/** A message as protobuf-es lays it out: one property per field's `localName`, one per oneof. */
type Fields = Record<string, unknown>;

const code = (c: string) => c.charCodeAt(0);
const LBRACE = code('{'), RBRACE = code('}'), LT = code('<'), GT = code('>');
const LBRACKET = code('['), RBRACKET = code(']'), COLON = code(':'), COMMA = code(','), SEMI = code(';');
const MAX_DEPTH = 100; // as protobuf's parsers: deeper input is an error, not a stack overflow

interface FieldSlot {
  readonly field: DescField;
  /** Bit of a non-repeated field in the seen-set of its message, -1 for repeated fields and maps. */
  readonly bit: number;
  /** Bit of its oneof, -1 when it is in none. */
  readonly oneofBit: number;
  /** How errors name it and, for a map, its keys and values; made once, not per value read. */
  readonly where: string;
  readonly keyWhere: string;
  readonly valueWhere: string;
}
interface MessageInfo {
  readonly byName: ReadonlyMap<string, FieldSlot>;
  readonly fieldNames: string;
}
const infos = new WeakMap<DescMessage, MessageInfo>();

function messageInfo(desc: DescMessage): MessageInfo {
  let info = infos.get(desc);
  if (info === undefined) {
    const singular: DescField[] = desc.fields.filter((f) => f.fieldKind !== 'list' && f.fieldKind !== 'map');
    const byName = new Map(desc.fields.map((field): [string, FieldSlot] => {
      const where = `${field.fieldKind === 'map' ? 'map ' : ''}field '${field.name}'`;
      return [field.name, {
        field,
        bit: singular.indexOf(field),
        oneofBit: field.oneof === undefined ? -1 : singular.length + desc.oneofs.indexOf(field.oneof),
        where,
        keyWhere: `the key of ${where}`,
        valueWhere: `the value of ${where}`,
      }];
    }));
    info = { byName, fieldNames: desc.fields.map((f) => f.name).join(', ') };
    infos.set(desc, info);
  }
  return info;
}

/** Which non-repeated fields and oneofs of one message have been given: bits, spilling into a set past 30. */
class Seen {
  private bits = 0;
  private more: Set<number> | undefined;
  /** Marks `bit`; false when it was already marked. */
  mark(bit: number): boolean {
    if (bit < 30) {
      if (this.bits & (1 << bit)) return false;
      this.bits |= 1 << bit;
      return true;
    }
    this.more ??= new Set();
    if (this.more.has(bit)) return false;
    this.more.add(bit);
    return true;
  }
}

/** Reads fields into `msg` up to the `close` character (-1: the end of the input). */
function readFields(lx: Lexer, desc: DescMessage, msg: Fields, close: number, openAt: number, depth: number): void {
  const info = messageInfo(desc);
  const seen = new Seen();
  for (;;) {
    if (lx.punct === close && close >= 0) {
      lx.next();
      return;
    }
    if (lx.kind !== 'ident') {
      if (lx.kind === 'end' && close < 0) return;
      const { line, column } = lx.position(openAt);
      const unclosed = lx.kind === 'end' ? ` (the '${lx.text[openAt]}' at ${line}:${column} is never closed)` : '';
      const hint = lx.punct === LBRACKET ? ' (extensions and expanded Any fields are not supported)' : '';
      const expected = close < 0 ? 'a field name' : `a field name or '${String.fromCharCode(close)}'`;
      throw lx.error(`expected ${expected} in ${desc.typeName}, found ${lx.describe()}${unclosed}${hint}`);
    }
    const slot = info.byName.get(lx.token);
    if (slot === undefined) throw lx.error(`unknown field '${lx.token}' in ${desc.typeName} (its fields: ${info.fieldNames})`);
    const { field } = slot;
    if (slot.bit >= 0 && !seen.mark(slot.bit)) {
      throw lx.error(`field '${field.name}' of ${desc.typeName} is given twice, but it is not repeated`);
    }
    if (slot.oneofBit >= 0 && !seen.mark(slot.oneofBit)) {
      throw lx.error(`field '${field.name}' cannot be set: another field of oneof '${field.oneof!.name}' in ${desc.typeName} is already set`);
    }
    lx.next();
    readFieldValue(lx, slot, msg, depth);
    if (lx.punct === COMMA || lx.punct === SEMI) lx.next();
  }
}

function readFieldValue(lx: Lexer, slot: FieldSlot, msg: Fields, depth: number): void {
  const { field, where } = slot;
  const colon = lx.punct === COLON;
  if (colon) lx.next();
  // C++ and Go require the ':' before scalars (and lists of them), not before messages.
  const isMessage = field.fieldKind === 'message' || field.fieldKind === 'map' || (field.fieldKind === 'list' && field.listKind === 'message');
  if (!colon && !isMessage) throw lx.error(`expected ':' after ${where}, found ${lx.describe()}`);
  switch (field.fieldKind) {
    case 'scalar':
    case 'enum':
    case 'message': {
      if (lx.punct === LBRACKET) throw lx.error(`${where} is not repeated, so it cannot take a [...] list`);
      const value = field.fieldKind === 'scalar' ? readScalar(lx, field.scalar, field.longAsString, where)
        : field.fieldKind === 'enum' ? readEnum(lx, field.enum, where)
        : readMessage(lx, field.message, where, depth);
      if (field.oneof === undefined) msg[field.localName] = value;
      else msg[field.oneof.localName] = { case: field.localName, value };
      return;
    }
    case 'list':
    case 'map': {
      if (lx.punct !== LBRACKET) return readElement(lx, slot, msg, depth);
      lx.next();
      if (lx.punct === RBRACKET) return lx.next();
      for (;;) {
        readElement(lx, slot, msg, depth);
        if (lx.punct === RBRACKET) return lx.next();
        if (lx.punct !== COMMA) throw lx.error(`expected ',' or ']' in the list of ${where}, found ${lx.describe()}`);
        lx.next();
      }
    }
  }
}

/** One element of a repeated field or one entry of a map field. */
function readElement(lx: Lexer, slot: FieldSlot, msg: Fields, depth: number): void {
  const { field, where } = slot;
  if (field.fieldKind === 'list') {
    const list = msg[field.localName] as unknown[];
    list.push(field.listKind === 'scalar' ? readScalar(lx, field.scalar, field.longAsString, where)
      : field.listKind === 'enum' ? readEnum(lx, field.enum, where)
      : readMessage(lx, field.message, where, depth));
  } else if (field.fieldKind === 'map') {
    readMapEntry(lx, field, slot, msg[field.localName] as Fields, depth);
  }
}

/** A `{ … }` or `< … >` block as a new message of `desc`. */
function readMessage(lx: Lexer, desc: DescMessage, where: string, depth: number): Fields {
  const close = lx.punct === LBRACE ? RBRACE : lx.punct === LT ? GT : -1;
  if (close < 0) throw lx.error(`expected '{' or '<' to start ${where} (a ${desc.typeName}), found ${lx.describe()}`);
  if (depth + 1 > MAX_DEPTH) throw lx.error(`messages nest more than ${MAX_DEPTH} deep`);
  const openAt = lx.start;
  lx.next();
  const sub = create(desc) as unknown as Fields;
  readFields(lx, desc, sub, close, openAt, depth + 1);
  return sub;
}

/** `{ key: "T" value { type: DT_FLOAT } }`: a missing key or value is its zero value, as in C++. */
function readMapEntry(lx: Lexer, field: DescField & { fieldKind: 'map' }, slot: FieldSlot, map: Fields, depth: number): void {
  const { where, keyWhere, valueWhere } = slot;
  const close = lx.punct === LBRACE ? RBRACE : lx.punct === LT ? GT : -1;
  if (close < 0) throw lx.error(`expected '{' or '<' to start an entry of ${where}, found ${lx.describe()}`);
  lx.next();
  let key: unknown;
  let value: unknown;
  while (lx.punct !== close) {
    const name = lx.kind === 'ident' ? lx.token : '';
    if (name !== 'key' && name !== 'value') {
      throw lx.error(`expected 'key', 'value' or '${String.fromCharCode(close)}' in an entry of ${where}, found ${lx.describe()}`);
    }
    if ((name === 'key' ? key : value) !== undefined) throw lx.error(`'${name}' is given twice in one entry of ${where}`);
    lx.next();
    const colon = lx.punct === COLON;
    if (colon) lx.next();
    if (!colon && (name === 'key' || field.mapKind !== 'message')) {
      throw lx.error(`expected ':' after '${name}' in ${where}, found ${lx.describe()}`);
    }
    if (name === 'key') key = readScalar(lx, field.mapKey, false, keyWhere);
    else if (field.mapKind === 'message') value = readMessage(lx, field.message, valueWhere, depth);
    else if (field.mapKind === 'enum') value = readEnum(lx, field.enum, valueWhere);
    else value = readScalar(lx, field.scalar, false, valueWhere);
    if (lx.punct === COMMA || lx.punct === SEMI) lx.next();
  }
  lx.next();
  // protobuf-es keys map objects by the key's string form: "T", "3", "true".
  const mapKey = String(key ?? zeroValue(field.mapKey, false));
  const entry = value ?? (field.mapKind === 'message' ? create(field.message)
    : field.mapKind === 'enum' ? field.enum.values[0]!.number
    : zeroValue(field.scalar, false));
  // A key "__proto__" must be an entry, not the object's prototype (protobuf-es's decoders do the same).
  if (mapKey === '__proto__') Object.defineProperty(map, mapKey, { value: entry, enumerable: true, configurable: true, writable: true });
  else map[mapKey] = entry;
}

function zeroValue(type: ScalarType, longAsString: boolean): unknown {
  switch (type) {
    case ScalarType.STRING: return '';
    case ScalarType.BYTES: return new Uint8Array(0);
    case ScalarType.BOOL: return false;
    case ScalarType.INT64: case ScalarType.UINT64: case ScalarType.SINT64: case ScalarType.FIXED64: case ScalarType.SFIXED64:
      return longAsString ? '0' : 0n;
    default: return 0;
  }
}
