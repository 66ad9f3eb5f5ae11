import { fromBinary } from '@bufbuild/protobuf';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphDefSchema } from '../../src/format/protos.ts';
import { HAVE_REAL_EVENTS, NO_REAL_EVENTS_REASON, REAL_EVENTS_DIR } from '../support/real-events.ts';
import { graphEvent, makeService, scalarEvent, tempDir, writeRun } from './helpers.ts';

/** A logdir laid out as TensorBoard users lay them out: a root run, runs in subfolders, a nested run, a non-run folder. */
function logdir(): string {
  const root = tempDir();
  writeRun(root, '.', [scalarEvent(0, 'loss', 1)]);
  writeRun(root, 'train', [graphEvent(['a', 'scope/b']), scalarEvent(0, 'loss', 0.5), scalarEvent(1, 'loss', 0.25), scalarEvent(1, 'acc', 0.75)]);
  writeRun(root, 'eval/lr-0.1', [scalarEvent(5, 'loss', 2)]);
  fs.mkdirSync(path.join(root, 'checkpoints'));
  fs.writeFileSync(path.join(root, 'checkpoints', 'model.ckpt'), 'not events');
  return root;
}

describe('runs of an opened folder', () => {
  it('finds every folder that holds event files, named by its path in the project', async () => {
    const root = logdir();
    const host = makeService();
    const project = await host.openTrusted(root);
    expect(project).toMatchObject({ name: path.basename(root), path: root, kind: 'folder', lesson: null });
    const runs = await host.listRuns();
    expect(runs.map((r) => r.name)).toEqual(['.', 'eval/lr-0.1', 'train']);
    const train = runs.find((r) => r.name === 'train')!;
    expect(train).toMatchObject({ projectId: project.id, files: 1, records: 5, lastWallTime: 1.6e9 + 1, problems: [] });
  });

  it('reads tags, every scalar point and graphs, as written', async () => {
    const host = makeService();
    await host.openTrusted(logdir());
    const train = (await host.listRuns()).find((r) => r.name === 'train')!;
    expect(await host.listTags(train.id)).toEqual([
      { tag: 'loss', kind: 'scalar', count: 2, firstStep: 0, lastStep: 1 },
      { tag: 'acc', kind: 'scalar', count: 1, firstStep: 1, lastStep: 1 },
    ]);
    expect(await host.readScalars(train.id, 'loss')).toEqual({ runId: train.id, tag: 'loss', steps: [0, 1], wallTimes: [1.6e9, 1.6e9 + 1], values: [0.5, 0.25] });
    await expect(host.readScalars(train.id, 'nope')).rejects.toThrow(/no tag 'nope'/);
    expect(await host.listGraphs(train.id)).toEqual([{ index: 0, source: 'graph_def', label: 'graph (step 0)', nodes: 2 }]);
    const graph = fromBinary(GraphDefSchema, await host.readGraph(train.id, 0));
    expect(graph.node.map((n) => n.name)).toEqual(['a', 'scope/b']);
    await expect(host.readGraph(train.id, 1)).rejects.toThrow(/no graph 1/);
  });

  it('lists GraphDef text files beside event files as graphs too', async () => {
    const root = tempDir();
    writeRun(root, 'r', [scalarEvent(0, 'x', 1)]);
    fs.writeFileSync(path.join(root, 'r', 'graph.pbtxt'), 'node { name: "from_text" op: "Const" }\n');
    const host = makeService();
    await host.openTrusted(root);
    const [run] = await host.listRuns();
    expect(await host.listGraphs(run!.id)).toEqual([{ index: 0, source: 'file', label: 'graph.pbtxt', nodes: 1 }]);
    expect(fromBinary(GraphDefSchema, await host.readGraph(run!.id, 0)).node[0]!.name).toBe('from_text');
  });

  it('opens a single event file as a project with one run', async () => {
    const file = writeRun(tempDir(), 'somewhere', [scalarEvent(3, 'loss', 7)]);
    const host = makeService();
    const project = await host.openTrusted(file);
    expect(project.kind).toBe('event-file');
    const runs = await host.listRuns();
    expect(runs.map((r) => [r.name, r.projectId])).toEqual([['.', project.id]]);
    expect((await host.readScalars(runs[0]!.id, 'loss')).values).toEqual([7]);
  });

  it('refuses to open a file that is not an event file', async () => {
    const file = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(file, 'x');
    await expect(makeService().openTrusted(file)).rejects.toThrow(/neither a folder nor an event file/);
  });

  it('lists a run once when a project is opened inside another (a lesson made in a logdir)', async () => {
    const outer = logdir();
    const host = makeService({ projectsDir: outer });
    await host.openTrusted(outer);
    const lesson = await host.createLessonProject('sgd');
    writeRun(lesson.path, 'tmp/sgd', [scalarEvent(0, 'loss', 1)]);
    await host.closeProject(lesson.id);
    await host.openTrusted(lesson.path);
    const runs = await host.listRuns();
    expect(runs.filter((r) => r.name.endsWith('tmp/sgd')).map((r) => [r.name, r.projectId])).toEqual([['tmp/sgd', lesson.id]]);
  });

  it('forgets the runs of a closed project, and ids of unknown runs are refused', async () => {
    const host = makeService();
    const p = await host.openTrusted(logdir());
    const [run] = await host.listRuns();
    await host.closeProject(p.id);
    expect(await host.listRuns()).toEqual([]);
    await expect(host.listTags(run!.id)).rejects.toThrow(/no run/);
    await expect(host.closeProject(p.id)).rejects.toThrow(/no open project/);
  });

  it.skipIf(!HAVE_REAL_EVENTS)(`reads a real TF 1.x experiment (${NO_REAL_EVENTS_REASON})`, async () => {
    const host = makeService();
    await host.openTrusted(path.join(REAL_EVENTS_DIR, 'tf1-morvan-tensorboard-2017'));
    const [run] = await host.listRuns();
    expect(run).toMatchObject({ name: '.', files: 1, problems: [] });
    expect((await host.readScalars(run!.id, 'loss/loss')).steps).toHaveLength(20);
    expect((await host.listGraphs(run!.id)).map((g) => g.source)).toEqual(['graph_def', 'meta_graph_def']);
  });
});

describe('recent projects through the host', () => {
  it('remembers opened projects and lists those that still exist', async () => {
    const host = makeService();
    const a = tempDir();
    const b = tempDir();
    await host.openTrusted(a);
    await host.openTrusted(b);
    fs.rmSync(a, { recursive: true });
    expect((await host.listRecentProjects()).map((p) => p.path)).toEqual([b]);
  });
});

describe('opening the same folder twice at once', () => {
  it('opens it once', async () => {
    const root = tempDir();
    writeRun(root, 'a', [scalarEvent(0, 'x', 1)]);
    const host = makeService();
    const opened: string[] = [];
    host.subscribe((e) => e.type === 'projects-changed' && opened.push(e.type));
    const [p1, p2] = await Promise.all([host.openTrusted(root), host.openTrusted(root)]);
    expect(p1.id).toBe(p2.id);
    expect(opened).toHaveLength(1); // one project started, not two following the same folder
    expect(await host.listOpenProjects()).toHaveLength(1);
    expect((await host.listRuns()).map((r) => r.name)).toEqual(['a']);
  });
});
