// Bundles src/ into ../wwwroot/dist (run by client.targets before the .NET build, or `npm run build`).
// Entry points: src/app.js (every page) → dist/app.js, and each src/pages/NAME.js → dist/pages/NAME.js.
// Shared modules land in dist/chunks/, so app.js and a page script share one instance of each module.
import { readdir, rm, utimes } from 'node:fs/promises';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = dirname(fileURLToPath(import.meta.url));
const outdir = join(root, '..', 'wwwroot', 'dist');

const entryPoints = { app: join(root, 'src', 'app.js') };
for (const file of await readdir(join(root, 'src', 'pages'))) {
  if (/\.(js|ts)$/.test(file)) {
    entryPoints[`pages/${parse(file).name}`] = join(root, 'src', 'pages', file);
  }
}

await rm(outdir, { recursive: true, force: true });
try {
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome109', 'edge109', 'firefox115', 'safari15.4'],
    chunkNames: 'chunks/[name]-[hash]',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
  });
} catch {
  // esbuild has already printed the errors with their file and line.
  process.exit(1);
}

// The build's up-to-date check compares against app.js: make sure it is newer than every input.
const now = new Date();
await utimes(join(outdir, 'app.js'), now, now);
