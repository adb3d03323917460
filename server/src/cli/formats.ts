// Output formats of `attest check`: stylish (for people), JSON (the contract in report.ts)
// and SARIF 2.1.0 (for code-scanning dashboards).
import type { FileReport } from '../report';
import { serverInfo } from '../version';

const severityMark = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' } as const;

export function stylish(reports: readonly FileReport[], color: boolean): string {
  const paint = (code: number, s: string): string => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  const totals = { error: 0, warning: 0, information: 0, hint: 0 };
  let notChecked = 0;
  for (const report of reports) {
    if (report.error !== undefined) {
      notChecked++;
      lines.push(paint(4, report.path) + paint(31, `  not checked: ${report.error}`), '');
      continue;
    }
    const claims = report.claims.length;
    const supported = report.claims.filter((c) => c.verdict === 'supported').length;
    lines.push(paint(4, report.path) + paint(2, `  ${claims} claim${claims === 1 ? '' : 's'}, ${supported} supported by a source`));
    for (const d of report.diagnostics) {
      totals[d.severity]++;
      const where = `${d.range.start.line + 1}:${d.range.start.character + 1}`.padEnd(8);
      const mark = severityMark[d.severity].padEnd(8);
      const markColor = d.severity === 'error' ? 31 : d.severity === 'warning' ? 33 : 36;
      lines.push(`  ${paint(2, where)}${paint(markColor, mark)}${d.message}  ${paint(2, d.code)}`);
    }
    lines.push('');
  }
  const problems = totals.error + totals.warning;
  lines.push(
    problems
      ? paint(31, `✖ ${problems} problem${problems === 1 ? '' : 's'} (${totals.error} error${totals.error === 1 ? '' : 's'}, ${totals.warning} warning${totals.warning === 1 ? '' : 's'})`) + `, ${totals.information + totals.hint} note${totals.information + totals.hint === 1 ? '' : 's'}`
      : `✔ no problems, ${totals.information + totals.hint} note${totals.information + totals.hint === 1 ? '' : 's'}`,
  );
  if (notChecked) lines.push(paint(31, `✖ ${notChecked} draft${notChecked === 1 ? '' : 's'} not checked`));
  return lines.join('\n') + '\n';
}

export function json(reports: readonly FileReport[]): string {
  return JSON.stringify({ files: reports }, null, 2) + '\n';
}

const sarifLevel = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export function sarif(reports: readonly FileReport[], docsUrl: string): string {
  const codes = [...new Set(reports.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort();
  const notChecked = reports.filter((r) => r.error !== undefined);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Attest',
            version: serverInfo.version,
            informationUri: docsUrl,
            rules: codes.map((code) => ({ id: code, helpUri: `${docsUrl}#${code.replace('.', '')}` })),
          },
        },
        // A draft that was not checked is a tool execution notification, not a result.
        invocations: [
          {
            executionSuccessful: notChecked.length === 0,
            toolExecutionNotifications: notChecked.map((r) => ({
              level: 'error',
              message: { text: `${r.path}: not checked: ${r.error}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: sarifUri(r.path) } } }],
            })),
          },
        ],
        results: reports.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            level: sarifLevel[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: sarifUri(r.path) },
                  region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** A report path as a SARIF artifact URI (relative, with forward slashes). */
function sarifUri(filePath: string): string {
  return filePath.split('\\').join('/');
}
