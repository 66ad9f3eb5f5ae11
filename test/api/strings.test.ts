import { afterEach, describe, expect, it } from 'vitest';
import { print, strings } from '../../src/api/strings.ts';
import { constant, placeholder } from '../../src/api/state.ts';
import { Graph } from '../../src/engine/graph.ts';
import { Session } from '../../src/engine/session.ts';
import { type EngineHost, setHost } from '../../src/host.ts';

let restore: EngineHost | null = null;
afterEach(() => {
  if (restore !== null) setHost(restore);
  restore = null;
});

/** Capture what PrintV2 kernels print while `fn` runs. */
function capturePrints(fn: () => void): string[] {
  const lines: string[] = [];
  restore = setHost({ print: (line) => lines.push(line) });
  fn();
  return lines;
}

describe('tf.strings.format', () => {
  it('builds a StringFormat op with TF attrs and names', () => {
    const g = new Graph();
    g.asDefault(() => {
      const a = constant(81.5751572, 'float32', undefined, 'a');
      const s = strings.format('a - {} / b - {}', [a, 7]);
      expect(s.op.name).toBe('StringFormat');
      expect(s.op.type).toBe('StringFormat');
      expect(s.dtype).toBe('string');
      expect(s.shape).toEqual([]);
      // A JS value in a list input becomes a Const named after the list argument, as TF's convert_n does.
      expect(s.op.inputs.map((t) => t.op.name)).toEqual(['a', 'StringFormat/inputs_1']);
      expect(s.op.getAttr('T', 'list_type')).toEqual(['float32', 'float32']);
      expect(s.op.getAttr('template', 'string')).toBe('a - {} / b - {}');
      expect(s.op.getAttr('placeholder', 'string')).toBe('{}');
      expect(s.op.getAttr('summarize', 'int')).toBe(3);
      expect(new Session(g).run(s)).toBe('a - 81.5751572 / b - 7');
    });
  });

  it('accepts a single tensor and custom placeholder, summarize and name', () => {
    const g = new Graph();
    g.asDefault(() => {
      const v = constant(Int32Array.from({ length: 10 }, (_, i) => i), 'int32');
      const s = strings.format('v: %t%', v, { placeholder: '%t%', summarize: 2, name: 'fmt' });
      expect(s.op.name).toBe('fmt');
      expect(new Session(g).run(s)).toBe('v: [0 1 ... 8 9]');
    });
  });

  it("raises TF's error when placeholders and inputs disagree", () => {
    new Graph().asDefault(() => {
      expect(() => strings.format('{} {}', constant(1))).toThrow('2 placeholder(s) in template does not match 1 tensor(s) provided as input');
    });
  });
});

describe('tf.strings.join', () => {
  it('joins with a separator and broadcasts scalars', () => {
    const g = new Graph();
    g.asDefault(() => {
      const names = placeholder('string', [2]);
      const j = strings.join([names, '=', 'x'], ' ');
      expect(j.op.name).toBe('StringJoin');
      expect(j.op.getAttr('N', 'int')).toBe(3);
      expect(j.op.getAttr('separator', 'string')).toBe(' ');
      expect(j.op.inputs.map((t) => t.op.name)).toEqual(['Placeholder', 'StringJoin/inputs_1', 'StringJoin/inputs_2']);
      expect(j.shape).toEqual([2]);
      expect(new Session(g).run(j, new Map([[names, ['a', 'b']]]))).toEqual(['a = x', 'b = x']);
    });
  });
});

describe('tf.print', () => {
  it('formats tensors and strings joined by spaces into a PrintV2 op', () => {
    const g = new Graph();
    g.asDefault(() => {
      const loss = constant(0.25);
      const p = print('loss:', loss, [loss, 'x']);
      expect(p.type).toBe('PrintV2');
      expect(p.name).toBe('PrintV2');
      expect(p.outputs).toEqual([]);
      expect(p.getAttr('output_stream', 'string')).toBe('stderr');
      expect(p.getAttr('end', 'string')).toBe('\n');
      const fmt = p.inputs[0]!.op;
      expect(fmt.name).toBe('StringFormat');
      expect(fmt.getAttr('template', 'string')).toBe("loss: {} [{}, 'x']");
      expect(capturePrints(() => new Session(g).run(p))).toEqual(["loss: 0.25 [0.25, 'x']"]);
    });
  });

  it('prints a single string scalar as it is, without a StringFormat', () => {
    const g = new Graph();
    g.asDefault(() => {
      const line = strings.join([constant('a - 5', 'string'), constant('b - 8', 'string')], ' / ');
      const p = print(line, { outputStream: 'stdout', name: 'show' });
      expect(p.name).toBe('show');
      expect(p.inputs[0]).toBe(line);
      expect(p.getAttr('output_stream', 'string')).toBe('stdout');
      expect(g.operations.some((op) => op.type === 'StringFormat')).toBe(false);
      expect(capturePrints(() => new Session(g).run(p))).toEqual(['a - 5 / b - 8']);
    });
  });

  it('names the format op <name>_format and picks a placeholder absent from the text', () => {
    const g = new Graph();
    g.asDefault(() => {
      const t = constant([1, 2], 'int32');
      const p = print('{}', t, { name: 'dbg', sep: ',' });
      const fmt = p.inputs[0]!.op;
      expect(fmt.name).toBe('dbg_format');
      // TF appends digits of random.Random(5) until the placeholder is not in the template.
      expect(fmt.getAttr('placeholder', 'string')).toBe('{}9');
      expect(fmt.getAttr('template', 'string')).toBe('{},{}9');
      expect(capturePrints(() => new Session(g).run(p))).toEqual(['{},[1 2]']);
    });
  });

  it('rejects unknown options and streams', () => {
    new Graph().asDefault(() => {
      expect(() => print(constant(1), { colour: 'red' } as never)).toThrow('Unrecognized keyword arguments for tf.print: colour');
      expect(() => print(constant(1), { outputStream: 'nowhere' })).toThrow('Unsupported output stream');
    });
  });
});
