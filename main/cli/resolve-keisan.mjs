// Module hooks for `keisan run` (installed with node:module `register`; plain JS because
// hooks load in their own thread, before any TypeScript support).
//
// 1. The bare specifier `keisan` resolves to this engine's src/index.ts, the very module
//    the CLI configured (same URL, so the same instance and the same host).
// 2. The user's script, and the local files it imports, load as ES modules even where no
//    package.json says `"type": "module"` (a lone lesson.ts in a temp folder): scripts are
//    written with `import`, and Node 20 would otherwise treat them as CommonJS.

/** @type {string} */
let engineUrl;
/** @type {string} */
let scriptUrl;
const esmFiles = new Set();

export async function initialize(data) {
  engineUrl = data.engineUrl;
  scriptUrl = data.scriptUrl;
}

function isLocalSource(url) {
  return url.startsWith('file:') && !url.includes('/node_modules/') && /\.(ts|tsx|js|jsx)$/.test(new URL(url).pathname);
}

export async function resolve(specifier, context, nextResolve) {
  // Resolve through the next hooks (tsx) so the engine's .ts files get TypeScript support.
  if (specifier === 'keisan') return nextResolve(engineUrl, context);
  const resolved = await nextResolve(specifier, context);
  const fromScript = context.parentURL !== undefined && esmFiles.has(context.parentURL);
  if ((resolved.url === scriptUrl || fromScript) && isLocalSource(resolved.url) && resolved.format === 'commonjs') {
    esmFiles.add(resolved.url);
    return { ...resolved, format: 'module' };
  }
  if (resolved.url === scriptUrl) esmFiles.add(resolved.url);
  return resolved;
}
