// Judges a figure or date claim against the corpus: find source figures of the same unit,
// align each one's clause with the draft sentence, and decide supported, contradicted or
// unsourced. A contradiction needs a strong subject match; otherwise silence (unsourced).
import type { Corpus, SourceFigure } from '../retrieval/corpus';
import { isDate, otherThingAfter } from '../claims/claims';
import { framingSpans, inFraming } from '../claims/framing';
import { listsPassage, mayReach, rankPassages } from '../retrieval/retrieval';
import { sentenceOf } from '../claims/sentences';
import { choose, floorScore, Settled, thresholds, type Candidate } from './figureDecision';
import { compatibleWith, farApart } from './valueAgreement';
import { footnoteFor } from './sourceFootnote';
import { otherMonthOfYear, sameFigureDate, samePeriod } from './timeVerdict';
import { draftFacts, explainedBy } from './sentenceFacts';
import { dateFraming, heldTimes, sourceSentenceTerms, sourceSide, subjectOf, toldOnly, withTitle, type SourceSide } from './sourceSide';
import { eventHoldersStated, factMatch, heldByAnother, holdersStated, onceOf, sameHoldersAndMeasure, valueGivenBySibling } from './factMatch';
import { passageView, titleCountries, type PassageView } from '../retrieval/passageView';
import { matchSubject, subjectCeiling, subjectProfile, type SubjectProfile, type Variants } from '../retrieval/subject';
import type { Term } from '../claims/terms';
import { attributedOf, oncePerTerm } from './lookups';
import { sameRoute } from '../facts/place';
import { agreement, describeDifference, differences, goalAsDone, isOtherFact, otherMeasures, promiseAgainstDeed } from '../facts/compare';
import { withMeasureSynonyms, type Fact } from '../facts/fact';
import { clauseAround, compareEvents, eventOf, isSaying, writingWords, type Event } from '../facts/event';
import { unitFamily, unitsInFamily } from '../claims/units';
import { isNotePassage, type Claim, type Evidence, type Figure, type Span, type Verdict } from '../types';

export interface JudgeOptions {
  /** Match every source figure that could reach the support threshold, not only those that could change the verdict (for tests). */
  exhaustive?: boolean;
  /** The corpus is the sources the draft's sentence cites (see judgeCited). */
  cited?: boolean;
  /** The claim is a date that is a figure's time: it is judged only as the date of an event its clause names. */
  eventOnly?: boolean;
}

export function judgeFigure(claim: Claim, draftText: string, draftTerms: readonly Term[], draftFigures: readonly Figure[], corpus: Corpus, options: JudgeOptions = {}): Verdict {
  // A source figure that agrees with another figure of the same sentence is that figure's
  // evidence, not a contradiction of this one ("$700 million, and … a $14 billion investment").
  const facts = draftFacts(draftText, draftTerms, draftFigures, claim.sentence, corpus, claim.context, claim.antecedent, claim.pagePair);
  // Only if it is the same fact: "imports of $250 million" is no evidence for "exports of $250 million".
  // Likewise a source date that is another date of the sentence ("signed on 14 March 2025 … by 2030" against the source's 2030).
  const otherDates = isDate(claim.figure!) ? draftFigures.filter((f) => isDate(f) && f.start !== claim.figure!.start && f.start >= claim.sentence.start && f.end <= claim.sentence.end) : [];
  const explainsAnother = (c: Candidate): boolean =>
    isDate(claim.figure!) ? otherDates.some((d) => sameFigureDate(d, c.source.figure)) : explainedBy(facts, c).some((start) => start !== claim.figure!.start);
  const { candidates, elsewhen } = figureCandidates(claim, draftText, draftTerms, draftFigures, corpus, (c) => c.compatible || !explainsAnother(c), options);
  const fact = isDate(claim.figure!) ? undefined : facts.get(claim.figure!.start)?.fact;
  const verdict = decide(claim, candidates, corpus, fact && { ...fact, time: claim.period }, options.cited);
  // A source gives the draft's value for the same holders and measure in another year: the
  // draft's year, not its value, is the likelier slip, so a value the source does not date to
  // the draft's year is no contradiction ("Of the $14 billion that Moscow pledged … in 2018"
  // against the $14 billion of 2019 and the CPEC website's undated $46 billion). One it does
  // date so still is ("$36 million in 2018" where the source gives 2018's $90 million).
  const against = verdict.verdict === 'contradicted' ? candidates.find((c) => c.source.figure === verdict.evidence[0]?.sourceFigure) : undefined;
  const times = against ? heldTimes(against) : [];
  return elsewhen && against && !(claim.period && times.some((t) => sameFigureDate(claim.period!, t))) ? { claim, verdict: 'unsourced', evidence: [] } : verdict;
}

