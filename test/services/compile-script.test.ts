import { describe, expect, it } from 'vitest';
import { compileScript } from '../../main/services/compile-script.ts';
import { dispatch } from '../../main/services/host-args.ts';
import { makeService } from './helpers.ts';

/** Run CommonJS the way the renderer's worker does: a function of (require, module, exports). */
function runCommonJs(code: string, modules: Record<string, unknown>): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  new Function('require', 'module', 'exports', code)((id: string) => modules[id], module, module.exports);
  return module.exports;
}

describe('compileScript', () => {
  it('strips types and turns imports into require, with an inline source map', async () => {
    const out = await compileScript("import * as tf from 'keisan';\nconst n: number = tf.answer * 2;\nexport const doubled = n;\n", 'lesson.ts');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.code).toContain('//# sourceMappingURL=data:application/json;base64,');
    expect(runCommonJs(out.code, { keisan: { answer: 21 } }).doubled).toBe(42);
  });

  it('reports a syntax error at its line and column (characters, counted from 1, after Japanese text)', async () => {
    const source = '// 学習率\nconst a = 1;\nconst b = "日本" + ;\n';
    const out = await compileScript(source, 'sgd_function.ts');
    expect(out).toEqual({ ok: false, message: 'Unexpected ";"', file: 'sgd_function.ts', line: 3, column: source.split('\n')[2]!.indexOf(';') + 1 });
  });

  it('reports a type-only construct in a .js file as an error of that file', async () => {
    const out = await compileScript('const x: number = 1;\n', 'plain.js');
    expect(out.ok).toBe(false);
    if (!out.ok) expect([out.file, out.line]).toEqual(['plain.js', 1]);
  });

  it('refuses arguments of the wrong type, through the same gate as the transports', async () => {
    const host = makeService();
    await expect(dispatch(host, 'compileScript', [42, 'a.ts'])).rejects.toThrow(/source must be a string/);
    await expect(dispatch(host, 'compileScript', ['x', 'a.ts', 'extra'])).rejects.toThrow(/takes 2 argument/);
    await expect(dispatch(host, 'compileScript', ['x'.repeat(2 * 1024 * 1024), 'a.ts'])).rejects.toThrow(/too long/);
  });
});
