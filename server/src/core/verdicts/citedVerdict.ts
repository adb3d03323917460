// A claim whose sentence cites sources is judged against them first: what they say is the
// verdict (a different value is a contradiction of the cited source, whatever another says);
// only when none of them states it do the other sources speak, and then the verdict says so.
import type { Corpus } from '../retrieval/corpus';
import type { Verdict } from '../types';

export interface CitedSources {
  ids: readonly string[];
  /** The corpus seen through those sources only (see onlySources). */
  corpus: Corpus;
}

/** `cited` is undefined when the sentence cites nothing, or cites something that names no readable source (it may be what states the claim). */
export function judgeCited(cited: CitedSources | undefined, corpus: Corpus, judge: (corpus: Corpus, cited: boolean) => Verdict): Verdict {
  if (!cited) return judge(corpus, false);
  const own = judge(cited.corpus, true);
  if (own.verdict !== 'unsourced') return own;
  const any = judge(corpus, false);
  return any.verdict === 'supported' ? { ...any, notStatedBy: [...cited.ids] } : any;
}