/**
 * The source figures of the claim's unit that could speak to it and that `keep` keeps, with
 * how well their subject matches; without those that cannot change the verdict (Settled).
 */
function figureCandidates(claim: Claim, draftText: string, draftTerms: readonly Term[], draftFigures: readonly Figure[], corpus: Corpus, keep: (c: Candidate) => boolean, options: JudgeOptions): { candidates: Candidate[]; elsewhen: boolean } {
  const figure = claim.figure!;
  const exclude: Span[] = [{ start: figure.qualifierStart ?? figure.start, end: figure.end }];
  if (claim.period) exclude.push({ start: claim.period.start, end: claim.period.end });
  // Other figures in the draft sentence are not subject words; a place in a series is ("the second Belt and Road Forum").
  for (const f of draftFigures) if (f.kind !== 'rank' || f === figure) exclude.push({ start: f.start, end: f.end });
  const other = isDate(figure) ? undefined : otherThingAfter(draftText, figure, draftFigures, claim.sentence);
  if (other) exclude.push(other);
  // A dateline and a reporting clause ("…, Pakistani officials said on Tuesday") say who told it, not what it is about.
  for (const span of framingSpans(draftText, claim.sentence)) if (!inFraming([span], figure)) exclude.push(span);
  const event = isDate(figure) ? eventOf(draftText, figure, claim.sentence, draftTerms, corpus.vocabulary, draftFigures.filter(isDate)) : undefined;
  if (event?.action === 'publication') exclude.push(...writingWords(draftText, claim.sentence, draftTerms));
  const own = isDate(figure) ? undefined : draftFacts(draftText, draftTerms, draftFigures, claim.sentence, corpus, claim.context, claim.antecedent, claim.pagePair).get(figure.start);
  const profile = subjectProfile(
    draftTerms.filter((t) => t.start >= claim.sentence.start && t.end <= claim.sentence.end),
    exclude,
    corpus.vocabulary,
    corpus.idf,
    {
      // A date's subject is its own clause: "…Mao in 1950, and the relationship has held ever since".
      clause: own?.clause ?? (isDate(figure) ? clauseAround(draftText, figure, claim.sentence) : undefined),
      // A capitalised word is a name ("Gulf", "Muzaffargarh"), unless it only opens the sentence and the sources write it in lower case.
      isName: (t) => /\p{Lu}/u.test(draftText[t.start] ?? '') && (draftText.slice(claim.sentence.start, t.start).trim() !== '' || corpus.isName(t.term)),
    },
  );
  const candidates: Candidate[] = [];
  /** Whether a source gives the draft's value for its holders and measure at another time. */
  let elsewhen = false;
  // "Published May 20, 2020", "Updated 3 March": a page's own stamp names nothing a source could date.
  if (isDate(figure) && [...profile.weights.keys()].every(isSaying)) return { candidates, elsewhen: false };
  // A market of 200 million customers is 200 million people.
  const units = new Set(isDate(figure) ? [] : unitsInFamily(unitFamily(figure.unit)));
  // A source's "billions of dollars" speaks only to a draft's vague figure, not to "$7 billion".
  const comparable = (f: Figure): boolean => (isDate(figure) ? isDate(f) : units.has(f.unit) && !isDate(f) && (!f.vague || Boolean(figure.vague)));
  const fact = own && { ...own.fact, time: claim.period };
  if (options.eventOnly && !event?.action) return { candidates, elsewhen: false };
  const draft: DraftSide = {
    claim,
    profile,
    fact,
    event,
    // A measure with no holder states a fact only in a source the sentence cites for it ("The $45 million factory … [@report]").
    statesFact: Boolean((fact?.measure && (fact.holders.length || figure.kind === 'quantity' || options.cited)) || event?.action),
    cited: options.cited === true,
    attributed: () => attributedOf(draftText, draftFigures, claim.sentence, corpus),
  };
  // Passages and sentences whose subject cannot reach the score a candidate needs to change
  // the verdict (see Settled) are not matched; ceilings are subject weights, scores shares of it.
  const settled = new Settled(claim.kind, options.cited);
  const needed = (compatible: boolean): number => (options.exhaustive ? floorScore : settled.needed(compatible)) * profile.total;
  // A source figure that states the draft's fact may be raised above what its words score (see
  // factMatch); that needs the draft's holders in its sentence, and then only the floor prunes.
  const holders = fact?.holders ?? event?.holders ?? [];
  const mayState = (has: (term: string) => boolean): boolean => draft.statesFact && holders.every(has);
  // The corpus's spelling variants of the draft's terms, looked up once per claim.
  const variants: Variants = oncePerTerm((term) => corpus.variants(term));
  // What a passage can score counts the draft's measure word as found under any of its synonyms.
  const reach = oncePerTerm(withMeasureSynonyms(variants, own?.fact));
  // The draft's terms, weightiest first, and the passages that list each, for the index's screen.
  const screen = [...profile.weights].sort((a, b) => b[1] - a[1]);
  const postings = oncePerTerm((term) => corpus.passagesWithTerm(term));
  // A source figure that agrees with the draft's and states its fact needs no shared words
  // ("headed the Russian delegation who pledged to allocate US$14 billion" is "Russia promised
  // a $14 billion investment"); one that disagrees needs the floor's share of them.
  const floorWeight = floorScore * profile.total;
  // Only passages that share the draft's subject can support or contradict it.
  for (const { passage } of rankPassages(profile.weights.keys(), corpus, candidatePassages)) {
    let least = Infinity;
    for (const f of corpus.figures(passage)) if (comparable(f)) least = Math.min(least, needed(compatibleWith(figure, f)));
    // A holder may be named only in the source's title ("Pakistan, Uzbekistan sign …", for "the
    // two sides"). Looked up only among the sources the draft cites: elsewhere it would read
    // every source's record, and a passage read for its words still finds it (subjectOf).
    const inTitle = options.cited ? titleCountries(corpus, corpus.passages[passage]!.sourceId) : [];
    if (least !== Infinity && mayState((h) => listsPassage(postings(h), passage) || inTitle.includes(h))) least = Math.min(least, fact?.route || ((holders.length || draft.cited) && corpus.figures(passage).some((f) => comparable(f) && compatibleWith(figure, f))) ? 0 : floorWeight);
    // For the date of a publication, a footnote has the words of the sentences that cite it (PassageView.citedFor).
    const cites = draft.event?.action === 'publication' && isNotePassage(corpus.passages[passage]!) ? passageView(passage, corpus).citedFor : undefined;
    if (least === Infinity || !mayReach(screen, reach, (term) => listsPassage(postings(term), passage) || inTitle.includes(term) || cites?.has(term) === true, least)) continue;
    const view = passageView(passage, corpus);
    const ceilings = new Map<string, number>();
    view.figures.forEach((sourceFigure, index) => {
      if (!comparable(sourceFigure)) return;
      const sentence = dateFraming(view, sourceFigure, sentenceOf(view.sentences, sourceFigure, view.text));
      if (isDate(sourceFigure) && toldOnly(view, sourceFigure, sentence)) return;
      const subject = subjectOf(view, sentence, corpus);
      const key = `${sentence.start}:${sentence.end}`;
      const ceiling = ceilings.get(key) ?? subjectCeiling(profile, withTitle(sourceSentenceTerms(view, subject.span, draft), subject.titleHolders), withTitle(view.termSet, subject.titleHolders), reach);
      ceilings.set(key, ceiling);
      // A sentence of "the two nations" has the pair the sentence before names; one of a short report, its headline's countries (subjectOf).
      const own = sourceSentenceTerms(view, subject.span, draft);
      const { pair, titleHolders } = subject;
      const inSentence = (h: string): boolean => own.has(h) || (pair !== undefined && corpus.vocabulary.countries.has(h) && view.sentenceSet(pair).has(h)) || titleHolders?.includes(h) === true;
      const sentenceTerms = { has: inSentence };
      const agreeing = (holders.length > 0 || draft.cited) && compatibleWith(figure, sourceFigure);
      // A route's length is judged on its route (judgeCandidate), whatever else its sentence says.
      const floor = fact?.route || (agreeing && draft.statesFact && holdersStated(holders, sentenceTerms, view.reportTerms)) ? 0 : mayState(inSentence) ? floorWeight : Infinity;
      if (ceiling < Math.min(floor, needed(compatibleWith(figure, sourceFigure)))) return;
      const source = sourceSide(view, index, sentence, subject, corpus);
      const sourceTimes = heldTimes(source);
      if (claim.period && sourceTimes.length && fact && source.fact && !sourceTimes.some((t) => sameFigureDate(claim.period!, t)) && compatibleWith(figure, sourceFigure) && sameHoldersAndMeasure(fact, source.fact)) elsewhen = true;
      const siblings = (): (Fact | undefined)[] => view.figures.map((f, j) => (j !== index && f.start >= sentence.start && f.end <= sentence.end && comparable(f) ? sourceSide(view, j, sentence, subject, corpus).fact : undefined));
      const candidate = judgeCandidate(draft, { passage, sentence, figure: sourceFigure }, source, view, variants, corpus, siblings);
      if (!candidate || !keep(candidate)) return;
      candidates.push(candidate);
      settled.add(candidate, citedBySource(candidate, corpus));
    });
  }
  return { candidates, elsewhen };
}

