// The fact-check report as one self-contained HTML page, to hand to an editor: the same
// sections as the Markdown report, inline CSS, no scripts, no links to fetch. Every text from
// the draft or a source is escaped.
import { isProblemEntry, type FactCheck, type ReportEntry } from './reportModel';
import { problemsLine, reportMarker, reportSections, shownWords } from './reportMarkdown';

const style = `
body { font: 16px/1.5 Georgia, 'Times New Roman', serif; color: #1d1d1f; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #ccc; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin: 1.75rem 0 .5rem; }
.sources, .line { color: #555; }
.summary { font-weight: bold; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #ccc; padding: .25rem .6rem; text-align: right; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0; }
dt { font-weight: bold; }
dd { margin: 0; }
blockquote { margin: .5rem 0; padding: .25rem 1rem; border-left: 4px solid #999; background: #f6f6f6; }
.label { display: inline-block; padding: 0 .4rem; border-radius: .2rem; font: bold .8rem/1.6 system-ui, sans-serif; color: #fff; background: #666; }
.contradicted, .misquoted, .problem { background: #b3261e; }
.unsourced { background: #8a6d00; }
.supported { background: #2e7d32; }
@media print { body { margin: 0; } h3 { break-after: avoid; } }
`.trim();

export function factCheckHtml(report: FactCheck): string {
  const { counts } = report;
  const out: string[] = [
    '<!doctype html>',
    reportMarker,
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing on the page may load or run anything: the texts it shows are not ours.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Fact-check report: ${escapeHtml(report.name)}</title>`,
    `<style>\n${style}\n</style>`,
    '</head>',
    '<body>',
    `<h1>Fact-check report: ${escapeHtml(report.name)}</h1>`,
  ];
  if (report.sources.length) out.push(`<p class="sources">Checked by Attest against ${report.sources.length === 1 ? 'one source' : `${report.sources.length} sources`}: ${report.sources.map(escapeHtml).join('; ')}.</p>`);
  if (report.skipped) out.push(`<p><strong>Not checked:</strong> ${escapeHtml(report.skipped)}</p>`);
  out.push(`<p class="summary">${escapeHtml(problemsLine(report))}</p>`);
  out.push(
    '<table>',
    '<tr><th>Claims</th><th>Supported</th><th>Contradicted</th><th>Misquoted</th><th>Unsourced</th><th>Footnote and citation problems</th><th>Link problems</th></tr>',
    `<tr>${[counts.claims, counts.supported, counts.contradicted, counts.misquoted, counts.unsourced, counts.footnoteProblems, counts.linkProblems].map((n) => `<td>${n}</td>`).join('')}</tr>`,
    '</table>',
  );
  if (!counts.claims && !report.problems.length && !report.skipped) out.push('<p>The draft has no figures, dates or quotations to check.</p>');
  let number = 0;
  for (const [title, entries] of reportSections(report)) {
    out.push(`<h2>${title} (${entries.length})</h2>`);
    for (const entry of entries) out.push(...entryHtml(++number, entry));
  }
  out.push('</body>', '</html>');
  return `${out.join('\n')}\n`;
}

function entryHtml(number: number, entry: ReportEntry): string[] {
  const cls = isProblemEntry(entry) ? 'problem' : entry.label.toLowerCase();
  const out = [`<section>`, `<h3>${number}. ${escapeHtml(shownWords(entry))} <span class="line">(line ${entry.line})</span> <span class="label ${cls}">${escapeHtml(entry.label)}</span></h3>`, '<dl>'];
  const claim = !isProblemEntry(entry);
  out.push(`<dt>${claim ? 'Verdict' : 'Problem'}</dt><dd>${escapeHtml(entry.explanation)}</dd>`);
  if (entry.draft) out.push(`<dt>Draft</dt><dd>${escapeHtml(entry.draft)}</dd>`);
  if (entry.evidence[0]?.value && entry.label !== 'Supported') out.push(`<dt>Source says</dt><dd>${escapeHtml(entry.evidence[0].value)}</dd>`);
  out.push('</dl>');
  if (claim && !entry.evidence.length) out.push('<p>No source sentence to show.</p>');
  for (const e of entry.evidence) {
    out.push(`<blockquote>${escapeHtml(e.quote)}</blockquote>`, '<dl>', `<dt>Reference</dt><dd>${escapeHtml(e.reference)}</dd>`);
    if (e.locator) out.push(`<dt>Locator</dt><dd>${escapeHtml(e.locator)}</dd>`);
    out.push('</dl>');
  }
  out.push('</section>');
  return out;
}

/** Text that HTML shows as written: no tags, entities or attribute breaks. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
