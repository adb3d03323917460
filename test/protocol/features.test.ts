// Hover, quick fixes and completion through the real server in this process: each quick
// fix is applied to the draft and the draft re-checked, so a fix that leaves its squiggle,
// or touches any other text, fails here.
import { afterEach, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic, Hover, MarkupContent, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { lines } from '../unit/helpers';
import { startInProcess, type TestClient } from './harness';

const uri = 'file:///tmp/features.md';
let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

const at = (line: number, character: number) => ({ line, character });

async function hover(text: string, line: number, character: number): Promise<string | undefined> {
  client = await startInProcess();
  await client.open(uri, text);
  const result = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at(line, character) })) as Hover | null;
  return (result?.contents as MarkupContent | undefined)?.value;
}

/** Markdown as it reads once rendered: escapes dropped. */
function rendered(markdown: string | undefined): string {
  return (markdown ?? '').replace(/\\([^\w\s])/g, '$1');
}

/** Opens the draft, applies the first (preferred) fix for `code`, and returns the new text and its diagnostics. */
async function applyFix(text: string, code: string, pick: (actions: CodeAction[]) => CodeAction | undefined = (a) => a.find((x) => x.isPreferred)) {
  client = await startInProcess();
  const published = await client.open(uri, text);
  const diagnostic = published.diagnostics.find((d) => d.code === code);
  expect(diagnostic, `no ${code} in ${JSON.stringify(published.diagnostics.map((d) => d.code))}`).toBeDefined();
  const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic!.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
  const action = pick(actions)!;
  expect(action, `no fix among ${JSON.stringify(actions.map((a) => a.title))}`).toBeDefined();
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  expect(change.textDocument).toEqual({ uri, version: 1 });
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), change.edits as TextEdit[]);
  const after = await client.change(uri, 2, fixed);
  return { action, fixed, diagnostics: after.diagnostics as Diagnostic[], before: diagnostic! };
}

describe('hover', () => {
  it('shows the verdict, the source sentence once with the figure in bold, the reference and the source’s own footnote', async () => {
    const value = rendered(await hover("CPEC's eventual total investment is expected to reach $80 billion.", 0, 57));
    expect(value.split('\n\n')).toEqual([
      '**Attest: The source gives a different value** — Korybko & Morozov 2020, pp. 9–10, fn. 4. The draft says $80 billion; the source says $60 billion. Matched: investment, as a goal.',
      '> Seeing as how the China-Pakistan Economic Corridor (CPEC) is one of BRI’s flagship projects as described by Pakistani Foreign Minister Qureshi in November 2019, with $13 billion worth of projects completed in January 2020 out of an expected eventual total investment of **$60 billion** (thus making it China’s largest BRI infrastructure investment anywhere in the world), it’s inevitable that Russia will have to improve its connectivity with Pakistan in order to fulfill V. Putin’s vision of bringing the EAEU and BRI closer together to form the GEP.',
      'Korybko, Andrew, and Vladimir M. Morozov. 2020. “Pakistan’s Role in Russia’s Greater Eurasian Partnership.” Polis. Political Studies, no. 3: 9–22. https://doi.org/10.17976/jpps/2020.03.02.',
      'The source’s footnote 4 cites: *CPEC: Pakistani Government Announces Completion of 13 Projects Worth $11 Billion*, Sputnik, 09.01.2020 <https://sputniknews.com/asia/202001091077987936-cpec-pakistani-government-announces-completion-of-13-projects-worth-11-billion/> (accessed 10.03.2020)',
    ]);
  });

  it('does not repeat the source passage under the diagnostic as related information', async () => {
    client = await startInProcess();
    const { diagnostics } = await client.open(uri, "CPEC's eventual total investment is expected to reach $80 billion.");
    expect(diagnostics.map((d) => [d.code, d.relatedInformation])).toEqual([['figure.mismatch', undefined]]);
  });

  it('shows a misquotation’s differing words, the source’s misspelling marked', async () => {
    const value = rendered(await hover('Putin said the project “rhymes with Russia’s plan to establish a Greater Eurasian Partnership”.', 0, 30));
    expect(value.split('\n\n')[0]).toBe(
      '**Attest: The source’s words differ** — Korybko & Morozov 2020, pp. 9–10, fn. 2. Words that differ, yours struck through and the source’s in bold: ~~rhymes~~ **rimes** (the source’s spelling: quote it with [sic]); ~~plan~~ **idea**.',
    );
  });

  it('says of a supported figure in a sentence without a footnote that it needs one, at information level unless turned down', async () => {
    const text = 'Russia pledged $1 billion to rehabilitate Pakistan Steel Mills.';
    const value = rendered(await hover(text, 0, 17));
    expect(value.split('\n\n')[0]).toBe('**Attest: Supported by Korybko & Morozov 2020, p. 19, fn. 21, but the sentence cites no source: add a footnote.** Matched: investment, Russia and Psm.');
    const { diagnostics } = await client!.change(uri, 2, text + ' ');
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['claim.uncited', 3]]);
    await client!.close();
    client = await startInProcess({ settings: { severity: { 'claim.uncited': 'hint' } } });
    expect((await client.open(uri, text)).diagnostics.map((d) => [d.code, d.severity])).toEqual([['claim.uncited', 4]]);
  });

  it('formats the reference in the style the writer chose', async () => {
    client = await startInProcess({ settings: { citationStyle: 'apa' } });
    await client.open(uri, "CPEC's eventual total investment is expected to reach $80 billion.");
    const result = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at(0, 57) })) as Hover;
    expect(rendered((result.contents as MarkupContent).value)).toContain('Korybko, A., & Morozov, V. M. (2020). Pakistan’s Role in Russia’s Greater Eurasian Partnership. Polis. Political Studies, (3), 9–22. https://doi.org/10.17976/jpps/2020.03.02');
  });

  it('shows a footnote’s definition over its reference', async () => {
    const value = await hover(lines('Trade stood at $700 million.[^1]', '', '[^1]: RT, 9 December 2019.'), 0, 30);
    expect(rendered(value)).toBe('**Footnote 1**\n\nRT, 9 December 2019.');
  });

  it('escapes source text so it cannot make links or run commands', async () => {
    const value = await hover(lines('A [placeholder](#) and [^x].', '', '[^x]: [click](command:workbench.action.files.delete) <img src=x onerror=alert(1)>'), 0, 26);
    expect(value).not.toMatch(/\]\(command:/);
    expect(value).not.toContain('<img');
  });
});

