// The fact model: what a figure measures, for whom, which way, in what modality and when,
// read the same way from a draft's sentence and a source's.
import { describe, expect, it } from 'vitest';
import { clauseOf, isDate, periodOf } from '../../server/src/core/claims/claims';
import { compareEvents, eventOf, type Event } from '../../server/src/core/facts/event';
import { describeFact, differences, otherMeasures, promiseAgainstDeed } from '../../server/src/core/facts/compare';
import { factOf, type Fact } from '../../server/src/core/facts/fact';
import { extractFigures } from '../../server/src/core/claims/figures';
import { splitSentences } from '../../server/src/core/claims/sentences';
import { createVocabulary, termsOf } from '../../server/src/core/claims/terms';

const vocabulary = createVocabulary();

/** The facts of a sentence's amounts, in order. */
function facts(sentence: string): Fact[] {
  const found = extractFigures(sentence, 0, sentence.length);
  const amounts = found.filter((f) => !isDate(f));
  const dates = found.filter(isDate);
  const terms = termsOf(sentence, vocabulary);
  // The last sentence is the one read; what comes before it is its paragraph.
  const last = splitSentences(sentence, 0, sentence.length).at(-1)!;
  const context = dates.filter((d) => d.end <= last.start).at(-1);
  const own = amounts.filter((f) => f.start >= last.start);
  return own.map((f) => factOf(sentence, f, clauseOf(sentence, f, own, last), last, terms, vocabulary, periodOf(sentence, f, own, dates, last), context));
}
const described = (sentence: string): string[] => facts(sentence).map(describeFact);

