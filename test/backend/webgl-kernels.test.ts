/**
 * The WebGL backend's kernel table is complete: each registered op either has a GPU
 * program (plain or with host parameters) or is listed, deliberately, as a CPU fallback — never both, never neither — so a
 * new op cannot reach the WebGL backend without a decision. Runs in Node (no GL needed).
 */
import { expect, test } from 'vitest';
import { cpuFallbackOps, webglHostParamKernels, webglKernels } from '../../src/backend/webgl/kernels.ts';
import { registeredOpTypes } from '../../src/engine/registry.ts';

const gpu = [...Object.keys(webglKernels), ...Object.keys(webglHostParamKernels)];

test('every registered op has a WebGL kernel or an explicit CPU fallback', () => {
  const missing = registeredOpTypes().filter((t) => !gpu.includes(t) && !cpuFallbackOps.includes(t));
  expect(missing).toEqual([]);
});

test('no op is both a GPU kernel and a CPU fallback, and the lists name only registered ops', () => {
  expect(gpu.filter((t) => cpuFallbackOps.includes(t))).toEqual([]);
  const known = new Set(registeredOpTypes());
  expect([...gpu, ...cpuFallbackOps].filter((t) => !known.has(t))).toEqual([]);
  expect(new Set(cpuFallbackOps).size).toBe(cpuFallbackOps.length);
});

test('ops with host-parameter programs have no plain GPU kernel as well', () => {
  expect(Object.keys(webglHostParamKernels).filter((t) => Object.keys(webglKernels).includes(t))).toEqual([]);
});
