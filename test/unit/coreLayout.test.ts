// The core reads as the pipeline a claim goes through: each folder a step, and a file imports
// only from its own step and the steps before it, never from the LSP or the file system.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const core = path.resolve(__dirname, '..', '..', 'server', 'src', 'core');
const steps = ['draft', 'claims', 'facts', 'retrieval', 'verdicts', 'findings'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** The step of a core file: its folder's place in the pipeline; shared files at the root come first, the checker last. */
function stepOf(file: string): number {
  const folder = path.relative(core, file).split(path.sep)[0]!;
  if (steps.includes(folder)) return steps.indexOf(folder);
  return path.basename(file) === 'checker.ts' ? steps.length : -1;
}

describe('the core library', () => {
  const sources = files(core);
  const imports = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);

  it('has a folder for each step of the pipeline', () => {
    for (const step of steps) expect(statSync(path.join(core, step)).isDirectory()).toBe(true);
  });

  it('imports each file from its own step or an earlier one', () => {
    const late = sources.flatMap((file) =>
      imports(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => path.resolve(path.dirname(file), spec) + '.ts')
        .filter((target) => stepOf(target) > stepOf(file))
        .map((target) => `${path.relative(core, file)} imports ${path.relative(core, target)}`),
    );
    expect(late).toEqual([]);
  });

  it('touches neither the LSP nor the file system', () => {
    const outside = sources.flatMap((file) => imports(file).filter((spec) => /^(?:node:)?(?:fs|fs\/promises|path|child_process)$|^vscode/.test(spec)).map((spec) => `${path.relative(core, file)}: ${spec}`));
    expect(outside).toEqual([]);
  });
});