describe('a fact', () => {
  it('names the measure its own clause gives, not the one of another clause', () => {
    expect(described("Pakistan's exports to Russia reached $150 million while imports from Russia are worth $250 million.")).toEqual([
      'exports pakistan→russia = $150 million',
      'exports russia→pakistan = $250 million',
    ]);
  });

  it('takes a city after "in" or "at" as where it happened, not whose it is; a population as the people of the country named closest', () => {
    expect(described('The three governments signed in Tashkent a deal for a line costing $4.8 billion.')).toEqual(['investment = $4.8 billion']);
    expect(described('At the summit in Islamabad, Moscow pledged $1 billion.')).toEqual(['investment russia = $1 billion (future)']);
    expect(described("Pakistan's over 200 million people represent a promising market for the EAEU's exports.")).toEqual(['population pakistan = 200 million people']);
  });

  it('starts a new clause at "and" before a new subject, so each flow keeps its own partner', () => {
    expect(described("Of that, Pakistan's exports came to $264 million and its imports from Uzbekistan to $148 million.")).toEqual([
      'exports pakistan→? = $264 million',
      'exports uzbekistan→pakistan = $148 million',
    ]);
    // "with Pakistan's exports …": after "with", a possessive country is still whose the flow is, and "its imports" are its.
    expect(described("Trade stood at $400 million, with Pakistan's exports to Russia at $250 million and its imports at $150 million.")).toEqual([
      'trade = $400 million',
      'exports pakistan→russia = $250 million',
      'exports ?→pakistan = $150 million',
    ]);
  });

  it('reads a flow the same whichever side names it', () => {
    expect(described("Russia's imports from Pakistan were $150 million.")).toEqual(['exports pakistan→russia = $150 million']);
    expect(described('At the time Pakistan sold goods worth $250 million a year, against imports of $150 million.')).toEqual([
      'exports pakistan→? = $250 million',
      'exports ?→pakistan = $150 million',
    ]);
    expect(facts('Pakistan sold goods, against imports of $150 million.')[0]!.holders).toEqual(['pakistan']);
    // "sold Russia $150 million worth": the country right after the verb buys.
    expect(described('Pakistan sold Russia $150 million worth of goods.')).toEqual(['exports pakistan→russia = $150 million']);
  });

  it('ends where a clause describing the noun before it closes, so what the sentence goes on to say is not its', () => {
    expect(described("Manturov's delegation, which comprised 64 Russian business leaders, also agreed to help Pakistan Steel Mills with $1 billion.")).toEqual([
      'members russia = 64 Russian business leaders',
      'russia+pakistan = $1 billion',
    ]);
    expect(facts('Pakistan, with over 200 million people, is a close partner of China.')[0]!.holders).toEqual(['pakistan']);
  });

  it('keeps the year it holds for, and a rise or a fall said beside it', () => {
    expect(described('Trade between Pakistan and Afghanistan rose by 20% in 2018.')).toEqual(['trade pakistan+afghanistan rise 2018 = 20%']);
    expect(described('Bilateral trade fell to $700 million in 2019.')).toEqual(['trade fall 2019 = $700 million']);
    expect(described('Trade was up 20 per cent in 2018.')).toEqual(['trade rise 2018 = 20 per cent']);
    // The value a change starts from is a level, and its year is its own, not the change's.
    expect(described("Pakistan's seafood exports to Russia reached $18.7 million in 2023-24, up from $11.2 million in 2022-23, an increase of 67 percent.")).toEqual([
      'exports pakistan→russia 2023-24 = $18.7 million',
      'exports pakistan→? 2022-23 = $11.2 million',
      'exports pakistan→russia rise 2023-24 = 67 percent',
    ]);
    expect(described('Trade rose from $141 million in 2024 to $186 million in 2025.')).toEqual(['trade 2024 = $141 million', 'trade rise 2025 = $186 million']);
    // The end of a change is said as its start is: both expected.
    expect(described("The dam's output is expected to rise from about 900 gigawatt-hours to 1,140 GWh a year.").map((d) => d.endsWith('(goal)'))).toEqual([true, true]);
    // A value a change starts from, with no date of its own, held before (the claims reader dates "the year before", relativeDates.test.ts).
    expect(described('Eight Pakistani plants are now cleared to export to Russia, up from three.')).toEqual(['plant pakistan+russia = Eight Pakistani plants', 'plant pakistan+russia before = three']);
    expect(described('Russia allocated 300 scholarships to Pakistani students for 2025-26, up from 250 the year before.')).toEqual([
      'scholarship russia+pakistan 2025-26 = 300 scholarships',
      'scholarship russia+pakistan before = 250',
    ]);
    // "against" an earlier value, not another fact of the same time.
    expect(described('Eight plants are cleared, against five before the talks.').map((d) => d.includes('before'))).toEqual([false, true]);
    expect(described('Exports were worth $150 million, against some $250 million of imports.').map((d) => d.includes('before'))).toEqual([false, false]);
  });

  it('holds for the start of a period, whether the period comes before the figure or after it', () => {
    expect(described('Between June 2023 and May 2025 Pakistan imported 1.9 million tonnes of Russian crude oil.')).toEqual(['weight russia→pakistan June 2023 = 1.9 million tonnes']);
    expect(described('Pakistan imported 1.9 million tonnes of Russian crude between June 2023 and May 2025.')).toEqual(['weight russia→pakistan June 2023 = 1.9 million tonnes']);
  });

  it('names organisations and projects as holders, and says by its unit what a quantity measures', () => {
    expect(described("CPEC's total investment is expected to reach $60 billion.")).toEqual(['investment cpec = $60 billion (goal)']);
    expect(described('They built a 600 MW plant and a 1,100-km long pipeline.')).toEqual(['capacity = 600 MW', 'length = 1,100-km']);
  });

  it('reads money pledged, allocated or costed as one measure with investment', () => {
    expect(described('The Russian delegation pledged to allocate US$14 billion.')).toEqual(['investment russia = US$14 billion (future)']);
    expect(described('The pipeline will cost $2.5 billion.')).toEqual(['investment = $2.5 billion (future)']);
    expect(described('Moscow earmarked $2.5 billion for the pipeline.')).toEqual(['investment russia = $2.5 billion']);
  });

  it('takes what a count counts as its measure, by its unit: "38 ships" are ships, no shipment', () => {
    expect(described('Some 38 ships called at the port that year.')).toEqual(['ship = 38 ships']);
    // The parties of the deal hold it, whichever is named nearer the figure; a contract's sum is what it costs.
    expect(described("Pakistan Railways signed a $95 million contract with Russia's Transmashholding in March 2022 for 250 diesel locomotives.")).toEqual([
      'investment pakistan+russia March 2022 = $95 million',
      'locomotive pakistan+russia March 2022 = 250 diesel locomotives',
    ]);
    expect(described('a 64-member delegation')).toEqual(['members = 64-member']);
    // Named by its unit alone: "a 64-member business mission".
    expect(described('A 64-member Russian business mission wrapped up its visit.')).toEqual(['members russia = 64-member']);
  });

  it('reads an anniversary as a measure of its parties\' ties, and no other span of years', () => {
    expect(described('In 2024, Russia and China have celebrated seventy-five years of diplomacy.')).toEqual(['anniversary russia+china 2024 = seventy-five years']);
    expect(described('Moscow and Beijing marked 70 years of diplomatic relations, and China draws Russia to Pakistan.')).toEqual(['anniversary russia+china = 70 years']);
    expect(facts('The line was finished eight years after construction began.')[0]!.measure).toBeUndefined();
  });

  it('reads the places a route joins as what its length is of, in place of its holders', () => {
    const route = (sentence: string): readonly string[] | undefined => facts(sentence)[0]!.route;
    expect(route('CPEC brings investment in Pakistan with its plan of connecting Gwadar to Kashghar that covers 3000kms.')).toEqual(['gwadar', 'kashghar']);
    expect(route('Under CPEC, Gwadar is to be linked to Kashgar by a route of some 2,000 km.')).toEqual(['gwadar', 'kashgar']);
    expect(route('The line would open a route to Gwadar, which the corridor links with Kashgar over some 3,000 km.')).toEqual(['gwadar', 'kashgar']);
    expect(route('Moscow will help lay a track from Quetta to Taftan, a stretch of roughly 600 kilometres.')).toEqual(['quetta', 'taftan']);
    expect(facts('Moscow will help lay a track from Quetta to Taftan, a stretch of roughly 600 kilometres.')[0]!.holders).toEqual([]);
    // Not months, not a length without its route, not another quantity.
    expect(route('From January to March crews laid 600 km of track.')).toBeUndefined();
    expect(route('The 3,000 km road was built in 1978.')).toBeUndefined();
    expect(route('A pipeline from Karachi to Lahore will carry 12.4 bcm a year.')).toBeUndefined();
  });

  it('takes a measure only for the kinds of figure it measures', () => {
    // "stake" names a share, which is a percentage: it says nothing of a sum of money.
    expect(described('Russia will take a stake worth $2.5 billion, and a 26 percent stake in the company.')).toEqual(['russia = $2.5 billion (future)', 'share = 26 percent (future)']);
  });

  it('reads money committed, and a valuation, as money put into a thing', () => {
    expect(described("Russia's commitment to the North-South gas pipeline is US$2.5bn.")).toEqual(['investment russia = US$2.5bn']);
    expect(described('The line had a valuation of $5 billion.')).toEqual(['investment = $5 billion']);
  });

  it('takes no measure of money for a time, but the length of a visit: "spent five days", the "Minister of Industry and Trade"', () => {
    expect(described('The delegation spent five days in Pakistan.')).toEqual(['stay pakistan = five days']);
    expect(described('The Minister of Industry and Trade led a four-day visit to Pakistan.')).toEqual(['stay pakistan = four-day']);
    expect(described('Construction of the line in Pakistan will take five years.')).toEqual(['pakistan = five years (future)']);
  });

  it('holds for no date that only bounds a state: "idle since June 2015"', () => {
    expect(described('Russia will invest $1 billion in the steel mill, which has been idle since June 2015.')).toEqual(['investment russia = $1 billion (future)']);
    expect(described('Russia will invest $1 billion in the steel mill in June 2020.')).toEqual(['investment russia June 2020 = $1 billion (future)']);
  });

  it('with no date of its own, keeps the last date its paragraph gave', () => {
    expect(described('A delegation came in December 2019. At the time exports to Russia ran at $250 million, against imports of $150 million.')).toEqual([
      'exports ?→russia (December 2019) = $250 million',
      'exports (December 2019) = $150 million',
    ]);
  });

  it('reads what could be as neither done, promised nor aimed at, for the figure its verb takes', () => {
    expect(described("Russian firms could invest $8 billion in Pakistan's energy sector.")).toEqual(['investment russia+pakistan = $8 billion (possible)']);
    expect(described('Trade might grow to $500 million.')).toEqual(['trade rise = $500 million (possible)']);
    // The verb takes access, not the market: its size is a fact.
    expect(described('CPEC could give Kazakhstan access to a market of more than 200 million people.')).toEqual(['cpec+kazakhstan = 200 million people']);
    const [promise] = facts("Russia promised a $14 billion investment in Pakistan's energy sector.");
    expect(differences(facts("Russian firms could invest $8 billion in Pakistan's energy sector.")[0]!, promise!)).toEqual(['modality']);
  });

  it('reads money right before a thing built or bought as what it costs, and no date of an agreement to build it as its time', () => {
    expect(described('On 15 July 2021 Russia and Pakistan agreed the terms to construct a $2.5 billion (S$3.4 billion) natural gas pipeline.')).toEqual([
      'investment russia+pakistan = $2.5 billion',
      'investment russia+pakistan = S$3.4 billion',
    ]);
    expect(described('The $45 million factory opened last week.')).toEqual(['investment = $45 million']);
    // Not money that only stands near such a word.
    expect(described('Trade through the corridor reached $500 million.')).toEqual(['trade = $500 million']);
  });

  it('gives a part written before its sum ("$2.5bn out of a $14bn energy package") the measure of the sum', () => {
    expect(described('For the pipeline, Moscow had set aside $2.5bn out of a $14bn energy package it promised.')[0]).toBe('investment russia = $2.5bn');
    expect(described('Moscow had set aside $2.5bn out of caution.')[0]).toBe('russia = $2.5bn');
  });

  it('gives a part of a sum the sum\'s holders and modality', () => {
    expect(described("Russia promised Pakistan a $14 billion package for its energy sector, of which $2.5 billion is earmarked for the line.")).toEqual([
      'investment russia+pakistan = $14 billion (future)',
      'investment russia+pakistan = $2.5 billion (future)',
    ]);
    // After a sum, ", with $X …" gives a part of it; without a sum before, "with" is no part.
    expect(described("Moscow pledged $14 billion for Pakistan's power sector, with $2.5 billion set aside for a gas line.")[1]).toBe('investment russia+pakistan = $2.5 billion (future)');
    expect(described("Moscow was pleased, with $2.5 billion set aside for a gas line.")[0]).toBe('russia = $2.5 billion');
    // A sentence that opens with the sum: "Of the $14 billion …, $5 billion …".
    expect(described("Of the $14 billion Moscow promised for Pakistan's energy sector, $5 billion was set aside for a gas line.")[1]).toBe('investment russia+pakistan = $5 billion (future)');
  });

  it('tells a thing only planned from one built: its size is stated either way', () => {
    expect(described('A Russian company has developed a project to convert the station to coal and establish a 600-megawatt plant at Jamshoro.')).toEqual(['capacity russia = 600-megawatt (planned)']);
    expect(described('A Russian firm drew up plans for a 600 MW plant at Jamshoro.')).toEqual(['capacity russia = 600 MW']);
  });

  it('tells a goal from what happened', () => {
    // What a thing should do is expected of it, as "is expected to generate" is.
    expect(described('The wind farm should generate about 400 GWh a year.')).toEqual(['MWh = 400 GWh (goal)']);
    expect(described('Both sides agreed to try to raise trade to $10 million a year.')).toEqual(['trade rise = $10 million (goal)']);
    expect(described('Trade stood at $3.5 million in 2016.')).toEqual(['trade 2016 = $3.5 million']);
    // A headline's wording: a call for a value, and an intent whose infinitive stands far from it.
    expect(described('Kazakh envoy calls for raising trade to $500m.')).toEqual(['trade kazakhstan rise = $500m (goal)']);
    expect(described('Tajikistan wants to take bilateral trade with Pakistan to $500m.')).toEqual(['trade tajikistan+pakistan = $500m (goal)']);
    // An intent with five words before its infinitive, and a target said as what it is for, however far before the figure.
    expect(described('The government wants Aktau and Kuryk together to handle 300,000 TEU a year by 2027.')).toEqual(['TEU 2027 = 300,000 TEU (goal)']);
    expect(described("The government's target is for Aktau and Kuryk together to handle 300,000 TEU a year by 2030.")).toEqual(['TEU 2030 = 300,000 TEU (goal)']);
    // What a thing "was to" do was planned, as what it "is to" do is.
    expect(described('The pipeline was to carry up to 216 thousand barrels a day.')).toEqual(['bbl = 216 thousand barrels (goal)']);
    // A gerund of raising after "of", "on" or "towards" aims as an infinitive does; after "after" it is done.
    expect(described('Dushanbe has spoken of lifting trade to half a billion dollars.')).toEqual(['trade tajikistan = half a billion dollars (goal)']);
    expect(described('Islamabad and Dushanbe have set their sights on lifting annual trade to $500 million.')).toEqual(['trade pakistan+tajikistan = $500 million (goal)']);
    expect(described('After lifting trade to $500 million last year, Dushanbe wants more.')).toEqual(['trade tajikistan = $500 million']);
    // Working towards a value, or aiming for it, is a goal; the date of the agreement is not the value's.
    expect(described('On 15 October 2024 the two prime ministers agreed to work towards $3 billion in annual trade.')).toEqual(['trade = $3 billion (goal)']);
    expect(described('In May 2019 Bishkek and Islamabad agreed to aim for $10 million in trade annually.')).toEqual(['trade kyrgyzstan+pakistan = $10 million (goal)']);
    // A goal word after a pair of figures belongs to the second: the first is what happened.
    expect(described("Pakistan's trade with Uzbekistan was $90 million in 2018, with an eye to tripling its 2019 amount of $100 million to $300 million very soon.")).toEqual([
      'trade pakistan+uzbekistan 2018 = $90 million',
      'trade rise 2019 = $100 million',
      'trade = $300 million (goal)',
    ]);
    // A goal word after a figure is the next figure's when one follows it.
    expect(described('The 1,100-km line is meant to carry 12.4 billion cubic metres of gas a year.')).toEqual(['length = 1,100-km', 'volume = 12.4 billion cubic metres (goal)']);
    // A verb of intent makes a goal with its infinitive; "the planned link" and "plans for a plant" name things.
    expect(described('The link planned under the corridor spans 3,000 km.')).toEqual(['length = 3,000 km']);
    expect(described('A firm drew up plans for a 600 MW plant.')).toEqual(['capacity = 600 MW']);
    expect(described('The corridor has an expected total investment of $60 billion.')).toEqual(['investment = $60 billion (goal)']);
    expect(described("China's eventual outlay on the corridor is put at some sixty billion dollars.")).toEqual(['investment china = sixty billion dollars (goal)']);
    // A goal holds for no date it was set on; what happened holds for its paragraph's date.
    expect(described('The deal was signed on July 15, 2021. The sides agreed to work towards $1 billion in trade.')).toEqual(['trade = $1 billion (goal)']);
    expect(described('The deal was signed on July 15, 2021. Trade stood at $132 million.')).toEqual(['trade (July 15, 2021) = $132 million']);
  });

  it('gives both levels of a change "from X to Y" the subject and the years in order', () => {
    expect(described('Pakistan–Uzbekistan trade more than doubled between 2017 and 2018, from $36 million to above $90 million.')).toEqual([
      'trade pakistan+uzbekistan 2017 = $36 million',
      'trade pakistan+uzbekistan 2018 = $90 million',
    ]);
  });
});

