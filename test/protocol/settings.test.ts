// The server reads .attestrc.json with the same settings code as the CLI: a byte order mark
// is accepted, and a mistyped key reaches the writer as a window message.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { startInProcess, type TestClient } from './harness';

let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

describe('.attestrc.json in the editor', () => {
  it('applies a file with a byte order mark and tells the writer about a mistyped key', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'attest-rc-server-'));
    const rc = path.join(root, '.attestrc.json');
    writeFileSync(rc, '\uFEFF' + JSON.stringify({ severity: { 'link.placeholder': 'error' }, severty: {} }));
    client = await startInProcess({ rootUri: pathToFileURL(root).href });
    const messages: string[] = [];
    client.connection.onNotification('window/showMessage', (m: { message: string }) => messages.push(m.message));
    const { diagnostics } = await client.open(pathToFileURL(path.join(root, 'draft.md')).href, 'See [the report](#).');
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['link.placeholder', 1]]);
    expect(messages).toEqual([`${rc}: "severty" is not an Attest setting and is ignored; did you mean "severity"?`]);
  });
});
