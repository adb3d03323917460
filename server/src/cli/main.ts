// The `attest` command line: runs the same checks as the editor, for CI.
import { readFileSync } from 'node:fs';
import { parseDraft } from '../core/draft';
import { placeholderLinks, placeholderMessage } from '../core/links';

const [command, ...files] = process.argv.slice(2);
if (command !== 'check' || files.length === 0) {
  process.stderr.write('Usage: attest check <files…>\n');
  process.exit(2);
}
let findings = 0;
for (const file of files) {
  const draft = parseDraft(readFileSync(file, 'utf8'));
  for (const link of placeholderLinks(draft)) {
    findings++;
    process.stdout.write(`${file}:${link.start}: link.placeholder: ${placeholderMessage(link.text)}\n`);
  }
}
process.exit(findings > 0 ? 1 : 0);
