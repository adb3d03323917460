// The CLI's loop over drafts and its three formats when a draft could not be checked.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDrafts } from '../../server/src/cli/check';
import { json, sarif, stylish } from '../../server/src/cli/formats';
import { notCheckedReport, type FileReport } from '../../server/src/report';

function folderWith(files: Record<string, string>): string[] {
  const folder = mkdtempSync(path.join(tmpdir(), 'attest-cli-loop-'));
  return Object.entries(files).map(([name, text]) => {
    writeFileSync(path.join(folder, name), text);
    return path.join(folder, name);
  });
}

const checked = (display: string): FileReport => ({ path: display, claims: [], diagnostics: [] });

describe('checkDrafts', () => {
  it('reports a draft the checker throws on as not checked and checks the rest', async () => {
    const files = folderWith({ 'a.md': 'first', 'b.md': 'explodes', 'c.md': 'third' });
    const reports = await checkDrafts(files, 1024, (display, text) => {
      if (text === 'explodes') throw new RangeError('Maximum call stack size exceeded');
      return checked(display);
    });
    expect(reports.map((r) => [path.basename(r.path), r.error])).toEqual([
      ['a.md', undefined],
      ['b.md', 'Attest failed on this draft (Maximum call stack size exceeded); please report it with the draft.'],
      ['c.md', undefined],
    ]);
  });

  it('reports a draft that is too large or unreadable, without checking it', async () => {
    const [big, gone, fine] = folderWith({ 'big.md': 'x'.repeat(2000), 'gone.md': '', 'fine.md': 'ok' });
    const reports = await checkDrafts([big!, gone! + '.missing', fine!], 1024, checked);
    expect(reports.map((r) => [path.basename(r.path), r.error])).toEqual([
      ['big.md', '2 KB is over the maxFileSize setting (1 KB).'],
      ['gone.md.missing', expect.stringMatching(/^could not read it \(ENOENT: no such file or directory/)],
      ['fine.md', undefined],
    ]);
  });
});

describe('a draft that was not checked', () => {
  const reports = [notCheckedReport('drafts/deep.md', 'Attest failed on this draft (boom); please report it with the draft.'), checked('drafts/ok.md')];

  it('is named with its reason in stylish output, and counted at the end', () => {
    expect(stylish(reports, false)).toBe(
      [
        'drafts/deep.md  not checked: Attest failed on this draft (boom); please report it with the draft.',
        '',
        'drafts/ok.md  0 claims, 0 supported by a source',
        '',
        '✔ no problems, 0 notes',
        '✖ 1 draft not checked',
        '',
      ].join('\n'),
    );
  });

  it('is an entry with an error field in JSON', () => {
    expect((JSON.parse(json(reports)) as { files: unknown[] }).files[0]).toEqual({
      path: 'drafts/deep.md',
      error: 'Attest failed on this draft (boom); please report it with the draft.',
      claims: [],
      diagnostics: [],
    });
  });

  it('is a tool execution notification in SARIF, and the run is not successful', () => {
    const log = JSON.parse(sarif(reports, 'file:///docs/checks.md')) as { runs: { invocations: unknown[] }[] };
    expect(log.runs[0]!.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'drafts/deep.md: not checked: Attest failed on this draft (boom); please report it with the draft.' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'drafts/deep.md' } } }],
          },
        ],
      },
    ]);
  });
});
