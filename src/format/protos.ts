/**
 * The TensorFlow messages Keisan reads and writes, generated from proto/ by
 * `npm run gen:proto` (never edit src/format/proto/ by hand). Import them from here.
 * Encoding and decoding go through @bufbuild/protobuf: `create`, `toBinary`, `fromBinary`.
 */
export * from './proto/tensorflow/core/framework/types_pb.gen.ts';
export * from './proto/tensorflow/core/framework/tensor_shape_pb.gen.ts';
export * from './proto/tensorflow/core/framework/tensor_pb.gen.ts';
export * from './proto/tensorflow/core/framework/attr_value_pb.gen.ts';
export * from './proto/tensorflow/core/framework/node_def_pb.gen.ts';
export * from './proto/tensorflow/core/framework/function_pb.gen.ts';
export * from './proto/tensorflow/core/framework/versions_pb.gen.ts';
export * from './proto/tensorflow/core/framework/graph_pb.gen.ts';
export * from './proto/tensorflow/core/framework/summary_pb.gen.ts';
export * from './proto/tensorflow/core/util/event_pb.gen.ts';
export * from './proto/tensorflow/core/protobuf/meta_graph_pb.gen.ts';
export * from './proto/tensorflow/core/protobuf/config_pb.gen.ts';
