/**
 * An op's GPU programs by input shapes: programs bake shapes in, and a plan sees the same
 * shapes run after run, so each op builds its programs once per shape signature.
 */
import type { Operation } from '../../engine/graph.ts';
import type { GpuProgram } from './program.ts';

/** kernels.ts's `ProgramFactory`: one program, or one per output (per ref input for ops that update variables). */
export type Factory = (op: Operation, shapes: readonly (readonly number[])[]) => GpuProgram | readonly GpuProgram[];

/** The programs `factory` makes for `op` at these input shapes, always as a list, made once per shapes. */
export function programsByShape(op: Operation, factory: Factory): (shapes: readonly (readonly number[])[]) => readonly GpuProgram[] {
  const programs = new Map<string, readonly GpuProgram[]>();
  return (shapes) => {
    const key = shapes.map((s) => s.join(',')).join(';');
    let p = programs.get(key);
    if (p === undefined) {
      const made = factory(op, shapes);
      programs.set(key, (p = Array.isArray(made) ? made : [made as GpuProgram]));
    }
    return p;
  };
}
