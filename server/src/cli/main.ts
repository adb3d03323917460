// The `attest` command line: the editor's checks for CI. Exit codes: 0 nothing at warning
// level or above, 1 findings at that level, 2 a usage error (message on stderr) or a draft
// that was not checked (named in the report; the other drafts are still checked).
import { parseArgs } from 'node:util';
import { checkCommand } from './check';
import { sourcesCommand } from './sources';
import { libraryCommand } from './library';

const usage = `Usage:
  attest check <files or folders…> [--format stylish|json|sarif] [--sources <dir>…] [--no-bundled] [--exclude-source <id>…] [--no-cache] [--library <url>]
  attest sources [--format stylish|json] [--sources <dir>…] [--no-bundled] [--exclude-source <id>…] [--no-cache]
  attest library init|status --to <url>
  attest library push <folders or files…> --to <url>

Checks the figures, dates and quotations in Markdown drafts against the bundled corpus and your sources.
Settings in the nearest .attestrc.json apply too. Your sources are indexed once into the cache folder
(cacheFolder, else $XDG_CACHE_HOME/attest) and read again only when they change; --no-cache reads them all.

Exit code: 0 nothing at warning level or above, 1 something is, 2 a usage error or a draft that was not checked.`;

export class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'stylish' },
      sources: { type: 'string', short: 's', multiple: true, default: [] },
      'no-bundled': { type: 'boolean', default: false },
      'exclude-source': { type: 'string', multiple: true, default: [] },
      'no-cache': { type: 'boolean', default: false },
      library: { type: 'string' },
      to: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...paths] = positionals;
  if (values.help) {
    process.stdout.write(usage + '\n');
    return 0;
  }
  const options = { sources: values.sources ?? [], bundled: !values['no-bundled'], exclude: values['exclude-source'] ?? [], cache: !values['no-cache'] };
  const format = values.format ?? 'stylish';
  if (command === 'check') {
    if (format !== 'stylish' && format !== 'json' && format !== 'sarif') throw new UsageError(`Unknown format "${format}": use stylish, json or sarif.`);
    if (!paths.length) throw new UsageError('Name at least one Markdown file or folder to check.');
    return checkCommand(paths, { ...options, format, library: values.library });
  }
  if (command === 'sources') {
    if (format !== 'stylish' && format !== 'json') throw new UsageError(`Unknown format "${format}" for attest sources: use stylish or json.`);
    return sourcesCommand({ ...options, format });
  }
  if (command === 'library') {
    if (format !== 'stylish' && format !== 'json') throw new UsageError(`Unknown format "${format}" for attest library: use stylish or json.`);
    return libraryCommand(paths[0], paths.slice(1), { url: values.to, format }, (message) => new UsageError(message));
  }
  throw new UsageError(command ? `Unknown command "${command}".` : 'Name a command: check, sources or library.');
}

// A reader that stops early (`attest check … | head`) closes the pipe: stop quietly, as
// other command-line tools do, instead of dying with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
});

// The exit code is set, not forced with process.exit(): through a pipe stdout is written
// asynchronously, and exiting at once would cut the report short. Node ends the process
// once everything written has been delivered.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`attest: ${message}\n`);
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) process.stderr.write(`\n${usage}\n`);
    process.exitCode = 2;
  },
);
