// `attest sources`: what the checker checks against, with counts and import problems, as
// text for people or as JSON.
import { shortLabel } from '../core/findings/citation';
import { loadCliCorpus, type CorpusOptions } from './corpus';
import { isWorkPassage } from '../core/types';

export interface SourceListing {
  id: string;
  bundled: boolean;
  label: string;
  title: string;
  container: string | null;
  doi: string | null;
  passages: number;
  footnotesDefined: number;
  figures: number;
  references: number;
  acronyms: number;
  problems: string[];
}

export async function sourcesCommand(options: CorpusOptions & { format: 'stylish' | 'json' }): Promise<number> {
  const { corpus, warnings } = await loadCliCorpus(options);
  const listings: SourceListing[] = [...corpus.sources.values()].map((source) => ({
    id: source.meta.id,
    bundled: Boolean(source.bundled),
    label: shortLabel(source.meta),
    title: source.meta.title,
    container: source.meta.container ?? null,
    doi: source.meta.doi ?? null,
    // Passages of the body: its footnotes are counted as footnotes.
    passages: source.passages.filter((p) => !isWorkPassage(p)).length,
    footnotesDefined: source.footnotes.filter((f) => !f.missing).length,
    figures: source.passages.reduce((n, p) => n + corpus.figures(p.index).length, 0),
    references: source.references.length,
    acronyms: Object.keys(source.acronyms).length,
    problems: source.problems.map((p) => p.message),
  }));
  for (const warning of warnings) process.stderr.write(`attest: ${warning}\n`);
  process.stdout.write(options.format === 'json' ? JSON.stringify({ sources: listings }, null, 2) + '\n' : listings.map(text).join(''));
  return 0;
}

function text(s: SourceListing): string {
  return [
    `${s.id}${s.bundled ? ' (bundled)' : ''}`,
    `  ${s.label}: ${s.title}${s.container ? `. ${s.container}` : ''}${s.doi ? `. doi:${s.doi}` : ''}`,
    `  ${s.passages} passages, ${s.footnotesDefined} footnotes defined, ${s.figures} figures and dates, ${s.references} references, ${s.acronyms} acronyms`,
    ...s.problems.map((p) => `  problem: ${p}`),
  ]
    .map((line) => line + '\n')
    .join('');
}
