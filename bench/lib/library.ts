// The writer's library for the on-disk index entries: Markdown sources of the synthetic
// corpus (shorter than the large corpus's papers) and PDFs made with pdf-lib from the same
// text, written once under .cache/bench/ and reused while the generator stays the same.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { cacheDir } from './bundle';
import { generateSource, sourceGeneratorVersion } from './sources';

export interface Library {
  folder: string;
  markdown: number;
  pdfs: number;
  words: number;
  /** Wall-clock time of writing it, in ms (0 when reused). */
  generatedMs: number;
}

/** Words per generated Markdown source: 10,000 of them make a library of about 4 million words. */
export const wordsPerSource = 400;

export async function ensureLibrary(markdown: number, pdfs: number, log: (line: string) => void): Promise<Library> {
  const folder = path.join(cacheDir, `library-${markdown}-${pdfs}-${wordsPerSource}-g${sourceGeneratorVersion}`);
  const done = path.join(folder, 'library.json');
  if (existsSync(done)) return { ...(JSON.parse(readFileSync(done, 'utf8')) as Library), folder, generatedMs: 0 };
  const started = performance.now();
  log(`writing a library of ${markdown} Markdown sources and ${pdfs} PDFs (once; kept in ${path.relative(process.cwd(), folder)})…`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(path.join(folder, 'sources'), { recursive: true });
  mkdirSync(path.join(folder, 'pdfs'), { recursive: true });
  let words = 0;
  for (let i = 0; i < markdown; i++) {
    const source = generateSource(i, wordsPerSource);
    words += source.markdown.split(/\s+/).length;
    writeFileSync(path.join(folder, 'sources', `${source.id}.md`), source.markdown);
  }
  const font = { name: StandardFonts.Helvetica, size: 10 };
  for (let i = 0; i < pdfs; i++) {
    const source = generateSource(markdown + i, wordsPerSource);
    const body = source.markdown.replace(/^---[\s\S]*?---\n/, '').replace(/<!--.*?-->|\[\^\d+\]|^#+ /gm, '');
    const pdf = await PDFDocument.create();
    pdf.setTitle(source.id);
    const helvetica = await pdf.embedFont(font.name);
    const wrapped = body.split(/\n+/).flatMap((paragraph) => wrap(paragraph, 95));
    for (let start = 0; start < wrapped.length; start += 60) {
      const page = pdf.addPage([595, 842]);
      wrapped.slice(start, start + 60).forEach((line, k) => page.drawText(line.replace(/[^\x20-\x7e]/g, ' '), { x: 50, y: 800 - k * 12.5, size: font.size, font: helvetica }));
    }
    writeFileSync(path.join(folder, 'pdfs', `${source.id}.pdf`), await pdf.save());
  }
  const library = { folder, markdown, pdfs, words, generatedMs: Math.round(performance.now() - started) };
  writeFileSync(done, JSON.stringify(library));
  return library;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
