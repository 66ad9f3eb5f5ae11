import { describe, expect, it } from 'vitest';
import { cpuBackend } from '../../../src/backend/cpu-backend.ts';
import type { GL2 } from '../../../src/backend/webgl/index.ts';
import { chooseBackend } from '../../../renderer/worker/backend-choice.ts';

// The WebGL path itself needs a real browser: test/e2e/lesson.e2e.ts runs the lesson on it.
// Here: every way of not getting WebGL ends on the CPU backend with a reason to show.
describe('chooseBackend', () => {
  it('uses the CPU without touching WebGL when the CPU is chosen', () => {
    const chosen = chooseBackend('cpu', () => { throw new Error('must not be called'); });
    expect(chosen.backend).toBe(cpuBackend);
    expect(chosen.inUse).toEqual({ name: 'cpu', renderer: null, fallback: null });
  });

  it('falls back to the CPU, saying why, where there is no WebGL2 context', () => {
    expect(chooseBackend('webgl', () => null).inUse).toEqual({
      name: 'cpu', renderer: null, fallback: { reason: 'no-webgl2', detail: 'OffscreenCanvas gives no webgl2 context in this browser' },
    });
    const threw = chooseBackend('webgl', () => { throw new Error('GPU process crashed'); });
    expect(threw.backend).toBe(cpuBackend);
    expect(threw.inUse.fallback).toEqual({ reason: 'no-webgl2', detail: 'GPU process crashed' });
  });

  it('falls back to the CPU where float32 textures cannot be rendered to (the backend refuses the context)', () => {
    // A WebGL2 without EXT_color_buffer_float, as some mobile and old integrated GPUs are.
    const gl = { getExtension: (name: string) => (name === 'EXT_color_buffer_float' ? null : {}) } as unknown as GL2;
    const chosen = chooseBackend('webgl', () => gl);
    expect(chosen.backend).toBe(cpuBackend);
    expect(chosen.inUse.name).toBe('cpu');
    expect(chosen.inUse.fallback?.reason).toBe('no-float-targets');
    expect(chosen.inUse.fallback?.detail).toContain('EXT_color_buffer_float');
  });
});
