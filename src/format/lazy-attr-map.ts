/**
 * A NodeDef's `attr` decoded on first read (src/format/graph-def-lazy.ts): until then
 * `attr` is an enumerable accessor and the field bytes wait in private fields on the node;
 * the first read decodes them with protobuf-es and turns `attr` into a plain data
 * property. Keys, spreading, equality, `toBinary` and structured cloning all read through
 * the accessor, so they see what protobuf-es' eager decode gives.
 *
 *     withLazyAttr(node, bytes, [start, end])   // node.attr['T'] decodes [start, end) now
 */
import { fromBinary } from '@bufbuild/protobuf';
import { type AttrValue, type NodeDef, NodeDefSchema } from './protos.ts';
import { GraphDefWireError } from './wire-reader.ts';

/** Gives `node` an `attr` decoded on first read from the map fields at `fields` (`[start, end, …]` in `buf`, tags included). */
export function withLazyAttr(node: NodeDef, buf: Uint8Array, fields: readonly number[]): NodeDef {
  new PendingAttrs(node, buf, fields);
  Object.defineProperty(node, 'attr', LAZY_ATTR);
  return node;
}

/** A constructor that returns the object it is given, so a subclass's private fields land on that object. */
class OnTarget {
  constructor(target: object) {
    return target as OnTarget;
  }
}

/**
 * A node's undecoded attr map, kept in private fields on the node itself: invisible to
 * every reader (keys, spreading, equality, cloning), and unlike a WeakMap cheap to add to
 * 5,000 nodes (a WeakMap entry cost a few µs a node here, more than the rest of its decode).
 */
class PendingAttrs extends OnTarget {
  readonly #buf: Uint8Array;
  /** [start, end) of each attr field, tag included. */
  readonly #fields: readonly number[];

  constructor(node: NodeDef, buf: Uint8Array, fields: readonly number[]) {
    super(node);
    this.#buf = buf;
    this.#fields = fields;
  }

  /**
   * protobuf-es' decode of each attr field on its own, merged in order as protobuf-es
   * merges map entries (a key given again replaces the value and keeps its place;
   * `__proto__` is an own key). On its own, so that a corrupt entry fails here instead of
   * being read past its end into the next one, as protobuf-es reads a nested field past
   * the end of its message when the buffer goes on.
   */
  static decode(node: NodeDef): { [key: string]: AttrValue } {
    if (!(#fields in node)) return {};
    const buf = (node as unknown as PendingAttrs).#buf;
    const fields = (node as unknown as PendingAttrs).#fields;
    const attr: { [key: string]: AttrValue } = {};
    for (let i = 0; i < fields.length; i += 2) {
      let one: { [key: string]: AttrValue };
      try {
        one = fromBinary(NodeDefSchema, buf.subarray(fields[i], fields[i + 1])).attr;
      } catch (e) {
        throw GraphDefWireError.within(e, `an attr of node '${node.name}'`, fields[i]!);
      }
      for (const key of Object.keys(one)) {
        if (key === '__proto__') Object.defineProperty(attr, key, asData(one[key]!));
        else attr[key] = one[key]!;
      }
    }
    return attr;
  }
}

const asData = (value: unknown): PropertyDescriptor => ({ value, writable: true, enumerable: true, configurable: true });

/**
 * `attr` until first read: an enumerable accessor, one shared by every node (so nodes keep
 * one object layout) that decodes the map and then turns itself into a data property.
 */
const LAZY_ATTR: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: NodeDef): { [key: string]: AttrValue } {
    const attr = PendingAttrs.decode(this);
    Object.defineProperty(this, 'attr', asData(attr));
    return attr;
  },
  set(this: NodeDef, attr: { [key: string]: AttrValue }): void {
    Object.defineProperty(this, 'attr', asData(attr));
  },
};
