// Bundles the benchmark's probes (child processes and worker threads) with esbuild, as the
// server itself is bundled, so that they start like dist/server.js does and not through tsx.
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from './material';

export const cacheDir = path.join(repoRoot, '.cache', 'bench');

export async function bundleProbe(name: string): Promise<string> {
  const outfile = path.join(cacheDir, `${name}.cjs`);
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'bench', 'probes', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    define: { 'import.meta.url': '__attestBundleUrl' },
    banner: { js: "const __attestBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  return outfile;
}
