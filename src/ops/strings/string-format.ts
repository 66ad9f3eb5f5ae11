import { getAttr } from '../../engine/attr.ts';
import { InvalidArgumentError } from '../../engine/errors.ts';
import type { OpDef } from '../../engine/op-def.ts';
import { scalar } from '../../engine/tensor-value.ts';
import { summarizeValue } from './summarize.ts';

/** The template cut at each placeholder (absl::StrSplit by a string: non-overlapping, left to right). */
export function splitTemplate(template: string, placeholder: string): string[] {
  return template.split(placeholder);
}

/**
 * `StringFormat` (TF ≥ 1.12): the template with each placeholder replaced by the summary of
 * the next input (`SummarizeValue(summarize, print_v2=true)`). Output: a string scalar.
 * Not differentiable. Attrs: `T` (input dtypes), `template`, `placeholder`, `summarize`.
 */
export const StringFormat: OpDef = {
  type: 'StringFormat',
  infer: ({ op, inputs, attrs }) => {
    const template = getAttr(attrs, 'template', 'string', op.name);
    const placeholder = getAttr(attrs, 'placeholder', 'string', op.name);
    const holes = splitTemplate(template, placeholder).length - 1;
    // TF checks this in the op's shape function, so it fails when the graph is built.
    if (holes !== inputs.length) {
      throw new InvalidArgumentError(`num placeholders in template and num inputs must match: ${holes} vs. ${inputs.length}`, op.name);
    }
    return [{ dtype: 'string', shape: [] }];
  },
  grad: null,
  cpu: (inputs, ctx) => {
    const pieces = splitTemplate(ctx.op.getAttr('template', 'string'), ctx.op.getAttr('placeholder', 'string'));
    const summarize = ctx.op.getAttr('summarize', 'int');
    let out = pieces[0]!;
    for (let i = 0; i < inputs.length; i++) out += summarizeValue(inputs[i]!, summarize) + pieces[i + 1]!;
    return [scalar(out, 'string')];
  },
};
