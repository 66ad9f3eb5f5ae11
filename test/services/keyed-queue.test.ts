import { describe, expect, it } from 'vitest';
import { KeyedQueue } from '../../main/services/keyed-queue.ts';

const tick = () => new Promise((r) => setTimeout(r, 1));

/** A task that logs its start and end, with an await between them. */
const logged = (log: string[], name: string) => async () => {
  log.push(`${name} start`);
  await tick();
  log.push(`${name} end`);
};

describe('KeyedQueue', () => {
  it('runs tasks of one key one at a time, in call order', async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string) => logged(log, name);
    await Promise.all([q.run('f', task('a')), q.run('f', task('b')), q.run('f', task('c'))]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(q.size).toBe(0);
  });

  it('lets different keys overlap', async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string) => logged(log, name);
    await Promise.all([q.run('x', task('x')), q.run('y', task('y'))]);
    expect(log.slice(0, 2).sort()).toEqual(['x start', 'y start']);
  });

  it('reports a failure to its caller only, and runs the tasks queued after it', async () => {
    const q = new KeyedQueue();
    const ran: string[] = [];
    const failing = q.run('f', async () => {
      throw new Error('disk full');
    });
    const next = q.run('f', async () => {
      ran.push('next');
    });
    await expect(failing).rejects.toThrow('disk full');
    await next;
    expect(ran).toEqual(['next']);
  });
});