/** What a candidate's verdict needs of the draft: the same for every source figure. */
interface DraftSide {
  claim: Claim;
  profile: SubjectProfile;
  /** What the draft's figure measures, for whom, when and how; none for a date. */
  fact?: Fact;
  /** For a date: the event it dates. */
  event?: Event;
  /** The fact names its measure and a holder (or, for a source the sentence cites, only its measure), or the date its event: a source may state the same fact (factMatch). */
  statesFact: boolean;
  /** The sources judged are those the sentence cites. */
  cited: boolean;
  /** The names the draft attributes its claim to ("According to Abbasi"): perhaps a source's authors; worked out when first asked. */
  attributed(): ReadonlySet<string>;
}

/** How many of the passages that share the most with the draft sentence are searched for its figure. */
const candidatePassages = 40;

function judgeCandidate(draft: DraftSide, sourceFigure: SourceFigure, source: SourceSide, view: PassageView, variants: Variants, corpus: Corpus, siblings: () => (Fact | undefined)[]): Candidate | undefined {
  const { claim, profile } = draft;
  const figure = claim.figure!;
  const { period } = source;
  const compatible = compatibleWith(figure, sourceFigure.figure);
  // The same value in another month of the same year is the same fact misdated ("a 64-strong group … in
  // November 2019" against the 64-member delegation of December 2019): its time is checked on its own (judgeTime).
  // With another value it is another month's figure.
  // So is a goal's value with another deadline ("3 million tonnes a year by 2030" against "… by 2031"), and a promise's with
  // another year ("In 2018 Russia promised $14 billion" against a promise of 2019): a goal or a promise is made once.
  const once = onceOf(draft.fact, source.fact);
  const misdated = (date: Figure | undefined): boolean => compatible && claim.period !== undefined && date !== undefined && (once !== undefined || otherMonthOfYear(claim.period, date));
  // Two lengths of one route are one fact, whatever the years of their sentences ("first floated in 2012 … some 3,000 kilometres").
  const route = draft.fact?.route && source.fact?.route ? sameRoute(draft.fact.route, source.fact.route) : undefined;
  const periodAgrees = route || !claim.period || !period || samePeriod(claim.period, period) || misdated(period);
  if (!periodAgrees) return undefined;
  // What "has since" changed is later than what a source says: another value there does not contradict it.
  if (draft.fact?.since && !compatible) return undefined;
  // "billions of dollars" is not contradicted by "$700 million": a vague figure is supported or not,
  // unless the source is as vague and of another order ("several hundred million" against "several billion").
  if (figure.vague && !compatible && !sourceFigure.figure.vague) return undefined;
  // A value for another time is another fact, neither support nor contradiction: the draft's year
  // against the date the source's sentence or paragraph gives ("$1 billion in 2021" against "last
  // year" in a 2019 report; "$94 million in 2018" against "… in 2025, while … reached $94 million").
  const sourceTime = source.fact?.context;
  if (!route && claim.period && sourceTime && !samePeriod(claim.period, sourceTime) && !misdated(sourceTime) && !(source.fact?.alsoAt && samePeriod(claim.period, source.fact.alsoAt))) return undefined;
  // An invitation's year is not the year of joining: a date speaks only to a date of the same kind of event.
  const events = draft.event && source.event ? compareEvents(draft.event, source.event) : undefined;
  // The parties of a date's event are its sentence's, not only the countries nearest the date ("… in December 2019. RT reported
  // that a 64-member delegation of Russian businessmen … traveled to Pakistan" is a visit to Pakistan).
  const near = events === 'same' ? source.sentenceTerms : source.nearTerms;
  const matchWith = (found: Variants) => matchSubject(profile, source.clauseTerms, withTitle(sourceSentenceTerms(view, source.subject, draft), source.titleHolders), withTitle(view.termSet, source.titleHolders), near, corpus.vocabulary, found, view.reportTerms);
  const synonymous = withMeasureSynonyms(variants, draft.fact, source.fact);
  let match = matchWith(synonymous);
  // Another word for the measure ("cost" for "investment") lends another value no weight unless the rest of the subject is there on its own.
  if (!compatible && synonymous !== variants) {
    const plain = matchWith(variants);
    const rest = 1 - (profile.weights.get(draft.fact!.measureTerm!) ?? 0) / profile.total;
    if (!(rest > 0 && plain.score / rest >= floorScore)) match = plain;
  }
  let opposite = false;
  let place: Candidate['place'];
  let promise = false;
  let sameEvent = false;
  if (route !== undefined) Object.assign(match, route ? { score: Math.max(match.score, thresholds.factMatch), sentenceScore: Math.max(match.sentenceScore, thresholds.anchor), conflict: false } : { score: match.score * otherFactPenalty, conflict: true });
  else if (draft.fact && source.fact) {
    const differ = differences(draft.fact, source.fact);
    const goalDone = compatible && goalAsDone(draft.fact, source.fact) && sameHoldersAndMeasure(draft.fact, source.fact) && !(claim.period && !beforeWritten(claim.period, corpus.passages[sourceFigure.passage]!.sourceId, corpus));
    // Another measure, or the same flow the other way round, is another fact.
    if (differ.some(isOtherFact) || heldByAnother(draft.fact, source.fact, siblings) || (!compatible && valueGivenBySibling(draft.fact, claim.period, siblings))) Object.assign(match, { score: match.score * otherFactPenalty, conflict: true });
    // A value for another measure ("$46 billion" of investment against trade of "$700 million")
    // contradicts nothing. The words near a figure name its measure too loosely to rule out support.
    // So does a value for a thing at another place (1,350 MW at Muzaffargarh against 600 MW at Jamshoro).
    else if (!compatible && (otherMeasures(draft.fact, source.fact) || differ.includes('place'))) Object.assign(match, { conflict: true });
    // A value hundreds of times the draft's is another fact, not this one misremembered
    // ("less than USD 50 million" of investment against the $14 billion Russia promised), unless
    // it is the same number at another scale ("$14 million" for "$14 billion").
    else if (!compatible && farApart(figure, sourceFigure.figure)) Object.assign(match, { conflict: true });
    // A goal is not an outcome: "plan to increase it to $500 million" does not state today's trade.
    // At the goal's own value it is the goal written as done ("reached $10 million a year" against
    // "agreed … to try to raise it to $10 million a year"): that is the contradiction.
    // Not for a year from the source's own or later: the goal may have been met then, for all it says ("hit $300 million in 2020").
    else if (differ.includes('modality') && !(goalDone && differ.length === 1)) Object.assign(match, { score: match.score * targetPenalty, conflict: true });
    else {
      opposite = differ.includes('direction');
      if (differ.includes('place')) place = { draft: draft.fact.place!, source: source.fact.place! };
      if (promiseAgainstDeed(draft.fact, source.fact) || goalDone) promise = true;
      // Naming another country near the figure ("a 64-member delegation of Russian businessmen")
      // is no conflict when the source's fact has the draft's holders and measure all the same:
      // then its words count as found in its sentence, without the conflict's discount.
      const sameFact = sameHoldersAndMeasure(draft.fact, source.fact);
      // The paragraph may name the holders for an agreeing value; a short report the draft cites, whatever the value.
      const around = compatible || view.reportTerms !== view.termSet ? view.reportTerms : undefined;
      const stated = draft.statesFact && (!match.conflict || sameFact) && ((compatible && (draft.fact.holders.length > 0 || draft.cited)) || match.score >= floorScore || (sameFact && match.sentenceScore >= floorScore)) ? factMatch(draft.fact, source.fact, source.sentenceTerms, around, compatible, corpus.vocabulary.countries) : 0;
      if (stated > match.score) Object.assign(match, { score: stated, sentenceScore: Math.max(match.sentenceScore, thresholds.anchor), conflict: false });
    }
  }
  if (draft.event && source.event) {
    // "his 2015 article", "the Valdai Club's 2012 report": such a year dates that thing, so the draft must speak of it too
    // (of a piece of writing in any words: "his essay", "was published", "appeared").
    const { named } = source.event;
    if (named && !(named === 'wrote' || isSaying(named) ? draft.event.named === 'wrote' || draft.event.action === 'publication' || [...profile.weights.keys()].some(isSaying) : profile.weights.has(named))) Object.assign(match, { score: match.score * namedYearPenalty, conflict: true });
    // The year of a figure that names no event ("trade was $29 million in 2016, but … upon completion of
    // the TAPI pipeline") dates that figure: it contradicts no completion, signing or visit.
    if (draft.event.action && !source.event.action && datesFigure(view, sourceFigure.figure)) Object.assign(match, { score: match.score * otherFactPenalty, conflict: true });
    if (events === 'same') sameEvent = true;
    if (events === 'other') Object.assign(match, { score: match.score * otherFactPenalty, conflict: true });
    // A publication is known by its author and title, not by the countries its sentence names ("Russia and the Future of Eurasia").
    else if (events === 'same' && !match.conflict && ((compatible && draft.event.holders.length > 0 && draft.event.action !== 'publication') || (match.score >= floorScore && (compatible || match.sentenceScore >= thresholds.eventAnchor))) && eventHoldersStated(draft.event.holders, source.sentenceTerms, view.reportTerms, corpus)) {
      if (thresholds.factMatch > match.score) Object.assign(match, { score: thresholds.factMatch, sentenceScore: Math.max(match.sentenceScore, thresholds.anchor) });
    }
  }
  return { ...match, opposite, ...(place && { place }), ...(promise && { promise }), ...(sameEvent && { sameEvent }), source: sourceFigure, fact: source.fact, period, compatible, periodAgrees: Boolean(claim.period && period) };
}


