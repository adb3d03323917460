// `attest sources`: what the checker checks against, with counts and import problems.
import { shortLabel } from '../core/citation';
import { loadCliCorpus, type CorpusOptions } from './corpus';

export async function sourcesCommand(options: CorpusOptions): Promise<number> {
  const { corpus, warnings } = await loadCliCorpus(options);
  for (const source of corpus.sources.values()) {
    const { meta } = source;
    const figures = source.passages.reduce((n, p) => n + corpus.figures(p.index).length, 0);
    const defined = source.footnotes.filter((f) => !f.missing).length;
    process.stdout.write(`${meta.id}${source.bundled ? ' (bundled)' : ''}\n`);
    process.stdout.write(`  ${shortLabel(meta)}: ${meta.title}${meta.container ? `. ${meta.container}` : ''}${meta.doi ? `. doi:${meta.doi}` : ''}\n`);
    process.stdout.write(`  ${source.passages.length} passages, ${defined} footnotes defined, ${figures} figures and dates, ${source.references.length} references, ${Object.keys(source.acronyms).length} acronyms\n`);
    for (const problem of source.problems) process.stdout.write(`  problem: ${problem.message}\n`);
  }
  for (const warning of warnings) process.stderr.write(`attest: ${warning}\n`);
  return 0;
}
