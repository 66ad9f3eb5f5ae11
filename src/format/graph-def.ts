/**
 * Graph → GraphDef, as TF 1.x's `FileWriter` writes it: `graph.as_graph_def(add_shapes=True)`,
 * nodes in creation order, every node with outputs carrying `_output_shapes`.
 */
import { create, fromBinary, type MessageInitShape, toBinary } from '@bufbuild/protobuf';
import type { AttrValue as EngineAttr } from '../engine/attr.ts';
import { DATA_TYPE_ENUM } from '../engine/dtype.ts';
import type { Graph, Operation, Tensor } from '../engine/graph.ts';
import { type AttrValue, AttrValue_ListValueSchema, AttrValueSchema, type GraphDef, GraphDefSchema, type NodeDef, NodeDefSchema } from './protos.ts';
import { shapeToProto, tensorToProto } from './tensor-proto.ts';

/** GraphDef version of TF 1.1–1.4 (core/public/version.h TF_GRAPH_DEF_VERSION), what our reference graphs carry. */
export const GRAPH_DEF_PRODUCER = 22;

const utf8 = new TextEncoder();

/** A NodeDef input: `name` for output 0, `name:i` otherwise. */
export function inputName(t: Tensor): string {
  return t.index === 0 ? t.op.name : `${t.op.name}:${t.index}`;
}

export function attrToProto(a: EngineAttr): AttrValue {
  const v = (value: AttrValue['value']): AttrValue => create(AttrValueSchema, { value });
  switch (a.kind) {
    case 'type': return v({ case: 'type', value: DATA_TYPE_ENUM[a.value] });
    case 'shape': return v({ case: 'shape', value: shapeToProto(a.value) });
    case 'int': return v({ case: 'i', value: BigInt(a.value) });
    case 'float': return v({ case: 'f', value: a.value });
    case 'bool': return v({ case: 'b', value: a.value });
    case 'string': return v({ case: 's', value: utf8.encode(a.value) });
    case 'tensor': return v({ case: 'tensor', value: tensorToProto(a.value) });
    case 'list_string': return listAttr({ s: a.value.map((s) => utf8.encode(s)) });
    case 'list_int': return listAttr({ i: a.value.map((i) => BigInt(i)) });
    case 'list_type': return listAttr({ type: a.value.map((t) => DATA_TYPE_ENUM[t]) });
    case 'list_shape': return listAttr({ shape: a.value.map(shapeToProto) });
  }
}

function listAttr(list: MessageInitShape<typeof AttrValue_ListValueSchema>): AttrValue {
  return create(AttrValueSchema, { value: { case: 'list', value: create(AttrValue_ListValueSchema, list) } });
}

export function operationToNodeDef(op: Operation): NodeDef {
  const attr: Record<string, AttrValue> = {};
  // Sorted keys: the bytes do not depend on the order attrs were given in.
  for (const key of Object.keys(op.attrs).sort()) attr[key] = attrToProto(op.attrs[key]!);
  if (op.outputs.length > 0 && attr['_output_shapes'] === undefined) {
    attr['_output_shapes'] = attrToProto({ kind: 'list_shape', value: op.outputs.map((t) => t.shape) });
  }
  return create(NodeDefSchema, {
    name: op.name,
    op: op.type,
    input: [...op.inputs.map(inputName), ...op.controlInputs.map((c) => `^${c.name}`)],
    device: op.device,
    attr,
  });
}

/** The graph as TensorBoard's graph view reads it. */
export function graphToGraphDef(graph: Graph): GraphDef {
  return create(GraphDefSchema, {
    node: graph.operations.map(operationToNodeDef),
    versions: { producer: GRAPH_DEF_PRODUCER },
  });
}

/** The serialized GraphDef: what goes into `Event.graph_def`. */
export function graphToGraphDefBytes(graph: Graph): Uint8Array {
  return toBinary(GraphDefSchema, graphToGraphDef(graph));
}

export function decodeGraphDef(bytes: Uint8Array): GraphDef {
  return fromBinary(GraphDefSchema, bytes);
}
