/** The WebGL2 backend's public surface. */
export { WebGLBackend, WebGLTensor, type WebGLBackendOptions, type WebGLStats } from './webgl-backend.ts';
export { WebGLUnsupportedError } from './gpu-context.ts';
export { GpuContextLostError, type GpuContextEvent } from './context-loss.ts';
export type { SnapshotPolicy } from './resident-variables.ts';
export type { GL2 } from './gl-types.ts';
