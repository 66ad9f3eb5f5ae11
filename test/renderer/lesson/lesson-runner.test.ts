import { describe, expect, it } from 'vitest';
import type { CompiledScript, HostApi } from '../../../src/host-api.ts';
import { ConsoleModel } from '../../../renderer/console/console-model.ts';
import { LessonBackend } from '../../../renderer/lesson/lesson-backend.ts';
import { LessonRunner, type RunnerPhase, type ScriptWorker } from '../../../renderer/lesson/lesson-runner.ts';
import type { RunRequest, WorkerMessage } from '../../../renderer/worker/protocol.ts';

class FakeWorker implements ScriptWorker {
  onmessage: ScriptWorker['onmessage'] = null;
  onerror: ScriptWorker['onerror'] = null;
  posted: RunRequest[] = [];
  terminated = false;
  postMessage(m: RunRequest): void {
    this.posted.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  send(m: WorkerMessage): void {
    this.onmessage?.({ data: m });
  }
}

/** A host whose appends finish only when the test releases them, to check ordering. */
function fakeHost(compiled: CompiledScript = { ok: true, code: 'compiled' }) {
  const calls: string[] = [];
  const appended: [string, number[]][] = [];
  const pending: (() => void)[] = [];
  const host = {
    saveLessonScript: async (_p: string, script: string) => void calls.push(`save:${script}`),
    compileScript: async (_s: string, name: string) => (calls.push(`compile:${name}`), compiled),
    appendEventBytes: (_p: string, path: string, bytes: Uint8Array) =>
      new Promise<void>((resolve) => pending.push(() => (appended.push([path, [...bytes]]), resolve()))),
  } as unknown as HostApi;
  const release = async (): Promise<void> => {
    while (pending.length > 0) {
      pending.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { host, calls, appended, release };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup(compiled?: CompiledScript) {
  const h = fakeHost(compiled);
  const model = new ConsoleModel();
  const workers: FakeWorker[] = [];
  const backend = new LessonBackend(null);
  const runner = new LessonRunner(h.host, model, () => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }, backend);
  const phases: RunnerPhase[] = [];
  runner.subscribe((s) => phases.push(s.phase));
  return { ...h, model, workers, runner, phases, backend };
}

describe('LessonRunner', () => {
  it('saves, compiles, runs, forwards lines and event bytes in order, and finishes after the last append', async () => {
    const t = setup();
    await t.runner.run('p1', 'sgd_function.ts', 'script text');
    expect(t.calls).toEqual(['save:script text', 'compile:sgd_function.ts']);
    const w = t.workers[0]!;
    expect(w.posted).toEqual([{ type: 'run', code: 'compiled', fileName: 'sgd_function.ts', backend: 'webgl' }]);
    w.send({ type: 'file-open', fileId: 1, dir: './tmp/sgd', name: 'events.out.tfevents.1.keisan' });
    w.send({ type: 'file-bytes', fileId: 1, bytes: Uint8Array.of(1, 2) });
    w.send({ type: 'print', line: 'a - 1', elapsedMs: 5 });
    w.send({ type: 'file-bytes', fileId: 1, bytes: Uint8Array.of(3) });
    w.send({ type: 'done', elapsedMs: 9 });
    await tick();
    expect(t.runner.current.phase).toBe('running'); // bytes still on their way to the host
    await t.release();
    await tick();
    expect(t.appended).toEqual([['tmp/sgd/events.out.tfevents.1.keisan', [1, 2]], ['tmp/sgd/events.out.tfevents.1.keisan', [3]]]);
    expect(t.model.lines).toEqual([{ kind: 'print', text: 'a - 1', elapsedMs: 5 }]);
    expect(t.phases).toEqual(['saving', 'compiling', 'running', 'finished']);
    expect(w.terminated).toBe(true);
    expect(t.model.run.phase).toBe('finished');
  });

  it('shows a compile error with file:line:column and the line for the editor', async () => {
    const t = setup({ ok: false, message: 'Expected ";"', file: 'sgd_function.ts', line: 12, column: 7 });
    await t.runner.run('p1', 'sgd_function.ts', 'x');
    expect(t.model.lines.map((l) => l.text)).toEqual(['sgd_function.ts:12:7 Expected ";"']);
    expect(t.runner.current).toEqual({ phase: 'failed', errorLine: 12 });
    expect(t.workers).toEqual([]);
  });

  it('reports a script error with its line, and refuses writes outside the project', async () => {
    const t = setup();
    await t.runner.run('p1', 'a.ts', 'x');
    t.workers[0]!.send({ type: 'error', text: 'a.ts:3 ValueError: bad', line: 3, elapsedMs: 1 });
    await tick();
    expect(t.runner.current).toEqual({ phase: 'failed', errorLine: 3 });

    await t.runner.run('p1', 'a.ts', 'x');
    t.workers[1]!.send({ type: 'file-open', fileId: 1, dir: '../../etc', name: 'e' });
    expect(t.runner.current.phase).toBe('failed');
    expect(t.model.lines.at(-1)?.text).toMatch(/^a\.ts .*outside the project/);
    expect(t.workers[1]!.terminated).toBe(true);
  });

  it('stops a running script and ignores whatever its worker still sends', async () => {
    const t = setup();
    await t.runner.run('p1', 'a.ts', 'x');
    const w = t.workers[0]!;
    t.runner.stop();
    expect(w.terminated).toBe(true);
    expect(t.runner.current.phase).toBe('stopped');
    w.send({ type: 'print', line: 'late', elapsedMs: 1 });
    expect(t.model.lines).toEqual([]);
  });

  it('asks the worker for the chosen backend and passes on what the worker says it used', async () => {
    const t = setup();
    t.backend.choose('cpu');
    await t.runner.run('p1', 'a.ts', 'x');
    expect(t.workers[0]!.posted[0]!.backend).toBe('cpu');

    t.backend.choose('webgl');
    await t.runner.run('p1', 'a.ts', 'x');
    expect(t.workers[1]!.posted[0]!.backend).toBe('webgl');
    const fallback = { name: 'cpu', renderer: null, fallback: { reason: 'no-float-targets', detail: 'EXT_color_buffer_float is missing' } } as const;
    t.workers[1]!.send({ type: 'backend', backend: fallback });
    expect(t.backend.now).toEqual({ chosen: 'webgl', inUse: fallback });
  });
});
