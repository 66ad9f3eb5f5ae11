import { describe, expect, it } from 'vitest';
import { checkArgs, dispatch } from '../../main/services/host-args.ts';
import { HostError } from '../../main/services/host-error.ts';
import { HOST_METHODS, type HostApi } from '../../src/host-api.ts';

/** A HostApi that records what reached it. */
function recorder(): { api: HostApi; calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const api = Object.fromEntries(HOST_METHODS.map((m) => [m, async (...args: unknown[]) => { calls.push([m, args]); return m; }]));
  return { api: { ...api, subscribe: () => () => {} } as unknown as HostApi, calls };
}

const reject = (method: string, args: unknown, status: number, message: RegExp) =>
  expect(dispatch(recorder().api, method, args)).rejects.toSatisfy((e) => e instanceof HostError && e.status === status && message.test(e.message));

describe('the argument gate', () => {
  it('passes well-typed calls through, with JSON null meaning an omitted optional argument', async () => {
    const { api, calls } = recorder();
    await dispatch(api, 'openProject', [null]);
    await dispatch(api, 'readGraph', ['r1', 0]);
    await dispatch(api, 'appendEventBytes', ['p1', 'tmp/events.out.tfevents.1.h', new Uint8Array([1])]);
    await dispatch(api, 'saveFiles', [[{ name: 'a.csv', bytes: new Uint8Array(2) }]]);
    expect(calls).toEqual([
      ['openProject', [undefined]],
      ['readGraph', ['r1', 0]],
      ['appendEventBytes', ['p1', 'tmp/events.out.tfevents.1.h', new Uint8Array([1])]],
      ['saveFiles', [[{ name: 'a.csv', bytes: new Uint8Array(2) }]]],
    ]);
  });

  it('refuses unknown methods, including inherited names', async () => {
    await reject('nope', [], 404, /unknown method 'nope'/);
    await reject('subscribe', [], 404, /unknown method/);
    await reject('constructor', [], 404, /unknown method/);
    await reject('__proto__', [], 404, /unknown method/);
  });

  it('refuses wrong types, extra arguments and oversized values', async () => {
    await reject('listTags', [7], 400, /runId must be a string/);
    await reject('listTags', 'r1', 400, /must be a list/);
    await reject('listRuns', ['x'], 400, /takes 0 argument/);
    await reject('readGraph', ['r1', -1], 400, /non-negative integer/);
    await reject('readGraph', ['r1', 1.5], 400, /non-negative integer/);
    await reject('exportRun', ['r1', 'xml'], 400, /tfevents, csv, json/);
    await reject('appendEventBytes', ['p1', 'a', [1, 2]], 400, /bytes/);
    await reject('appendEventBytes', ['p1', 'a', new Uint8Array(33 * 1024 * 1024)], 413, /too large/);
    await reject('saveFiles', [[{ name: 5, bytes: new Uint8Array() }]], 400, /name must be a string/);
    await reject('openProject', ['x'.repeat(5000)], 413, /too long/);
  });

  it('has a signature for every host method', () => {
    for (const m of HOST_METHODS) expect(() => checkArgs(m, [])).not.toThrow(TypeError);
  });
});
