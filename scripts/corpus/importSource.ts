// One entry of corpus/raw/sources.yaml converted to the corpus's Markdown.
import { convertMarkdownArticle } from './markdownArticle';
import { convertPdfText } from './pdfText';
import { renderSource, type Conversion } from './blocks';

export interface ManifestEntry {
  raw: string;
  format: 'pdf-text' | 'markdown';
  options?: Record<string, unknown>;
  meta: Record<string, unknown> & { id: string };
}

export interface ImportedSource {
  id: string;
  markdown: string;
  conversion: Conversion;
}

export function importSource(entry: ManifestEntry, raw: string): ImportedSource {
  const options = entry.options ?? {};
  const conversion =
    entry.format === 'pdf-text'
      ? convertPdfText(raw, {
          firstPage: Number(options['firstPage'] ?? 1),
          runningHeads: ((options['runningHeads'] as string[] | undefined) ?? []).map((r) => new RegExp(r, 'u')),
          dropNonLatinPages: Boolean(options['dropNonLatinPages']),
        })
      : convertMarkdownArticle(raw, { bodyStartsAt: new RegExp(String(options['bodyStartsAt'] ?? '.'), 'u') });
  const meta = { ...entry.meta, ...(conversion.keywords.length ? { keywords: conversion.keywords } : {}), converted: `corpus:import from corpus/raw/${entry.raw}` };
  return { id: entry.meta.id, markdown: renderSource(meta, conversion.blocks), conversion };
}
