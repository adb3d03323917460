// Builds the bundles: the VS Code client (vscode stays external), the language server
// (everything bundled, runs under VS Code's Node or `--stdio`), the CLI, and the readers of
// heavy formats, each a bundle of its own.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const bundleUrl = "const __attestBundleUrl = require('node:url').pathToFileURL(__filename).href;";

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
};

/**
 * The readers of heavy formats (server/src/corpus/readers/<name>.ts), each with its libraries
 * in a bundle of its own, dist/reader-<name>.js, which the server and the CLI require when a
 * file of that kind is first read: a start neither reads nor compiles them.
 */
const lazyReaders = ['pdf', 'html', 'docx'];
const lazyReadersPlugin = {
  name: 'lazy-readers',
  setup(build) {
    const filter = new RegExp(`^\\./(${lazyReaders.join('|')})$`);
    // import('./html') in readers/index.ts becomes require('./reader-html.js') at run time.
    build.onResolve({ filter }, (args) => (/readers[\\/]index\.ts$/.test(args.importer) ? { path: args.path.slice(2), namespace: 'lazy-reader' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'lazy-reader' }, (args) => ({ contents: `module.exports = require('./reader-${args.path}.js');`, loader: 'js' }));
    build.onResolve({ filter: /^\.\/reader-/, namespace: 'lazy-reader' }, (args) => ({ path: args.path, external: true }));
  },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // dist/server.js starts dist/server-main.js with a V8 code cache (server/src/bootstrap.ts).
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server-main.js', plugins: [lazyReadersPlugin] },
  { ...common, entryPoints: ['server/src/bootstrap.ts'], outfile: 'dist/server.js', banner: {}, define: {}, sourcemap: false },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${bundleUrl}` }, plugins: [lazyReadersPlugin] },
  ...lazyReaders.map((name) => ({ ...common, entryPoints: [`server/src/corpus/readers/${name}.ts`], outfile: `dist/reader-${name}.js` })),
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
