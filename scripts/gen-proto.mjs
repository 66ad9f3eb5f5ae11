#!/usr/bin/env node
// Generate src/format/proto/**/*_pb.gen.ts from proto/ (npm run gen:proto).
//
// `buf generate` (buf.gen.yaml) runs protoc-gen-es from node_modules; this script
// then renames its `*_pb.ts` files to `*_pb.gen.ts` (our marker for generated code,
// excluded from lint) and puts a do-not-edit header on each.
// protoc-gen-es 2.17 declares `engines: node >= 22` but runs fine on Node 20.
//
// `--check`: generate into a temporary folder and fail when the committed files differ.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outRel = 'src/format/proto';
const HEADER = '// Generated — do not edit; run `npm run gen:proto` (scripts/gen-proto.mjs) after changing proto/.\n';

function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  });
}

/** Run buf into `base` (files land in base/src/format/proto) and post-process them. */
function generate(base) {
  const buf = path.join(root, 'node_modules/@bufbuild/buf/bin/buf');
  execFileSync(buf, ['generate', '--output', base], { cwd: root, stdio: 'inherit' });
  for (const file of listFiles(path.join(base, outRel))) {
    if (!file.endsWith('_pb.ts')) continue;
    const text = fs.readFileSync(file, 'utf8').replace(/(_pb)\.ts(["'])/g, '$1.gen.ts$2');
    fs.writeFileSync(file.replace(/_pb\.ts$/, '_pb.gen.ts'), HEADER + text);
    fs.rmSync(file);
  }
}

if (process.argv.includes('--check')) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'keisan-proto-'));
  try {
    generate(tmp);
    const fresh = listFiles(path.join(tmp, outRel)).map((f) => path.relative(path.join(tmp, outRel), f)).sort();
    const current = listFiles(path.join(root, outRel)).map((f) => path.relative(path.join(root, outRel), f)).sort();
    const stale = fresh.filter((f) => !current.includes(f) || fs.readFileSync(path.join(tmp, outRel, f), 'utf8') !== fs.readFileSync(path.join(root, outRel, f), 'utf8'));
    const extra = current.filter((f) => !fresh.includes(f));
    if (stale.length + extra.length > 0) {
      console.error(`Generated protobuf code is out of date (${[...stale, ...extra].join(', ')}): run npm run gen:proto`);
      process.exit(1);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
} else {
  generate(root);
}
