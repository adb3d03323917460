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
  it('shows the verdict, the source sentence with the figure in bold, the reference and the source’s own footnote', async () => {
    const value = rendered(await hover("CPEC's eventual total investment is expected to reach $80 billion.", 0, 57));
    expect(value).toContain('**Attest: The source gives a different value** — Korybko & Morozov 2020, pp. 9–10, fn. 4');
    expect(value).toContain('**$60 billion**');
    expect(value).toContain('Korybko, Andrew, and Vladimir M. Morozov. 2020.');
    expect(value).toContain('The source’s footnote 4 cites: *CPEC: Pakistani Government Announces Completion of 13 Projects Worth $11 Billion*, Sputnik, 09.01.2020');
    expect(value).toContain('<https://sputniknews.com/asia/202001091077987936-cpec-pakistani-government-announces-completion-of-13-projects-worth-11-billion/>');
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

  it('offers nothing for a diagnostic made for an older version whose words have moved', async () => {
    client = await startInProcess();
    const published = await client.open(uri, 'See [the report](#).');
    await client.change(uri, 2, 'Now see [the report](#).');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: published.diagnostics[0]!.range, context: { diagnostics: published.diagnostics } })) as CodeAction[];
    expect(actions.filter((a) => a.edit)).toEqual([]);
  });
});

describe('completion', () => {
  it('after "[^" offers existing footnotes and a new numbered footnote citing the best source', async () => {
    client = await startInProcess();
    const text = lines('Russia pledged $1 billion to rehabilitate Pakistan Steel Mills.[^', '', '[^1]: RT, 9 December 2019.');
    await client.open(uri, text);
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at(0, 65) })) as CompletionItem[];
    expect(items[0]).toMatchObject({ label: '1', detail: 'RT, 9 December 2019.' });
    const fresh = items.find((i) => i.label.startsWith('New footnote citing Korybko & Morozov 2020'))!;
    expect(fresh.textEdit).toEqual({ range: { start: at(0, 65), end: at(0, 65) }, newText: '2]' });
    expect(fresh.additionalTextEdits).toEqual([{ range: { start: at(2, 26), end: at(2, 26) }, newText: expect.stringMatching(/^\n\[\^2\]: Korybko, Andrew, and Vladimir M\. Morozov\. 2020\./) }]);
  });

  it('after "$" in a sentence about CPEC offers the sources’ figures, labelled with the source', async () => {
    client = await startInProcess();
    const text = "CPEC's expected eventual total investment is $";
    await client.open(uri, text);
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at(0, text.length) })) as CompletionItem[];
    expect(items[0]).toMatchObject({ label: '$60 billion — Korybko & Morozov 2020, pp. 9–10', textEdit: { newText: '$60 billion' } });
  });
});
