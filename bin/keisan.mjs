#!/usr/bin/env node
// The `keisan` command. The CLI is TypeScript (main/cli/main.ts); tsx's ESM hooks compile it
// (and the engine under src/) on the fly, so nothing needs building after `npm ci`.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 6)) {
  // module.register (the hook that lets scripts `import ... from 'keisan'`) arrived in Node 20.6.
  console.error(`keisan needs Node.js 20.6 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
