/**
 * Compiled programs, one per fragment-shader source: a plan's kernels produce the same
 * source every run, so each shader compiles once (twgl.js links it and looks up its
 * uniform and attribute setters).
 */
import * as twgl from 'twgl.js';
import type { GL2 } from './gl-types.ts';
import { fragmentShader, type GpuProgram, VERTEX_SHADER } from './program.ts';

/** twgl.js is typed against the DOM's context; ours is the structural `GL2` (no DOM types in src/). */
export type TwglContext = Parameters<typeof twgl.createProgramInfo>[0];

export class ProgramCache {
  private readonly compiled = new Map<string, twgl.ProgramInfo>();
  /**
   * The same lookup by program object: kernels build their programs once per shapes and
   * draw the same objects every run, and generating the full shader text per draw to key
   * the map cost JS time on every draw of every step.
   */
  private readonly byProgram = new WeakMap<GpuProgram, twgl.ProgramInfo>();

  constructor(private readonly gl: GL2) {}

  get size(): number {
    return this.compiled.size;
  }

  get(program: GpuProgram): twgl.ProgramInfo {
    const known = this.byProgram.get(program);
    if (known !== undefined) return known;
    const source = fragmentShader(program);
    let info = this.compiled.get(source);
    if (info === undefined) {
      let message = '';
      const created = twgl.createProgramInfo(this.gl as unknown as TwglContext, [VERTEX_SHADER, source], {
        errorCallback: (msg: string) => { message += msg; },
      }) as twgl.ProgramInfo | null;
      if (created === null) throw new Error(`WebGL program '${program.name}' failed to compile: ${message}`);
      info = created;
      this.compiled.set(source, info);
    }
    this.byProgram.set(program, info);
    return info;
  }
}
