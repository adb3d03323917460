// Every edit Attest proposes (quick fixes, Insert citation, the "new footnote" completion)
// applied to LF, CRLF and CR versions of the same drafts, citing sources whose metadata is
// hostile: what it writes is inert Markdown in the draft's own line ending, each reference
// resolves to its definition, the source's title still reads as written, and the writer's
// text is all still there.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, Diagnostic, Range, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import * as protocol from '../../server/src/protocol';
import { lines } from '../unit/helpers';
import { markdownTree } from '../unit/markdownTree';
import { startInProcess, type TestClient } from './harness';

const hostileTitle = '<script>alert(1)</script> Gwadar <img src=x onerror=alert(1)> [x](command:workbench.action.files.delete) Report';
const sources: Record<string, string> = {
  // The DOI carries a live link; without a url, the loader makes it "https://doi.org/10.1/x) [pwn](…)".
  'hostile.md': lines(
    '---',
    'id: hostile',
    `title: "${hostileTitle}"`,
    'authors:',
    '  - family: "*Evil*_[x"',
    '    given: "[y](javascript:alert(1))"',
    'container: "<b>Port</b> [c](command:pwn) Review"',
    'year: 2022',
    'doi: "10.1/x) [pwn](command:workbench.action.files.delete)"',
    '---',
    '',
    'The Gwadar port handled 1.2 million tonnes of cargo in 2021.[^1]',
    '',
    '[^1]: <script>x</script> *Port Authority* report – Gwadar News. 09.01.2021. URL: https://example.org/a_(b)',
  ),
  'hostile-url.md': lines('---', 'id: hostile-url', 'title: "Workers [at](command:pwn) Gwadar <img src=x onerror=alert(1)>"', 'year: 2022', 'url: "command:workbench.action.files.delete"', '---', '', 'The Gwadar port employed 900 workers in 2021.'),
  // Odd but valid: a URL with parentheses and an underscore stays a working link.
  'tricky.md': lines('---', 'id: tricky', 'title: "Ships_and *cargo* at Gwadar"', 'authors: [{ family: "O\'Neil [Jr]", given: Sam }]', 'year: 2021', 'url: "https://example.org/report_(2021)"', '---', '', 'The Gwadar port received 400 ships in 2021.'),
};
const titles: Record<string, string> = { hostile: hostileTitle, 'hostile-url': 'Workers [at](command:pwn) Gwadar <img src=x onerror=alert(1)>', tricky: 'Ships_and *cargo* at Gwadar' };

const drafts: Record<string, string> = {
  'with-footnotes': lines(
    '# Gwadar',
    '',
    'Cargo came first.[^1]',
    '',
    'The Gwadar port handled 1.2 million tonnes of cargo in 2021.',
    '',
    'The Gwadar port received 500 ships in 2021.',
    '',
    'The [*Gwadar* port report](#) counts the ships and workers.',
    '',
    '[^1]: Port notes, 2021.',
    '',
  ),
  'no-footnotes': lines('The Gwadar port handled 1.2 million tonnes of cargo in 2021.', '', 'The [Gwadar port report](#) counts the ships.'),
};
const endings = { LF: '\n', CRLF: '\r\n', CR: '\r' } as const;

let client: TestClient;
let root: string;
beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'attest-inserted-'));
  mkdirSync(path.join(root, 'sources'));
  for (const [file, text] of Object.entries(sources)) writeFileSync(path.join(root, 'sources', file), text);
  client = await startInProcess({ rootUri: URI.file(root).toString(), settings: { sources: ['sources'], bundledCorpus: false } });
  // The sources load after the server starts: wait until a draft is checked against them.
  const probe = URI.file(path.join(root, 'probe.md')).toString();
  let published = await client.open(probe, 'The Gwadar port handled 1.2 million tonnes of cargo in 2021.');
  while (!published.diagnostics.some((d) => d.code === 'claim.uncited')) published = await client.diagnostics(probe);
});
afterAll(async () => {
  await client.close();
});

let opened = 0;
/** Opens the text as a new draft; returns its uri and diagnostics once the sources are loaded. */
type Planned = Extract<protocol.InsertCitationResult, { edits: unknown }>;

function insertCitation(uri: string, position: { line: number; character: number }, sourceId: string): Promise<protocol.InsertCitationResult> {
  return client.connection.sendRequest(protocol.insertCitationRequest, { textDocument: { uri }, position, sourceId }) as Promise<protocol.InsertCitationResult>;
}

/** The planned citation, failing the test if there is none. */
function planned(result: protocol.InsertCitationResult): Planned {
  if (!result || !('edits' in result)) throw new Error(`no citation planned: ${JSON.stringify(result)}`);
  return result;
}

