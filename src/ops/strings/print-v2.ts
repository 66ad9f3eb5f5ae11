import { getAttr } from '../../engine/attr.ts';
import { InvalidArgumentError } from '../../engine/errors.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { formatElement } from './summarize.ts';

/** The streams TF's PrintV2 kernel accepts (besides `file://<path>`). */
export const PRINT_STREAMS = ['stdout', 'stderr', 'log(info)', 'log(warning)', 'log(error)'] as const;

/**
 * `PrintV2` (`tf.print`'s op): writes its string scalar input followed by `end`. It has no
 * outputs; run it (or depend on it) to print. The host's print sink decides where text goes
 * (stdout in the CLI, the console pane in the app), so `output_stream` is recorded in the
 * graph but not used to pick a stream. The sink takes whole lines, so an `end` that does not
 * finish with a newline still ends the line.
 */
export const PrintV2: OpDef = {
  type: 'PrintV2',
  infer: ({ op, inputs, attrs }) => {
    getAttr(attrs, 'output_stream', 'string', op.name);
    const s = inputs[0]!.shape;
    // TF's shape function: WithRank(input, 0).
    if (s !== null && s.length !== 0) {
      throw new InvalidArgumentError(`Shape must be rank 0 but is rank ${s.length} for '${op.name}' (op: 'PrintV2')`, op.name);
    }
    return [];
  },
  grad: null,
  stateful: true,
  cpu: (inputs, ctx) => {
    const v = inputs[0]!;
    if (v.shape.length !== 0) throw new InvalidArgumentError(`Input is expected to be scalar, but got [${v.shape.join(',')}]`, ctx.op.name);
    const end = ctx.op.hasAttr('end') ? ctx.op.getAttr('end', 'string') : '\n';
    const text = formatElement(v, 0) + end;
    ctx.print(text.endsWith('\n') ? text.slice(0, -1) : text);
    return [];
  },
};
