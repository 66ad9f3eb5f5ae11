import { describe, expect, it } from 'vitest';
import { attr } from '../../src/engine/attr.ts';
import { Graph, Tensor } from '../../src/engine/graph.ts';
import { fromJs } from '../../src/engine/tensor-value.ts';
import { decodeGraphDef, graphToGraphDef, graphToGraphDefBytes } from '../../src/format/graph-def.ts';
import { type AttrValue, DataType } from '../../src/format/protos.ts';
import { shapeFromProto, tensorFromProto } from '../../src/format/tensor-proto.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

function buildGraph() {
  const g = new Graph();
  const x = g.createOp('Placeholder', [], { dtype: attr.type('float32'), shape: attr.shape([null, 3]) }, 'x');
  const anyShape = g.createOp('Placeholder', [], { dtype: attr.type('int32'), shape: attr.shape(null) }, 'x');
  const cValue = fromJs([[1, 2, 3]], 'float32');
  const c = g.createOp('Const', [], { dtype: attr.type('float32'), value: attr.tensor(cValue) }, 'c');
  const ctrl = g.createOp('NoOp', [], {}, 'ctrl');
  const id = g.nameScope('scope', () => g.createOp('Identity', [x.output], { T: attr.type('float32') }, 'Identity', [ctrl]));
  // No core op has two outputs; a second output of `c` made by hand checks the `name:1` form.
  const second = new Tensor(c, 1, 'float32', [2]);
  c.outputs.push(second);
  const id2 = g.createOp('Identity', [second], { T: attr.type('float32') }, 'Identity');
  const kinds = g.createOp('NoOp', [], {
    i: attr.int(-3), f: attr.float(0.5), b: attr.bool(true), s: attr.string('héllo'),
    ls: attr.listString(['a', 'b']), li: attr.listInt([1, 2]), lt: attr.listType(['int32', 'bool']),
    lsh: { kind: 'list_shape', value: [[1, null], null] },
  }, 'kinds');
  return { g, x, anyShape, c, cValue, ctrl, id, id2, kinds };
}

const attrOf = (a: AttrValue | undefined) => a?.value;

describe('graphToGraphDef', () => {
  const { g, cValue } = buildGraph();
  const def = decodeGraphDef(graphToGraphDefBytes(g));
  const node = (name: string) => def.node.find((n) => n.name === name)!;

  it('lists nodes in creation order with their op types, producer 22', () => {
    expect(def.node.map((n) => [n.name, n.op])).toEqual([
      ['x', 'Placeholder'], ['x_1', 'Placeholder'], ['c', 'Const'], ['ctrl', 'NoOp'],
      ['scope/Identity', 'Identity'], ['Identity', 'Identity'], ['kinds', 'NoOp'],
    ]);
    expect(def.versions?.producer).toBe(22);
    expect(graphToGraphDef(g).node.length).toBe(7);
  });

  it('writes data inputs as name or name:i, then control inputs as ^name', () => {
    expect(node('scope/Identity').input).toEqual(['x', '^ctrl']);
    expect(node('Identity').input).toEqual(['c:1']);
    expect(node('c').input).toEqual([]);
  });

  it('maps attrs to AttrValue fields', () => {
    expect(attrOf(node('x').attr['dtype'])).toEqual({ case: 'type', value: DataType.DT_FLOAT });
    const shape = attrOf(node('x').attr['shape']);
    expect(shape?.case === 'shape' && shapeFromProto(shape.value)).toEqual([null, 3]);
    const unknown = attrOf(node('x_1').attr['shape']);
    expect(unknown?.case === 'shape' && unknown.value.unknownRank).toBe(true);
    const value = attrOf(node('c').attr['value']);
    expect(value?.case === 'tensor' && tensorFromProto(value.value)).toEqual(cValue);
    const k = node('kinds').attr;
    expect(attrOf(k['i'])).toEqual({ case: 'i', value: -3n });
    expect(attrOf(k['f'])).toEqual({ case: 'f', value: 0.5 });
    expect(attrOf(k['b'])).toEqual({ case: 'b', value: true });
    expect(attrOf(k['s'])).toEqual({ case: 's', value: utf8('héllo') });
    const list = (a: AttrValue | undefined) => (a?.value.case === 'list' ? a.value.value : undefined);
    expect(list(k['ls'])?.s).toEqual([utf8('a'), utf8('b')]);
    expect(list(k['li'])?.i).toEqual([1n, 2n]);
    expect(list(k['lt'])?.type).toEqual([DataType.DT_INT32, DataType.DT_BOOL]);
    expect(list(k['lsh'])?.shape.map(shapeFromProto)).toEqual([[1, null], null]);
  });

  it('adds _output_shapes to every node with outputs, as TF 1.x FileWriter does', () => {
    const shapes = (name: string) => {
      const a = node(name).attr['_output_shapes'];
      return a?.value.case === 'list' ? a.value.value.shape.map(shapeFromProto) : undefined;
    };
    expect(shapes('x')).toEqual([[null, 3]]);
    expect(shapes('x_1')).toEqual([null]);
    expect(shapes('c')).toEqual([[1, 3], [2]]);
    expect(shapes('scope/Identity')).toEqual([[null, 3]]);
    expect(shapes('ctrl')).toBeUndefined();
    expect(Object.keys(node('ctrl').attr)).toEqual([]);
  });
});