describe('whose fact it is', () => {
  it('is not a country that only dates a thing: "Soviet-era debt"', () => {
    expect(described("Pakistan's repayment of a $93.5 million Soviet-era debt eased the thaw.")).toEqual(['debt pakistan = $93.5 million']);
    expect(described('The Soviet Union lent Pakistan $93.5 million.')).toEqual([expect.stringContaining('ussr')]);
  });
});

describe('two facts speak to each other', () => {
  const [exports, imports] = facts("Pakistan's exports to Russia reached $150 million while imports from Russia are worth $250 million.");
  const differ = (draft: string, source: Fact): string[] => differences(facts(draft)[0]!, source);

  it('when measure, roles, direction and modality agree', () => {
    expect(differ("Russia's imports from Pakistan came to $150 million.", exports!)).toEqual([]);
    expect(differ("Pakistan's exports to Russia were $250 million.", exports!)).toEqual([]);
  });

  it('not when the flow runs the other way, or the measure is another of its kind', () => {
    expect(differ("Pakistan's exports to Russia were $250 million.", imports!)).toEqual(['roles']);
    expect(differ('Trade between the two countries was $150 million.', exports!)).toEqual(['measure']);
  });

  it('as to their values only when they share a measure, one of those their clauses name', () => {
    const [commitments] = facts('The corridor has secured $46 billion in commitments of investment and concessional loans.');
    expect(commitments!.named).toEqual(['investment', 'loan']);
    expect(otherMeasures(facts('Russian loans to Pakistan reached $2 billion.')[0]!, commitments!)).toBe(false);
    expect(otherMeasures(facts('Trade between Russia and Pakistan came to $700 million.')[0]!, commitments!)).toBe(true);
  });

  it('ends a clause at "and" before a name, so each share keeps its own holder', () => {
    expect(described("Qatar's Nebras Power owns 60 percent of the venture and Saudi Arabia's ACWA Power the remaining 40 percent.")).toEqual(['qatar = 60 percent', 'saudi_arabia = 40 percent']);
  });

  it('gives a flow whose clause names neither side the sides of the flow before it', () => {
    expect(described('Trade came to $700 million in 2018, with Pakistani exports to Russia of $250 million and imports of $150 million.')).toEqual([
      'trade 2018 = $700 million',
      'exports pakistan→russia = $250 million',
      'exports russia→pakistan = $150 million',
    ]);
  });

  it('reads buying as importing and selling as exporting', () => {
    // What Pakistan buys comes into Pakistan: the other way from what it sells.
    expect(described('Pakistan sold $150 million of goods to Russia while buying $250 million worth from it.')).toEqual(['exports pakistan→? = $150 million', 'exports ?→pakistan = $250 million']);
    expect(described('Pakistan is selling rice worth $20 million.')).toEqual(['exports pakistan→? = $20 million']);
  });

  it('takes the country before "exporting" after "with" as who trades, and the partner of the flow before as no holder of the next', () => {
    expect(described('A Russian firm will build the plant. Trade stood at $700 million, with Pakistan exporting goods worth $150 million to Russia and importing $250 million.')).toEqual([
      'trade = $700 million',
      'exports pakistan→? = $150 million',
      'exports ?→pakistan = $250 million',
    ]);
  });

  it('reads an amount of a material that its clause calls exports or imports as a flow, keeping its measure', () => {
    expect(described('In 2022 the line carried 1,742 thousand tonnes of Ethiopian exports and 366 thousand tonnes of imports.')).toEqual([
      'weight ethiopia→? 2022 = 1,742 thousand tonnes',
      'weight ?→ethiopia = 366 thousand tonnes',
    ]);
    expect(described('Pakistan exported 2 million tonnes of rice to China.')).toEqual(['weight pakistan→china = 2 million tonnes']);
    // Both ways at once is no one direction.
    expect(described('Import and export freight through Djibouti reached 3 million tonnes.')).toEqual(['weight djibouti = 3 million tonnes']);
  });

  it('takes a flow whose seller is named after "from" as that seller\'s exports, and sets a buyer against a seller', () => {
    const [out] = facts('Exports from Ethiopia came to 366 thousand tonnes.');
    expect(describeFact(out!)).toBe('weight ethiopia→? = 366 thousand tonnes');
    expect(differences(facts("Ethiopia's imports came to 366 thousand tonnes.")[0]!, out!)).toEqual(['roles']);
  });

  it('ends a figure\'s clause at "and" before a verb in the past when another figure follows, which keeps the subject', () => {
    expect(described('A 64-member delegation from Russia toured Pakistan and pledged $1 billion to Afghanistan.')).toEqual([
      'members russia+pakistan = 64-member',
      'investment russia+pakistan+afghanistan = $1 billion (future)',
    ]);
  });

  it('ends a figure\'s clause at ", thus", ", hence", ", making" or ", meaning": what follows is said of the whole', () => {
    expect(described('The project has secured at least $46 billion in commitments of investment, thus making it an opportunity that Russia cannot ignore.')).toEqual(['investment = $46 billion']);
  });

  it('gives each figure of a list its own holder, "and" right before the next figure ending a clause', () => {
    expect(described('The line would run 583 km inside Afghanistan and 177 km in Pakistan.')).toEqual(['length afghanistan = 583 km', 'length pakistan = 177 km']);
  });

  it('keeps the place its clause names after it, but not a country, a capital or a month', () => {
    expect(facts('Russia will build a 600 MW coal plant at Jamshoro.')[0]!.place).toBe('Jamshoro');
    expect(facts('A 1,100-km pipeline will run in Sindh and Punjab.')[0]!.place).toBe('Sindh');
    expect(facts('A 600 MW plant will be built in Islamabad, in Pakistan, in April.')[0]!.place).toBeUndefined();
    // Or the place that names the plant before the figure.
    expect(facts('The Muzaffargarh thermal power station has a capacity of 1,350 MW.')[0]!.place).toBe('Muzaffargarh');
    expect(facts('Pakistan Steel Mills will get $1 billion.')[0]!.place).toBeUndefined();
    // Or the one the figure sizes right after it.
    expect(facts('A Russian firm would convert the 600-megawatt Muzaffargarh thermal power station to coal.')[0]!.place).toBe('Muzaffargarh');
    expect(differences(facts('Russia will build a 600 MW coal plant at Jamshoro.')[0]!, facts('Russia will build a 600 MW coal plant at Muzaffargarh.')[0]!)).toEqual(['place']);
  });

  it('not when the amounts are of other materials: tonnes of chickpeas are not tonnes of lentils', () => {
    const [chickpeas] = facts('Pakistan imported 500,000 tonnes of chickpeas in 2024.');
    expect(chickpeas!.goods?.text).toBe('chickpeas');
    expect(differ('Pakistan imported 1.1 million tonnes of lentils in 2024.', chickpeas!)).toEqual(['goods']);
    // Whose it is and how it is qualified do not make it another material.
    expect(facts('A bulk carrier discharged 55,000 tonnes a year of Russian wheat at Gwadar.')[0]!.goods?.text).toBe('Russian wheat');
    expect(differ('The ship unloaded 55,000 tonnes of wheat.', facts('A bulk carrier discharged 55,000 tonnes of Russian wheat at Gwadar.')[0]!)).toEqual([]);
    expect(differ('Pakistan bought 500,000 tonnes of the chickpeas from Australia.', chickpeas!)).toEqual([]);
  });

  it('takes both countries of the clause as the pair when only one stands at the word "trade"', () => {
    expect(facts('Uzbekistan and Pakistan want their two-way trade to reach half a billion dollars.')[0]!.pair).toEqual(['uzbekistan', 'pakistan']);
  });

  it("not when the source's trade is of a pair the draft's countries leave one of out", () => {
    const [afghan] = facts('Pakistani-Afghanistani trade was around $1 billion.');
    // "Bilateral trade is said to exceed $1 billion", after a sentence on Pakistan, Moscow and India.
    const bilateral: Fact = { ...facts('Bilateral trade is said to exceed $1 billion a year.')[0]!, holders: ['pakistan', 'russia', 'india'] };
    expect(differences(bilateral, afghan!)).toEqual(['pair']);
    expect(differences({ ...bilateral, holders: ['pakistan', 'afghanistan'] }, afghan!)).toEqual([]);
  });

  it('not when the trade is between another pair of countries', () => {
    const [pair] = facts('Pakistani-Afghanistani trade, worth $1 billion, matters to India and Iran.');
    expect(pair!.pair).toEqual(['pakistan', 'afghanistan']);
    expect(differ("India's trade with Afghanistan was $1 billion.", pair!)).toEqual(['pair']);
    expect(differ('Trade between Pakistan and Afghanistan was $1 billion.', pair!)).toEqual([]);
  });

  it('takes the pair named at the word "trade" even outside the figure\'s clause, or the two countries its clause names', () => {
    const [hoped] = facts('Pakistani-Kazakhstani trade fell short of its potential in 2018, but the ambassador hoped that it could one day reach $500 million.');
    expect(hoped!.pair).toEqual(['pakistan', 'kazakhstan']);
    const [their] = facts('Pakistan and Turkmenistan have set a goal of raising their bilateral trade to $500 million a year.');
    expect(their!.pair).toEqual(['pakistan', 'turkmenistan']);
    expect(differences(their!, hoped!)).toEqual(['pair']);
  });

  it('tells what was done from what was promised', () => {
    const [done] = facts('Russia has already invested $14 billion in the energy sector.');
    const [promised] = facts('Russia promised a $14 billion investment in the energy sector.');
    expect([done!.done, promised!.modality]).toEqual([true, 'future']);
    expect(promiseAgainstDeed(done!, promised!)).toBe(true);
    // An unmarked figure may be either.
    expect(promiseAgainstDeed(facts("Russia's $14 billion investment in the energy sector.")[0]!, promised!)).toBe(false);
  });

  it('reads a commitment as neither an aim nor an outcome', () => {
    const [promise] = facts('Russia will provide financial assistance worth $1 billion for the steel mills.');
    expect(promise!.modality).toBe('future');
    expect(differ('The steel mills are to be upgraded with $1 billion of Russian assistance.', promise!)).toEqual([]);
    expect(differ('Russia provided $1 billion of assistance for the steel mills.', promise!)).toEqual([]);
  });

  it('not when one is a goal, and as a reversal when one rises where the other falls', () => {
    const [goal] = facts('They plan to raise trade to $150 million.');
    expect(differ('Trade reached $150 million.', goal!)).toEqual(['modality']);
    const [fall] = facts('Trade fell by 20% in 2018.');
    expect(differ('Trade was 20% higher in 2018.', fall!)).toEqual(['direction']);
  });
});

