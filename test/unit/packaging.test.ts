// What the .vsix holds (.vscodeignore), as `vsce ls` lists it: the manifest, README, the
// bundles without source maps, the corpus index, the bundled papers (for "Show source"),
// docs/checks.md, snippets and the grammar; no sources, tests, raw corpus or node_modules.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

describe('the packaged extension', () => {
  const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .sort();

  it('holds only what runs or is shown', () => {
    const allowed = [/^package\.json$/, /^README\.md$/, /^LICENSE(\.md|\.txt)?$/, /^dist\/[^/]+\.js$/, /^dist\/corpus\.json$/, /^docs\/checks\.md$/, /^docs\/images\/[^/]+\.png$/, /^corpus\/[^/]+\.md$/, /^snippets\//, /^syntaxes\//];
    expect(files.filter((f) => !allowed.some((a) => a.test(f)))).toEqual([]);
  });

  it('ships the bundles, the corpus index and every bundled paper', () => {
    const papers = readdirSync(path.join(root, 'corpus'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `corpus/${f}`);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/extension.js', 'dist/server.js', 'dist/server-main.js', 'dist/reader-pdf.js', 'dist/reader-html.js', 'dist/reader-docx.js', 'dist/corpus.json', 'docs/checks.md', ...papers]));
    expect(files.some((f) => f.startsWith('snippets/'))).toBe(true);
    expect(files.some((f) => f.startsWith('syntaxes/'))).toBe(true);
  });
});
