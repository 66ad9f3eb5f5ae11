/**
 * A backend for testing the session's side of the contract: values are boxes around CPU
 * values, so a test sees every upload, kernel result and dispose, and `problems` lists every
 * use of a disposed value and every double dispose.
 */
import type { Backend, Kernel } from '../../src/backend/backend.ts';
import type { Operation } from '../../src/engine/graph.ts';
import type { OpDef } from '../../src/engine/op-def.ts';
import { allocate, type TensorValue } from '../../src/engine/tensor-value.ts';

export interface Box { value: TensorValue; alive: boolean }

export class BookkeepingBackend implements Backend<Box> {
  readonly name: string = 'bookkeeping';
  readonly disposes = true;
  made = 0;
  disposed = 0;
  problems: string[] = [];
  protected box(value: TensorValue): Box {
    this.made++;
    return { value, alive: true };
  }
  allocate(dtype: TensorValue['dtype'], shape: readonly number[]): Box { return this.box(allocate(dtype, shape)); }
  upload(value: TensorValue): Box { return this.box(value); }
  download(b: Box): TensorValue {
    if (!b.alive) this.problems.push('download of a disposed value');
    return b.value;
  }
  dispose(b: Box): void {
    if (!b.alive) this.problems.push('disposed twice');
    b.alive = false;
    this.disposed++;
  }
  kernel(op: Operation, def: OpDef): Kernel<Box> {
    return (inputs, ctx) => {
      for (const b of inputs) if (b !== null && !b.alive) this.problems.push(`'${op.name}' got a disposed input`);
      return def.cpu(inputs.map((b) => (b === null ? null : b.value)) as TensorValue[], ctx).map((v) => this.box(v));
    };
  }
}
