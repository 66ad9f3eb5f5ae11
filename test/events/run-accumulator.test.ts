/**
 * What a run holds after reading hand-built event files: TensorBoard's classification
 * of every value form, metadata inheritance, graphs from every source, problems with
 * offsets, and files read in pieces.
 */
import { create, toBinary } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { graphDefOf, readRun, RunAccumulator } from '../../src/events/index.ts';
import { RunMetadataSchema } from '../../src/format/proto/tensorflow/core/protobuf/config_pb.gen.ts';
import { MetaGraphDefSchema } from '../../src/format/proto/tensorflow/core/protobuf/meta_graph_pb.gen.ts';
import { encodeRecord } from '../../src/format/tfrecord.ts';
import { DataType, GraphDefSchema, LogMessage_Level, SessionLog_SessionStatus } from '../../src/format/protos.ts';
import { type EventInit, eventFile, fileVersion, simple, summary, tensorScalar, type ValueInit } from './events.ts';
import { concat, scan } from './scan.ts';

const graph = (n: number) => create(GraphDefSchema, { node: Array.from({ length: n }, (_, i) => ({ name: `n${i}`, op: 'NoOp' })) });
const graphBytes = (n: number) => toBinary(GraphDefSchema, graph(n));
const utf8 = new TextEncoder();