async function open(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = URI.file(path.join(root, `draft-${++opened}.md`)).toString();
  const published = await client.open(uri, text);
  return { uri, diagnostics: published.diagnostics as Diagnostic[] };
}

interface Applied {
  result: string;
  /** Labels of the definitions the edits added. */
  added: string[];
}

/**
 * Applies the edits and checks what any edit must keep: the writer's text (the result minus
 * what was inserted is the original minus only `removable` spans), the draft's line ending,
 * no HTML and no link that is not http(s), and every reference resolving to a definition.
 */
function applyChecked(original: string, edits: TextEdit[], eol: string, removable: (removed: string) => boolean = () => false): Applied {
  const document = TextDocument.create('file:///draft.md', 'markdown', 1, original);
  const result = TextDocument.applyEdits(document, edits);
  const spans = edits.map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), text: e.newText })).sort((a, b) => a.start - b.start);
  let shift = 0;
  let withoutInserted = '';
  let expected = '';
  let from = 0;
  for (const span of spans) {
    const removed = original.slice(span.start, span.end);
    if (removed) expect(removable(removed), `removed "${removed}"`).toBe(true);
    expect(result.slice(span.start + shift, span.start + shift + span.text.length)).toBe(span.text);
    withoutInserted += result.slice(from + shift - (from === 0 ? 0 : 0), span.start + shift);
    expected += original.slice(from, span.start);
    shift += span.text.length - removed.length;
    from = span.end;
  }
  const tail = result.slice(from + shift);
  expect(withoutInserted + tail).toBe(expected + original.slice(from));

  expect(new Set(result.match(/\r\n|\r|\n/g))).toEqual(new Set([eol]));
  const before = markdownTree(original);
  const after = markdownTree(result);
  expect(after.html).toEqual([]);
  const unsafe = (urls: string[]) => urls.filter((u) => !/^https?:\/\//.test(u));
  expect(unsafe(after.links).length).toBeLessThanOrEqual(unsafe(before.links).length);
  expect(after.links.filter((u) => u.startsWith('https://doi.org/')).every((u) => /^https:\/\/doi\.org\/10\.\d{4,9}\//.test(u))).toBe(true);
  expect(after.references.filter((r) => !after.definitions.includes(r))).toEqual([]);
  return { result, added: after.definitions.filter((d) => !before.definitions.includes(d)) };
}

function textAt(text: string, range: Range): string {
  const document = TextDocument.create('file:///draft.md', 'markdown', 1, text);
  return text.slice(document.offsetAt(range.start), document.offsetAt(range.end));
}

for (const [ending, eol] of Object.entries(endings)) {
  describe(`edits in a draft with ${ending} line endings`, () => {
    for (const [name, lf] of Object.entries(drafts)) {
      const text = lf.replace(/\n/g, eol);

      it(`every quick fix in the ${name} draft`, async () => {
        const { uri, diagnostics } = await open(text);
        expect(diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['claim.uncited', 'link.placeholder']));
        const titlesSeen: string[] = [];
        for (const diagnostic of diagnostics) {
          const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
          for (const action of actions.filter((a) => a.edit)) {
            titlesSeen.push(action.title);
            const edits = (action.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[];
            const figure = textAt(text, diagnostic.range);
            const removable = (removed: string) =>
              action.title.startsWith('Change to') ? figure.includes(removed) : action.title.startsWith('Link to') ? removed === '#' : action.title.startsWith('Turn the link') ? removed === '[' || removed === '](#)' : false;
            const { result, added } = applyChecked(text, edits, eol, removable);
            const cited = /citing (.+?)(?:,|$)/.exec(action.title);
            if (action.title.startsWith('Add footnote') || action.title.startsWith('Turn the link')) {
              expect(added, action.title).toHaveLength(1);
              // A note citing a work a source cites shows that work's title; one to be written, the link's words.
              const shown = markdownTree(result).shown(added[0]!);
              const work = /citing “(.+)”$/.exec(action.title)?.[1];
              if (work) expect(shown, action.title).toContain(work);
              else if (action.title.endsWith('(write the note)')) expect(shown, action.title).toMatch(/^(?:Gwadar port report|port report)\.$/);
              else expect(Object.keys(titles).find((k) => shown.includes(titles[k]!)), `${action.title}: ${shown}`).toBeDefined();
            } else {
              expect(added, action.title).toEqual([]);
              expect(cited).toBeNull();
            }
          }
        }
        expect(titlesSeen).toEqual(expect.arrayContaining([expect.stringMatching(/^Add footnote/), expect.stringMatching(/^Turn the link/)]));
        // Only the valid link is offered to link to, in a form the link keeps whole.
        const linkTo = titlesSeen.filter((t) => t.startsWith('Link to'));
        expect(linkTo.every((t) => t.includes('https://example.org/report_(2021)') || t.includes('https://example.org/a_(b)'))).toBe(true);
      });

      it(`Insert citation of each source in the ${name} draft, the cursor after the reference`, async () => {
        const { uri } = await open(text);
        const document = TextDocument.create(uri, 'markdown', 1, text);
        const sentenceStart = text.indexOf('The Gwadar port handled');
        const sentenceEnd = text.indexOf('2021.') + '2021.'.length;
        for (const sourceId of Object.keys(titles)) {
          for (const at of [sentenceEnd, sentenceStart]) {
            const citation = planned(await insertCitation(uri, document.positionAt(at), sourceId));
            const { result, added } = applyChecked(text, citation.edits, eol);
            expect(added).toEqual([citation.label]);
            expect(markdownTree(result).shown(citation.label)).toContain(titles[sourceId]);
            const cursor = TextDocument.create(uri, 'markdown', 2, result).offsetAt(citation.cursor);
            expect(result.slice(cursor - citation.label.length - 3, cursor)).toBe(`[^${citation.label}]`);
          }
        }
      });

      it(`the "new footnote" completion in the ${name} draft`, async () => {
        const typed = text.replace('2021.', '2021.[^');
        const { uri } = await open(typed);
        const document = TextDocument.create(uri, 'markdown', 1, typed);
        const position = document.positionAt(typed.indexOf('2021.[^') + '2021.[^'.length);
        const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionItem[];
        const fresh = items.filter((i) => i.label.startsWith('New footnote citing'));
        expect(fresh.length).toBeGreaterThan(0);
        for (const item of fresh) {
          const { result, added } = applyChecked(typed, [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])], eol);
          expect(added).toHaveLength(1);
          expect(Object.values(titles).some((t) => markdownTree(result).shown(added[0]!).includes(t)), markdownTree(result).shown(added[0]!)).toBe(true);
        }
      });
    }

    it('Insert citation at the start of a footnote definition, or after the footnotes, says why instead of breaking them', async () => {
      const text = drafts['with-footnotes']!.replace(/\n/g, eol);
      const { uri } = await open(text);
      const document = TextDocument.create(uri, 'markdown', 1, text);
      expect(await insertCitation(uri, document.positionAt(text.indexOf('[^1]:')), 'tricky')).toEqual({ version: 1, problem: 'A footnote reference can’t go at the start of the definition of [^1]: that would break it. Put the cursor in the sentence to cite.' });
      // After the footnotes, a reference would become part of the last one.
      expect(await insertCitation(uri, document.positionAt(text.length), 'tricky')).toMatchObject({ problem: expect.stringMatching(/^A footnote reference goes in the text it cites/) });
    });
  });
}

