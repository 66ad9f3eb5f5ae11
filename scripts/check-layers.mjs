#!/usr/bin/env node
// Layering check (see ../shared/ARCHITECTURE.md): src/ is the pure engine. It may not
// import Node built-ins, Electron, main/ or renderer/, nor touch DOM or Node globals.
// tsconfig.src.json already rejects most of this as type errors; this check also
// catches what types cannot (a `require`, an `any`-typed global, an import of main/).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtinModules } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const forbiddenGlobals = /\b(document|window|process|Buffer|require|__dirname|__filename|localStorage|navigator)\s*[.(\[]/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|mts|js|mjs)$/.test(name)) yield p;
  }
}

const problems = [];
for (const file of files(join(root, 'src'))) {
  const rel = relative(root, file);
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    if (/^\s*\*|^\s*\/\*/.test(line)) return;
    for (const m of code.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
      const spec = m[1];
      if (builtins.has(spec) || builtins.has(spec.split('/')[0]) || spec === 'electron' || spec.startsWith('electron/')) {
        problems.push(`${rel}:${i + 1}: imports '${spec}' (Node/Electron) — src/ must stay pure`);
      }
      if (/(^|\/)(main|renderer)\//.test(spec) && spec.startsWith('.')) {
        problems.push(`${rel}:${i + 1}: imports '${spec}' — src/ may not depend on main/ or renderer/`);
      }
    }
    const g = forbiddenGlobals.exec(code);
    if (g) problems.push(`${rel}:${i + 1}: uses global '${g[1]}' — src/ must not touch DOM or Node globals`);
  });
}
if (problems.length > 0) {
  console.error(`Layering check failed (${problems.length}):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('Layering check passed: src/ uses no Node, Electron or DOM globals.');