describe('RunAccumulator', () => {
  it('classifies every value form as TensorBoard does', () => {
    const run = readRun('.', [['f', eventFile([
      fileVersion(),
      summary(1, 10,
        simple('loss', 0.5),
        { tag: 'h', value: { case: 'histo', value: { min: 0, max: 1, num: 2, bucketLimit: [1], bucket: [2] } } },
        { tag: 'img', value: { case: 'image', value: { height: 1, width: 1, colorspace: 3, encodedImageString: new Uint8Array([1]) } } },
        { tag: 'snd', value: { case: 'audio', value: { sampleRate: 8000 } } },
        tensorScalar('acc', 0.25, true),
        { tag: 'hist2', metadata: { pluginData: { pluginName: 'histograms' } }, value: { case: 'tensor', value: { dtype: DataType.DT_DOUBLE, tensorShape: { dim: [{ size: 1n }, { size: 3n }] }, doubleVal: [0, 1, 5] } } },
        { tag: 'txt', metadata: { pluginData: { pluginName: 'text' } }, value: { case: 'tensor', value: { dtype: DataType.DT_STRING, stringVal: [utf8.encode('hi')] } } },
        { tag: 'pr', metadata: { pluginData: { pluginName: 'pr_curves' } }, value: { case: 'tensor', value: { dtype: DataType.DT_FLOAT, floatVal: [1] } } },
        { tag: '_hparams_/experiment', metadata: { pluginData: { pluginName: 'hparams', content: new Uint8Array([1, 2]) } } },
        { tag: 'mine', metadata: { pluginData: { pluginName: 'my_plugin' } }, value: { case: 'tensor', value: { dtype: DataType.DT_INT32, intVal: [3] } } },
        { tag: 'raw', value: { case: 'tensor', value: { dtype: DataType.DT_INT32, intVal: [3] } } },
      ),
    ])]]);
    const kinds = Object.fromEntries([...run.tags].map(([t, d]) => [t, [d.kind, d.count]]));
    expect(kinds).toEqual({
      loss: ['scalar', 1], h: ['histogram', 1], img: ['image', 1], snd: ['audio', 1], acc: ['scalar', 1], hist2: ['histogram', 1],
      txt: ['text', 1], pr: ['pr_curve', 1], '_hparams_/experiment': ['hparams', 1], mine: ['my_plugin', 1], raw: ['tensor', 1],
    });
    expect(run.tags.get('acc')!.scalars!.values[0]).toBe(0.25);
    expect(run.tags.get('mine')!.values[0]).toMatchObject({ step: 1, wallTime: 10, file: 'f' });
  });

  it('lets later values inherit the plugin of a tag\'s first metadata (TF writes it once)', () => {
    const run = readRun('.', [['f', eventFile([
      summary(0, 1, tensorScalar('acc', 0.5, true)),
      summary(1, 2, tensorScalar('acc', 0.75, false)),
      summary(2, 3, tensorScalar('acc', 1.5, false, DataType.DT_DOUBLE)),
      // A second, different metadata is ignored, as TensorBoard ignores it.
      summary(3, 4, { ...tensorScalar('acc', 2, false), metadata: { pluginData: { pluginName: 'histograms' } } } as ValueInit),
    ])]]);
    const acc = run.tags.get('acc')!;
    expect([acc.kind, acc.plugin, acc.count, acc.firstStep, acc.lastStep, acc.lastWallTime]).toEqual(['scalar', 'scalars', 4, 0, 3, 4]);
    expect([...acc.scalars!.values]).toEqual([0.5, 0.75, 1.5, 2]);
    expect([...acc.scalars!.steps]).toEqual([0, 1, 2, 3]);
  });

  it('keeps every point of a tag across files, steps restarting included', () => {
    const part = (offset: number) => eventFile([fileVersion(), ...[0, 1, 2].map((s) => summary(s, offset + s, simple('loss', offset + s)))]);
    const run = readRun('.', [['a', part(0)], ['b', part(100)]]);
    expect([...run.tags.get('loss')!.scalars!.wallTimes]).toEqual([0, 1, 2, 100, 101, 102]);
    expect(run.files.map((f) => [f.path, f.records, f.minStep, f.maxStep, f.minWallTime, f.maxWallTime])).toEqual([
      ['a', 4, 0, 2, 0, 1.5e9], ['b', 4, 0, 2, 100, 1.5e9],
    ]);
  });

  it('finds graphs in graph_def, meta_graph_def, tagged_run_metadata and graph summaries', () => {
    const meta = toBinary(MetaGraphDefSchema, create(MetaGraphDefSchema, { metaInfoDef: { tensorflowVersion: '1.4.0' }, graphDef: graph(7) }));
    const runMetadata = toBinary(RunMetadataSchema, create(RunMetadataSchema, { functionGraphs: [{ preOptimizationGraph: graph(4), postOptimizationGraph: graph(2) }] }));
    const tf1RunMetadata = toBinary(RunMetadataSchema, create(RunMetadataSchema, { partitionGraphs: [graph(3), graph(2)] }));
    const keras = JSON.stringify({ class_name: 'Sequential', keras_version: '2.12.0', config: { name: 's', layers: [{ class_name: 'Dense', config: { name: 'd1' } }, { class_name: 'Dense', config: { name: 'd2' } }] } });
    const stringTensor = (tag: string, plugin: string, bytes: Uint8Array) => ({ tag, metadata: { pluginData: { pluginName: plugin } }, value: { case: 'tensor' as const, value: { dtype: DataType.DT_STRING, stringVal: [bytes] } } });
    const run = readRun('.', [['f', eventFile([
      fileVersion(),
      { what: { case: 'graphDef', value: graphBytes(5) } },
      { what: { case: 'metaGraphDef', value: meta } },
      { step: 3n, what: { case: 'taggedRunMetadata', value: { tag: 'step3', runMetadata: tf1RunMetadata } } },
      summary(0, 0, stringTensor('keras', 'graph_keras_model', utf8.encode(keras))),
      summary(7, 0, stringTensor('batch_7', 'graph_run_metadata_graph', runMetadata)),
    ])]]);
    expect(run.graphs.map((g) => [g.source, g.tag, g.part, g.nodes])).toEqual([
      ['graph_def', null, null, 5],
      ['meta_graph_def', null, null, 7],
      ['tagged_run_metadata', 'step3', 'partition_graphs[0]', 3],
      ['tagged_run_metadata', 'step3', 'partition_graphs[1]', 2],
      ['summary', 'keras', null, 2],
      ['summary', 'batch_7', 'function_graphs[0].pre_optimization_graph', 4],
    ]);
    expect(run.graphs[4]!.keras).toMatchObject({ className: 'Sequential', kerasVersion: '2.12.0', layers: [{ name: 'd1', className: 'Dense' }, { name: 'd2', className: 'Dense' }] });
    expect(graphDefOf(run.graphs[1]!)!.node.map((n) => n.name)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
    expect(graphDefOf(run.graphs[4]!)).toBeNull();
    expect(run.runMetadata).toMatchObject([{ tag: 'step3', step: 3 }]);
    expect(run.tags.get('batch_7')!.kind).toBe('graph');
    expect(run.files[0]!.problems).toEqual([]);
  });

  it('keeps session logs, log messages and the writer name', () => {
    const run = readRun('.', [['f', eventFile([
      { ...fileVersion(), sourceMetadata: { writer: 'tensorboardX' } } as EventInit,
      { step: 5n, wallTime: 9, what: { case: 'sessionLog', value: { status: SessionLog_SessionStatus.CHECKPOINT, checkpointPath: '/tmp/model.ckpt-5' } } },
      { step: 6n, what: { case: 'logMessage', value: { level: LogMessage_Level.WARN, message: 'careful' } } },
    ])]]);
    expect(run.files[0]!.writer).toBe('tensorboardX');
    expect(run.sessionLogs).toMatchObject([{ step: 5, wallTime: 9, status: SessionLog_SessionStatus.CHECKPOINT, checkpointPath: '/tmp/model.ckpt-5' }]);
    expect(run.logMessages).toMatchObject([{ step: 6, level: LogMessage_Level.WARN, message: 'careful' }]);
  });

  it('reports records that are not Events, and bad graph bytes, with their offsets', () => {
    const first = eventFile([fileVersion()]);
    const notAnEvent = encodeRecord(new Uint8Array([0x0a, 0xff])); // field 1 as length-delimited, cut short
    const badGraph = eventFile([{ what: { case: 'graphDef', value: new Uint8Array([0x0a, 0x05, 1]) } }]);
    const run = readRun('.', [['f', concat([first, notAnEvent, badGraph, eventFile([summary(1, 1, simple('x', 1))])])]]);
    const f = run.files[0]!;
    expect(f.records).toBe(4);
    expect(f.problems.map((p) => [p.kind, p.offset])).toEqual([['decode', first.length], ['decode', first.length + notAnEvent.length]]);
    expect(run.graphs[0]!.nodes).toBeNull();
    expect(run.tags.get('x')!.count).toBe(1);
  });

  it('reads an empty file and a file without file_version as what they are', () => {
    const run = readRun('.', [['empty', new Uint8Array(0)], ['nofv', eventFile([summary(0, 1, simple('RMSE', 2))])]]);
    expect(run.files.map((f) => [f.path, f.records, f.fileVersion, f.problems.length, f.pending])).toEqual([
      ['empty', 0, null, 0, null], ['nofv', 1, null, 0, null],
    ]);
    expect(run.tags.get('RMSE')!.scalars!.length).toBe(1);
  });

  it('reads a file given byte by byte exactly as given whole', () => {
    const bytes = eventFile([fileVersion(), ...Array.from({ length: 20 }, (_, i) => summary(i, i, simple('a', i), tensorScalar('b', i, i === 0)))]);
    const ends = new Set(scan([bytes]).records.map((r) => r.offset + 16 + r.data.length));
    const acc = new RunAccumulator('.');
    const reader = acc.file('f');
    for (let i = 0; i < bytes.length; i++) {
      reader.push(bytes.subarray(i, i + 1));
      expect(reader.data.pending === null).toBe(ends.has(i + 1));
    }
    const whole = readRun('.', [['f', bytes]]);
    expect([...acc.run.tags.get('b')!.scalars!.values]).toEqual([...whole.tags.get('b')!.scalars!.values]);
    expect(acc.run.files[0]!.records).toBe(21);
    expect(acc.run.files[0]!.pending).toBeNull();
    expect(reader.offset).toBe(bytes.length);
  });
});
