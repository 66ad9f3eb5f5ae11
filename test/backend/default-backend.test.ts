import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.ts';
import { CpuBackend } from '../../src/backend/cpu-backend.ts';
import { cpuBackend } from '../../src/backend/cpu-backend.ts';

describe('default backend', () => {
  afterEach(() => {
    tf.setDefaultBackend(cpuBackend);
  });

  it('is the CPU backend unless a host sets another', () => {
    expect(new tf.Session(new tf.Graph()).backend).toBe(cpuBackend);
  });

  it('is used by sessions created after setDefaultBackend, and the previous one is returned', () => {
    const other = new CpuBackend();
    const previous = tf.setDefaultBackend(other);
    expect(previous).toBe(cpuBackend);
    const g = new tf.Graph();
    const sum = g.asDefault(() => tf.constant(2).add(3));
    const sess = new tf.Session(g);
    expect(sess.backend).toBe(other);
    expect(sess.run(sum)).toBe(5);
  });

  it('does not override a backend named in the options', () => {
    tf.setDefaultBackend(new CpuBackend());
    expect(new tf.Session(new tf.Graph(), { backend: cpuBackend }).backend).toBe(cpuBackend);
  });
});
