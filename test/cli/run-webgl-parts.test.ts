import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleScript, ScriptCompileError } from '../../main/webgl-run/bundle-script.ts';
import { BrowserNotFoundError, findChromium } from '../../main/webgl-run/find-chromium.ts';
import { mapScriptFrame } from '../../main/webgl-run/script-location.ts';

// The parts of `keisan run --backend webgl` that need no browser, in this process.
describe('findChromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keisan-chromium-'));
  const fake = join(dir, 'chromium');
  writeFileSync(fake, '#!/bin/sh\n');

  it('takes KEISAN_CHROMIUM when it names a file, else the fallback', () => {
    expect(findChromium({ KEISAN_CHROMIUM: fake }, '/nonexistent/default')).toBe(fake);
    expect(findChromium({}, fake)).toBe(fake);
    expect(findChromium({ KEISAN_CHROMIUM: '' }, fake)).toBe(fake);
  });

  it('does not fall back when KEISAN_CHROMIUM names nothing, and says what to do when neither exists', () => {
    expect(() => findChromium({ KEISAN_CHROMIUM: '/nonexistent' }, fake)).toThrow(BrowserNotFoundError);
    expect(() => findChromium({ KEISAN_CHROMIUM: dir }, fake)).toThrow(/is not a file/);
    expect(() => findChromium({}, '/nonexistent/chromium')).toThrow('no browser for --backend webgl: /nonexistent/chromium not found (install Chromium');
  });
});

describe('bundleScript and mapScriptFrame', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keisan-bundle-'));

  it('bundles a script with its local import and maps a frame in the helper back to the helper\'s line', async () => {
    writeFileSync(join(dir, 'helper.ts'), "export function boom(): never {\n  // line 2\n  throw new Error('boom');\n}\n");
    writeFileSync(join(dir, 'main.ts'), "import * as tf from 'keisan';\nimport { boom } from './helper.ts';\n\nconst n: number = 1;\nif (n > 0) boom();\nexport const k = tf;\n");
    const code = await bundleScript(join(dir, 'main.ts'));
    expect(code).toContain('require("keisan")');
    // Run the bundle as the page does: new Function under a sourceURL, then map the stack.
    const url = 'keisan-user-script.js';
    let stack = '';
    try {
      new Function('require', 'module', 'exports', `${code}\n//# sourceURL=${url}`)(() => ({}), { exports: {} }, {});
    } catch (e) {
      stack = (e as Error).stack ?? '';
    }
    const probe = /keisan-offset-probe\.js:(\d+)/.exec(((): string => {
      try {
        new Function(`throw new Error('p');\n//# sourceURL=keisan-offset-probe.js`)();
      } catch (e) {
        return (e as Error).stack ?? '';
      }
      return '';
    })());
    const offset = Number(probe![1]) - 1;
    expect(mapScriptFrame(stack, url, offset, code)).toEqual({ file: join(dir, 'helper.ts'), line: 3 });
    expect(mapScriptFrame('no frames here', url, offset, code)).toBeNull();
  });

  it('names file:line of a compile error, and refuses Node built-ins (they do not exist in the page)', async () => {
    writeFileSync(join(dir, 'broken.ts'), "import * as tf from 'keisan';\n\nconst x: number = ;\n");
    await expect(bundleScript(join(dir, 'broken.ts'))).rejects.toMatchObject({ name: 'ScriptCompileError', file: join(dir, 'broken.ts'), line: 3 });
    writeFileSync(join(dir, 'fs.ts'), "import { readFileSync } from 'node:fs';\nreadFileSync('x');\n");
    const e = await bundleScript(join(dir, 'fs.ts')).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ScriptCompileError);
    expect((e as ScriptCompileError).line).toBe(1);
  });
});
