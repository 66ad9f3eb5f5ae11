/**
 * An independent reader for cross-checking: a plain walk of the TFRecord framing (CRCs
 * from @aws-crypto/crc32c) and of the protobuf wire format of Event, Summary and
 * GraphDef, written from the .proto field numbers without any of src/events' code.
 * It stops at the first bad record, as a strict reader does.
 */
import { crc32c } from '@aws-crypto/crc32c';

const mask = (c: number) => ((((c >>> 15) | (c << 17)) >>> 0) + 0xa282ead8) >>> 0;

export interface WalkedTag {
  count: number;
  /** Value fields seen: simple_value, histo, image, audio, tensor, none. */
  readonly forms: Set<string>;
  /** plugin_name of the first value with metadata ('' if none had any). */
  plugin: string | null;
}

export interface Walk {
  records: number;
  /** Where the first bad or incomplete record starts, or null when every byte was read. */
  stoppedAt: number | null;
  fileVersion: string | null;
  readonly tags: Map<string, WalkedTag>;
  /** Node counts of each Event.graph_def, in order. */
  readonly graphDefNodes: number[];
  /** Node counts of the graph_def inside each Event.meta_graph_def. */
  readonly metaGraphNodes: number[];
  taggedRunMetadata: number;
  sessionLogs: number;
}

type Field = { field: number; wire: number; value: number | Uint8Array };

/** The fields of one message; throws on malformed input. */
function fields(b: Uint8Array): Field[] {
  const out: Field[] = [];
  let p = 0;
  const varint = (): number => {
    let v = 0;
    let mul = 1;
    for (;;) {
      if (p >= b.length) throw new Error('varint past end');
      const x = b[p++]!;
      v += (x & 0x7f) * mul;
      mul *= 128;
      if (x < 0x80) return v;
    }
  };
  while (p < b.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) out.push({ field, wire, value: varint() });
    else if (wire === 1) { out.push({ field, wire, value: b.subarray(p, p + 8) }); p += 8; }
    else if (wire === 5) { out.push({ field, wire, value: b.subarray(p, p + 4) }); p += 4; }
    else if (wire === 2) { const n = varint(); out.push({ field, wire, value: b.subarray(p, p + n) }); p += n; }
    else throw new Error(`wire type ${wire}`);
    if (p > b.length) throw new Error('field past end');
  }
  return out;
}

const bytesOf = (fs: Field[], n: number) => fs.filter((f) => f.field === n && f.wire === 2).map((f) => f.value as Uint8Array);
const utf8 = new TextDecoder();

export function walk(file: Uint8Array): Walk {
  const w: Walk = { records: 0, stoppedAt: null, fileVersion: null, tags: new Map(), graphDefNodes: [], metaGraphNodes: [], taggedRunMetadata: 0, sessionLogs: 0 };
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  let p = 0;
  while (p < file.length) {
    if (file.length - p < 12 || view.getUint32(p + 8, true) !== mask(crc32c(file.subarray(p, p + 8)))) break;
    const n = Number(view.getBigUint64(p, true));
    if (p + 12 + n + 4 > file.length) break;
    const data = file.subarray(p + 12, p + 12 + n);
    if (view.getUint32(p + 12 + n, true) !== mask(crc32c(data))) break;
    w.records++;
    event(w, fields(data));
    p += 16 + n;
  }
  if (p < file.length) w.stoppedAt = p;
  return w;
}

function event(w: Walk, ev: Field[]): void {
  for (const f of ev) {
    if (f.field === 3) w.fileVersion = utf8.decode(f.value as Uint8Array);
    if (f.field === 4) w.graphDefNodes.push(bytesOf(fields(f.value as Uint8Array), 1).length);
    if (f.field === 9) for (const g of bytesOf(fields(f.value as Uint8Array), 2)) w.metaGraphNodes.push(bytesOf(fields(g), 1).length);
    if (f.field === 8) w.taggedRunMetadata++;
    if (f.field === 7) w.sessionLogs++;
    if (f.field === 5) for (const v of bytesOf(fields(f.value as Uint8Array), 1)) value(w, fields(v));
  }
}

const FORMS: Record<number, string> = { 2: 'simple_value', 3: 'old_histogram', 4: 'image', 5: 'histo', 6: 'audio', 8: 'tensor' };

function value(w: Walk, v: Field[]): void {
  const tagField = bytesOf(v, 1).at(-1);
  const tag = tagField === undefined ? '' : utf8.decode(tagField);
  let t = w.tags.get(tag);
  if (t === undefined) w.tags.set(tag, (t = { count: 0, forms: new Set(), plugin: null }));
  t.count++;
  const form = v.filter((f) => FORMS[f.field] !== undefined).at(-1);
  t.forms.add(form === undefined ? 'none' : FORMS[form.field]!);
  const meta = bytesOf(v, 9)[0];
  if (meta !== undefined && t.plugin === null) {
    const pluginData = bytesOf(fields(meta), 1)[0];
    const name = pluginData === undefined ? undefined : bytesOf(fields(pluginData), 1)[0];
    t.plugin = name === undefined ? '' : utf8.decode(name);
  }
}