describe('footnote labels', () => {
  it('number after the largest all-digit label, however large, and never reuse one', async () => {
    let text = lines('Cargo came first.[^9007199254740993] Then ships.[^1e21]', '', '[^9007199254740993]: Port notes.', '[^1e21]: More notes.', '');
    let { uri } = await open(text);
    const labels: string[] = [];
    for (let version = 2; version <= 3; version++) {
      const document = TextDocument.create(uri, 'markdown', version - 1, text);
      const citation = planned(await insertCitation(uri, document.positionAt(text.indexOf(' Then')), 'tricky'));
      labels.push(citation.label);
      text = applyChecked(text, citation.edits, '\n').result;
      await client.change(uri, version, text);
    }
    expect(labels).toEqual(['9007199254740994', '9007199254740995']);
    expect(markdownTree(text).definitions).toEqual(['9007199254740993', '1e21', '9007199254740994', '9007199254740995']);
    ({ uri } = await open(lines('Ships came.[^1e21]', '', '[^1e21]: Notes.')));
    expect(await insertCitation(uri, { line: 0, character: 11 }, 'tricky')).toMatchObject({ label: '1' });
  });
});

describe('the Sources view', () => {
  it('offers only a real DOI or an http(s) URL to open', async () => {
    const { sources } = (await client.connection.sendRequest(protocol.sourcesRequest, {})) as protocol.SourcesResult;
    expect(Object.fromEntries(sources.map((s) => [s.id, s.url ?? null]))).toEqual({ hostile: null, 'hostile-url': null, tricky: 'https://example.org/report_(2021)' });
  });
});
