// Builds the bundles: the VS Code client (vscode stays external), the language server
// (everything bundled, runs under VS Code's Node or `--stdio`), the CLI, and the PDF reader.
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const bundleUrl = "const __attestBundleUrl = require('node:url').pathToFileURL(__filename).href;";

/**
 * The PDF reader (pdf.js, 1.7 MB) is a bundle of its own, dist/reader-pdf.js: the server and
 * the CLI require it, from beside their own file, only when they read a PDF. A require, not an
 * import(): the server's bundle runs as a vm.Script (bootstrap.ts), which cannot import.
 */
const pdfReaderApart = {
  name: 'pdf-reader-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/pdf$/ }, (args) => (args.importer.endsWith(`readers${path.sep}index.ts`) ? { path: 'reader-pdf', namespace: 'pdf-reader-apart' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'pdf-reader-apart' }, () => ({ contents: "module.exports = require('./reader-pdf.js');", loader: 'js' }));
    build.onResolve({ filter: /^\.\/reader-pdf\.js$/, namespace: 'pdf-reader-apart' }, () => ({ path: './reader-pdf.js', external: true }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  // Some dependencies are ESM and call createRequire(import.meta.url); in a CommonJS bundle
  // that URL is the bundle's own file.
  define: { 'import.meta.url': '__attestBundleUrl' },
  banner: { js: bundleUrl },
  plugins: [pdfReaderApart],
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // dist/server.js starts dist/server-main.js with a V8 code cache (server/src/bootstrap.ts).
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server-main.js' },
  { ...common, entryPoints: ['server/src/bootstrap.ts'], outfile: 'dist/server.js', banner: {}, define: {}, sourcemap: false },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${bundleUrl}` } },
  { ...common, entryPoints: ['server/src/corpus/readers/pdf.ts'], outfile: 'dist/reader-pdf.js' },
];

/** Parses corpus/*.md into dist/corpus.json with the same code the server uses. */
async function buildCorpusIndex() {
  const { execFileSync } = await import('node:child_process');
  await esbuild.build({ ...common, minify: false, sourcemap: false, entryPoints: ['scripts/build-corpus-index.ts'], outfile: '.cache/build-corpus-index.cjs' });
  execFileSync(process.execPath, ['.cache/build-corpus-index.cjs'], { stdio: 'inherit' });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching client, server and CLI');
} else {
  await Promise.all([...builds.map((b) => esbuild.build(b)), buildCorpusIndex()]);
}
