import { describe, expect, it } from 'vitest';
import { BufferedFile } from '../../../renderer/worker/buffered-file.ts';

function setup(intervalMs = 200) {
  let now = 0;
  const posted: number[][] = [];
  let closed = 0;
  const file = new BufferedFile((b) => posted.push([...b]), () => now, intervalMs, () => closed++);
  return { file, posted, advance: (ms: number) => (now += ms), closedCount: () => closed };
}

describe('BufferedFile', () => {
  it('posts appended bytes once the interval has passed, even without a timer (a busy training loop)', () => {
    const { file, posted, advance } = setup();
    file.append(Uint8Array.of(1, 2));
    advance(150);
    file.append(Uint8Array.of(3));
    expect(posted).toEqual([]);
    advance(50);
    file.append(Uint8Array.of(4));
    expect(posted).toEqual([[1, 2, 3, 4]]);
  });

  it('posts on flush, on tick after the interval, and on close, then reports the close once', () => {
    const { file, posted, advance, closedCount } = setup();
    file.append(Uint8Array.of(1));
    file.flush();
    file.append(Uint8Array.of(2));
    file.tick();
    advance(200);
    file.tick();
    file.append(Uint8Array.of(3));
    file.close();
    file.close();
    expect(posted).toEqual([[1], [2], [3]]);
    expect(closedCount()).toBe(1);
    expect(() => file.append(Uint8Array.of(4))).toThrow(/after close/);
  });

  it('copies appended bytes, so a writer reusing its buffer does not change what is posted', () => {
    const { file, posted } = setup();
    const buf = Uint8Array.of(7, 7);
    file.append(buf);
    buf.fill(0);
    file.flush();
    expect(posted).toEqual([[7, 7]]);
  });

  it('posts nothing when there is nothing new', () => {
    const { file, posted, advance } = setup();
    advance(1000);
    file.tick();
    file.flush();
    expect(posted).toEqual([]);
  });
});