/** The source's date comes right after another of its figures ("$29 million in 2016"): that figure's time. */
function datesFigure(view: PassageView, date: Figure): boolean {
  return view.figures.some((f) => !isDate(f) && f.end <= date.start && /^\s*(?:in|for|during)?\s*$/i.test(view.text.slice(f.end, date.start)));
}

/** The date is before the year the source was written in (its record is read only when asked). */
function beforeWritten(date: Figure, sourceId: string, corpus: Corpus): boolean {
  const written = corpus.sources.get(sourceId)?.meta.year;
  return written !== undefined && (date.date?.year ?? date.value) < written;
}

const namedYearPenalty = 0.35;
const targetPenalty = 0.35;
const otherFactPenalty = 0.3;

/** The source gives its own footnote for the sentence of this figure. */
function citedBySource(c: Candidate, corpus: Corpus): boolean {
  return corpus.passages[c.source.passage]!.footnotes.some((m) => m.offset > c.source.sentence.start && m.offset <= c.source.sentence.end + 2);
}

function decide(claim: Claim, candidates: Candidate[], corpus: Corpus, fact: Fact | undefined, cited = false): Verdict {
  const decision = choose(claim.kind, candidates, (c) => citedBySource(c, corpus), cited, claim.figure);
  if (!decision) return { claim, verdict: 'unsourced', evidence: [] };
  const found: Evidence = evidence(decision.candidate, corpus);
  if (decision.opposite) found.opposite = true;
  if (decision.place) found.place = decision.place;
  if (decision.promise) found.promise = true;
  const chosen = decision.candidate.fact;
  const once = onceOf(fact, chosen);
  if (once) found.once = once;
  if (fact && chosen) found.matched = agreement(fact, chosen);
  // "… says $150 million, and gives $250 million for a flow from Russia to Pakistan": where the draft's value went.
  if (fact && decision.verdict === 'contradicted') {
    for (const c of candidates) {
      const other = c.fact && c.compatible && c.source.passage === decision.candidate.source.passage ? differences(fact, c.fact).find(isOtherFact) : undefined;
      if (other) {
        found.elsewhere = `${c.source.figure.text} ${describeDifference(other, c.fact!)}`;
        break;
      }
    }
  }
  return { claim, verdict: decision.verdict, evidence: [found] };
}

export function evidence(candidate: Candidate, corpus: Corpus): Evidence {
  const { source } = candidate;
  const passage = corpus.passages[source.passage]!;
  const quote = passage.text.slice(source.sentence.start, source.sentence.end);
  return {
    sourceId: passage.sourceId,
    passageIndex: passage.index,
    locator: passage.locator,
    footnote: footnoteFor(passage.footnotes, source.sentence, source.figure.end, passage.text),
    quote,
    highlight: { start: source.figure.start - source.sentence.start, end: source.figure.end - source.sentence.start },
    sourceValue: source.figure.text,
    sourceFigure: source.figure,
    ...(candidate.fact?.alsoAt && !candidate.period && { alsoAt: candidate.fact.alsoAt }),
    score: Math.round(candidate.score * 100) / 100,
  };
}
