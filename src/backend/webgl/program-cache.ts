/**
 * Compiled programs, one per fragment-shader source: a plan's kernels produce the same
 * source every run, so each shader compiles once (twgl.js links it). Each sampler's
 * texture unit is fixed at link time (input i reads unit i) and `position` is attribute
 * 0 in every program, so a draw only binds textures: no per-draw uniform object, no
 * `setUniforms` walk, no attribute setup (gpu-context.ts `draw`).
 */
import * as twgl from 'twgl.js';
import type { GL2, GLProgram } from './gl-types.ts';
import { fragmentShader, type GpuProgram, VERTEX_SHADER } from './program.ts';

/** twgl.js is typed against the DOM's context; ours is the structural `GL2` (no DOM types in src/). */
export type TwglContext = Parameters<typeof twgl.createProgramInfo>[0];

export class ProgramCache {
  private readonly compiled = new Map<string, GLProgram>();
  /**
   * The same lookup by program object: kernels build their programs once per shapes and
   * draw the same objects every run, and generating the full shader text per draw to key
   * the map cost JS time on every draw of every step.
   */
  private readonly byProgram = new WeakMap<GpuProgram, GLProgram>();

  constructor(private readonly gl: GL2) {}

  get size(): number {
    return this.compiled.size;
  }

  /** The linked program, its samplers bound to units 0, 1, … in `program.inputs` order (the same for every program of this source: the source declares them in that order). */
  get(program: GpuProgram): GLProgram {
    const known = this.byProgram.get(program);
    if (known !== undefined) return known;
    const source = fragmentShader(program);
    let linked = this.compiled.get(source);
    if (linked === undefined) {
      let message = '';
      const created = twgl.createProgramInfo(this.gl as unknown as TwglContext, [VERTEX_SHADER, source], {
        errorCallback: (msg: string) => { message += msg; },
        attribLocations: { position: 0 },
      }) as twgl.ProgramInfo | null;
      if (created === null) throw new Error(`WebGL program '${program.name}' failed to compile: ${message}`);
      linked = created.program as GLProgram;
      this.gl.useProgram(linked);
      // A sampler the compiler dropped has no location: nothing to set.
      program.inputs.forEach((name, unit) => this.gl.uniform1i(this.gl.getUniformLocation(linked!, name), unit));
      this.compiled.set(source, linked);
    }
    this.byProgram.set(program, linked);
    return linked;
  }
}