describe('quick fixes', () => {
  it('replace a figure with the source’s value, and the squiggle goes', async () => {
    const text = lines('# Brief', '', "CPEC's eventual total investment is expected to reach $80 billion.[^1]", '', '[^1]: Korybko and Morozov 2020.');
    const { action, fixed, diagnostics } = await applyFix(text, 'figure.mismatch');
    expect(action.title).toBe('Change to $60 billion (Korybko & Morozov 2020)');
    expect(fixed).toBe(text.replace('$80 billion', '$60 billion'));
    expect(diagnostics.filter((d) => d.code === 'figure.mismatch')).toEqual([]);
  });

  it('put in the source’s exact words for a misquotation', async () => {
    const text = 'Bordachev called the SCO the “cornerstone of Greater Eurasia”.';
    const { fixed, diagnostics } = await applyFix(text, 'quote.misquoted');
    expect(fixed).toBe('Bordachev called the SCO the “foundation of Greater Eurasia”.');
    expect(diagnostics.map((d) => d.code)).not.toContain('quote.misquoted');
  });

  it('change only the misquoted words, keeping the writer’s line breaks and straight quotes', async () => {
    const text = lines('President Putin said the Chinese-led project "rhymes with Russia\'s plan to', 'establish a Greater Eurasian Partnership".', '', 'Next paragraph.');
    const { action, fixed, diagnostics } = await applyFix(text, 'quote.misquoted');
    expect(action.title).toBe('Use the words of Korybko & Morozov 2020: “rhymes” → “rimes”; “plan” → “idea”');
    expect((action.edit!.documentChanges![0] as TextDocumentEdit).edits).toEqual([
      { range: { start: at(0, 46), end: at(0, 52) }, newText: 'rimes' },
      { range: { start: at(0, 67), end: at(0, 71) }, newText: 'idea' },
    ]);
    expect(fixed).toBe(lines('President Putin said the Chinese-led project "rimes with Russia\'s idea to', 'establish a Greater Eurasian Partnership".', '', 'Next paragraph.'));
    expect(diagnostics.map((d) => d.code)).not.toContain('quote.misquoted');
  });

  it('offer the source’s misspelling marked [sic], which then checks as quoted', async () => {
    const text = 'Putin said the project “rhymes with Russia’s idea to establish a Greater Eurasian Partnership”.';
    const { fixed, diagnostics } = await applyFix(text, 'quote.misquoted', (actions) => actions.find((a) => a.title === 'Keep the source’s spelling, marked “rimes [sic]”'));
    expect(fixed).toBe('Putin said the project “rimes [sic] with Russia’s idea to establish a Greater Eurasian Partnership”.');
    expect(diagnostics.map((d) => d.code)).not.toContain('quote.misquoted');
  });

  it('change the misquoted words after an edit earlier in the draft moved them', async () => {
    client = await startInProcess();
    const quote = 'Putin said the project “rhymes with Russia’s idea to establish a Greater Eurasian Partnership”.';
    await client.open(uri, lines('Intro.', '', quote));
    const edited = lines('A longer introduction.', '', quote);
    const { diagnostics } = await client.change(uri, 2, edited);
    const diagnostic = diagnostics.find((d) => d.code === 'quote.misquoted')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    const change = actions.find((a) => a.isPreferred)!.edit!.documentChanges![0] as TextDocumentEdit;
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 2, edited), change.edits as TextEdit[]);
    expect(fixed).toBe(lines('A longer introduction.', '', quote.replace('rhymes', 'rimes')));
  });

  it('add a footnote numbered after the existing ones, with its definition placed with the others', async () => {
    const text = lines('Trade stood at $700 million.[^1]', '', 'Russia pledged $1 billion to rehabilitate Pakistan Steel Mills.', '', '[^1]: RT, 9 December 2019.', '');
    const { action, fixed, diagnostics } = await applyFix(text, 'claim.uncited');
    expect(action.title).toBe('Add footnote [^2] citing Korybko & Morozov 2020, p. 19');
    expect(fixed).toBe(
      lines(
        'Trade stood at $700 million.[^1]',
        '',
        'Russia pledged $1 billion to rehabilitate Pakistan Steel Mills.[^2]',
        '',
        '[^1]: RT, 9 December 2019.',
        '[^2]: Korybko, Andrew, and Vladimir M. Morozov. 2020. “Pakistan’s Role in Russia’s Greater Eurasian Partnership.” Polis. Political Studies, no. 3: 9–22. https://doi.org/10.17976/jpps/2020.03.02, p. 19. Citing: Russia Looks to Invest in Pakistan in a Big Way, RT, 09.12.2019, https://www.rt.com/business/475368-russia-pakistan-investments-energy/.',
        '',
      ),
    );
    expect(diagnostics.map((d) => d.code)).not.toContain('claim.uncited');
    expect(diagnostics.map((d) => d.code)).not.toContain('footnote.undefined');
  });

  it('define an undefined footnote, citing the source of the sentence’s claim, with the other definitions', async () => {
    const text = lines('Trade stood at $700 million.[^1]', '', 'Russia pledged $1 billion to rehabilitate Pakistan Steel Mills.[^6]', '', '[^1]: RT, 9 December 2019.', '', 'The end.');
    const { action, fixed, diagnostics } = await applyFix(text, 'footnote.undefined');
    expect(action.title).toBe('Define [^6] citing Korybko & Morozov 2020, p. 19');
    expect(fixed).toBe(
      lines(
        'Trade stood at $700 million.[^1]',
        '',
        'Russia pledged $1 billion to rehabilitate Pakistan Steel Mills.[^6]',
        '',
        '[^1]: RT, 9 December 2019.',
        '[^6]: Korybko, Andrew, and Vladimir M. Morozov. 2020. “Pakistan’s Role in Russia’s Greater Eurasian Partnership.” Polis. Political Studies, no. 3: 9–22. https://doi.org/10.17976/jpps/2020.03.02, p. 19. Citing: Russia Looks to Invest in Pakistan in a Big Way, RT, 09.12.2019, https://www.rt.com/business/475368-russia-pakistan-investments-energy/.',
        '',
        'The end.',
      ),
    );
    expect(diagnostics.map((d) => d.code)).toEqual([]);
  });

  it('fill a placeholder link with the best source’s DOI, or turn it into a footnote', async () => {
    const text = 'Korybko and Morozov argue that Pakistan belongs in the [Greater Eurasian Partnership](#).';
    const link = await applyFix(text, 'link.placeholder');
    expect(link.fixed).toBe(text.replace('(#)', '(https://doi.org/10.17976/jpps/2020.03.02)'));
    expect(link.diagnostics).toEqual([]);
    await client!.close();
    const note = await applyFix(text, 'link.placeholder', (actions) => actions.find((a) => a.title.startsWith('Turn the link into footnote [^1]')));
    expect(note.fixed).toBe(
      lines(
        'Korybko and Morozov argue that Pakistan belongs in the Greater Eurasian Partnership[^1].',
        '',
        '[^1]: Korybko, Andrew, and Vladimir M. Morozov. 2020. “Pakistan’s Role in Russia’s Greater Eurasian Partnership.” Polis. Political Studies, no. 3: 9–22. https://doi.org/10.17976/jpps/2020.03.02.',
        '',
      ),
    );
    expect(note.diagnostics.map((d) => d.code)).not.toContain('link.placeholder');
  });

  it('offer no source for a placeholder link whose text names none of them, only turning it into a footnote', async () => {
    const text = lines('Korybko and Morozov discuss Pakistan at length in the [Valdai Club programme](#).', '');
    client = await startInProcess();
    const published = await client.open(uri, text);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: published.diagnostics[0]!.range, context: { diagnostics: published.diagnostics } })) as CodeAction[];
    expect(actions.filter((a) => a.edit).map((a) => a.title)).toEqual(['Turn the link into footnote [^1] (write the note)']);
    await client.close();
    const { fixed } = await applyFix(text, 'link.placeholder', (a) => a[0]);
    expect(fixed).toBe(lines('Korybko and Morozov discuss Pakistan at length in the Valdai Club programme[^1].', '', '[^1]: Valdai Club programme.', ''));
  });

  it('offer the link of a work a source cites when the link text is its title', async () => {
    const text = 'Bordachev wrote on [The SCO as the Foundation of Greater Eurasia](#).';
    const { action, fixed, diagnostics } = await applyFix(text, 'link.placeholder');
    expect(action.title).toBe('Link to “The SCO as the Foundation of Greater Eurasia” (http://valdaiclub.com/a/highlights/the-sco-as-the-foundation-of-greater-eurasia/)');
    expect(fixed).toBe('Bordachev wrote on [The SCO as the Foundation of Greater Eurasia](http://valdaiclub.com/a/highlights/the-sco-as-the-foundation-of-greater-eurasia/).');
    expect(diagnostics.map((d) => d.code)).not.toContain('link.placeholder');
  });

  it('offers nothing for a diagnostic made for an older version whose words have moved', async () => {
    client = await startInProcess();
    const published = await client.open(uri, 'See [the report](#).');
    await client.change(uri, 2, 'Now see [the report](#).');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: published.diagnostics[0]!.range, context: { diagnostics: published.diagnostics } })) as CodeAction[];
    expect(actions.filter((a) => a.edit)).toEqual([]);
  });
});

