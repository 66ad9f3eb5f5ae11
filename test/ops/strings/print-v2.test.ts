import { describe, expect, it } from 'vitest';
import { attr } from '../../../src/engine/attr.ts';
import { fromJs } from '../../../src/engine/tensor-value.ts';
import { PrintV2 } from '../../../src/ops/strings/print-v2.ts';
import { runKernel } from './kernel-context.ts';

const attrs = (end: string) => ({ output_stream: attr.string('stderr'), end: attr.string(end) });

describe('PrintV2 kernel', () => {
  it('sends its string to the print sink as one line and has no outputs', () => {
    const { outputs, printed } = runKernel(PrintV2, attrs('\n'), [fromJs('a - 5 / b - 8', 'string')]);
    expect(outputs).toEqual([]);
    expect(printed).toEqual(['a - 5 / b - 8']);
  });

  it('appends a custom end before the line ends', () => {
    expect(runKernel(PrintV2, attrs('!\n'), [fromJs('x', 'string')]).printed).toEqual(['x!']);
    expect(runKernel(PrintV2, attrs(' <'), [fromJs('x', 'string')]).printed).toEqual(['x <']);
  });

  it('rejects a non-scalar input with TF message', () => {
    expect(() => runKernel(PrintV2, attrs('\n'), [fromJs(['a', 'b'], 'string')])).toThrow('Input is expected to be scalar, but got [2]');
  });

  it('is stateful and not differentiable', () => {
    expect(PrintV2.stateful).toBe(true);
    expect(PrintV2.grad).toBeNull();
  });
});