describe('a date read as the date of an event', () => {
  const event = (sentence: string): string => {
    const date = extractFigures(sentence, 0, sentence.length).filter(isDate)[0]!;
    const e = eventOf(sentence, date, { start: 0, end: sentence.length }, termsOf(sentence, vocabulary), vocabulary);
    return `${e.action ?? '?'} ${e.holders.join('+')} ${date.text}${e.named ? ` (dates: ${e.named})` : ''}`;
  };

  it('takes the event word nearest before the date, not an infinitive after another', () => {
    expect(event('Putin set out the idea in an article published before the APEC summit in November 2017.')).toBe('publication  November 2017');
    expect(event('India and Pakistan received their invitations to join the SCO in 2015.')).toBe('invitation india+pakistan+sco 2015');
    expect(event('Pakistan joined the SCO as a full member in 2017.')).toBe('joining pakistan+sco 2017');
  });

  it('reads the event after the date when none comes before it', () => {
    expect(event('In May 2021 Russia and Pakistan signed the agreement again.')).toBe('signing russia+pakistan May 2021');
    // Unless another date stands nearer that word.
    const text = 'Trade was $3.5 million in 2016, which is why both sides agreed in May 2019 to raise it.';
    const dates = extractFigures(text).filter(isDate);
    expect(eventOf(text, dates[0]!, { start: 0, end: text.length }, termsOf(text, vocabulary), vocabulary, dates).action).toBeUndefined();
  });

  it('knows a year that dates a thing rather than an event', () => {
    expect(event('In his 2015 article Bordachev argued for it.')).toBe('publication  2015 (dates: articl)');
    // A piece of writing dates its year, whatever else the sentence says: "foundation" is no founding here.
    expect(event('Bordachev called the SCO the foundation of Greater Eurasia in a 2015 essay.')).toBe('publication sco 2015 (dates: essa)');
    expect(event('Dawn reported it in 2015.')).toBe('publication  2015 (dates: wrote)');
  });

  it('speaks to a date of the same kind of event only', () => {
    const read = (s: string): Event => eventOf(s, extractFigures(s).filter(isDate)[0]!, { start: 0, end: s.length }, termsOf(s, vocabulary), vocabulary);
    expect(compareEvents(read('They were invited to join in 2015.'), read('It joined in 2017.'))).toBe('other');
    expect(compareEvents(read('The agreement was signed in 2015.'), read('They signed a deal in 2016.'))).toBe('same');
    expect(compareEvents(read('It happened in 2015.'), read('They signed a deal in 2016.'))).toBe('unknown');
  });
});