describe('completion', () => {
  it('after "[^" offers a new numbered footnote citing the sentence’s source first, then each existing footnote once, with its text', async () => {
    client = await startInProcess();
    const text = lines('Russia pledged $1 billion to rehabilitate Pakistan Steel Mills.[^', '', '[^1]: RT, 9 December 2019.', '[^8]: Dawn, 3 March 2020.', '[^8]: A second definition of 8.');
    await client.open(uri, text);
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at(0, 65) })) as CompletionItem[];
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    expect(sorted.map((i) => [i.label, i.labelDetails?.description])).toEqual([
      ['New footnote citing Korybko & Morozov 2020, p. 19', undefined],
      ['1', 'RT, 9 December 2019.'],
      ['8', 'Dawn, 3 March 2020.'],
    ]);
    const fresh = sorted[0]!;
    expect(fresh.textEdit).toEqual({ range: { start: at(0, 65), end: at(0, 65) }, newText: '9]' });
    expect(fresh.additionalTextEdits).toEqual([{ range: { start: at(4, 31), end: at(4, 31) }, newText: expect.stringMatching(/^\n\[\^9\]: Korybko, Andrew, and Vladimir M\. Morozov\. 2020\./) }]);
  });

  it('after "[^" puts first the existing footnote that already cites the sentence’s source', async () => {
    client = await startInProcess();
    const text = lines('Russia pledged $1 billion to rehabilitate Pakistan Steel Mills.[^', '', '[^1]: RT, 9 December 2019.', '[^2]: Korybko and Morozov 2020, p. 19.');
    await client.open(uri, text);
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at(0, 65) })) as CompletionItem[];
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    expect(sorted.map((i) => i.label).slice(0, 3)).toEqual(['2', '1', 'New footnote citing Korybko & Morozov 2020, p. 19']);
  });

  it('offers the fn snippet numbered after the draft’s footnotes, and cite with the sources’ keys', async () => {
    client = await startInProcess();
    const text = lines('Trade stood at $700 million.[^1] Investment grew.[^4]', '', 'fn', '', '[^1]: RT, 9 December 2019.', '[^4]: Dawn.');
    await client.open(uri, text);
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at(2, 2) })) as CompletionItem[];
    expect(items.find((i) => i.label === 'fn')).toMatchObject({
      kind: 15,
      insertTextFormat: 2,
      detail: 'Footnote [^5] with its definition',
      textEdit: { range: { start: at(2, 0), end: at(2, 2) }, newText: '[^${1:5}]\n\n[^${1:5}]: ${2:Author}, "${3:Title}," ${4:Outlet}, ${5:date}. ${6:URL}$0' },
    });
    expect(items.find((i) => i.label === 'cite')!.textEdit!.newText).toBe('[@${1|abbasi-2025,korybko-morozov-2020|}${2:, ${3|p.,pp.,chap.,sec.,para.|} ${4:12}}]$0');
  });

  it('after "$" in a sentence about CPEC offers the sources’ figures, labelled with the source', async () => {
    client = await startInProcess();
    const text = "CPEC's expected eventual total investment is $";
    await client.open(uri, text);
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at(0, text.length) })) as CompletionItem[];
    expect(items[0]).toMatchObject({ label: '$60 billion — Korybko & Morozov 2020, pp. 9–10', textEdit: { newText: '$60 billion' } });
  });
});
