// Reads the parts of a source's own footnote: "Title. – Outlet. 09.01.2020. URL: <…> (accessed 10.03.2020)."
import type { SourceFootnote } from '../core/types';

const urlPattern = /URL:\s*<?((?:https?:\/\/|www\.)[^\s<>()]+(?:\([^\s)]*\))?[^\s<>()]*)>?/i;
const barePattern = /<?(https?:\/\/[^\s<>]+?)>?(?=[\s).,;]*$|\s)/i;
const accessedPattern = /\(accessed\s+([^)]+)\)/i;
const datePattern = /(?:^|[\s.,])(\d{2}\.\d{2}\.\s?\d{4}|\d{2}\.\d{4})(?=[.\s,]|$)/;

export function parseFootnote(label: string, text: string): SourceFootnote {
  const footnote: SourceFootnote = { label, text };
  const url = urlPattern.exec(text) ?? barePattern.exec(text);
  if (url) footnote.url = normaliseUrl(url[1]!);
  const accessed = accessedPattern.exec(text);
  if (accessed) footnote.accessed = accessed[1]!.trim();
  const beforeUrl = (url ? text.slice(0, url.index) : text).trim();
  const date = datePattern.exec(beforeUrl);
  if (date) footnote.date = date[1]!.replace(/\s/g, '');
  const head = (date ? beforeUrl.slice(0, date.index) : beforeUrl).replace(/[\s.,]+$/, '');
  const dash = head.lastIndexOf(' \u2013 ');
  if (dash >= 0) {
    footnote.title = cleanTitle(head.slice(0, dash));
    footnote.outlet = head.slice(dash + 3).replace(/[\s.,]+$/, '').trim();
  } else {
    // "Title. Outlet, 24.04.2019." has no dash: the last sentence before the date is the outlet.
    const parts = head.split(/\.\s+(?=[A-Z])/);
    if (parts.length > 1) {
      footnote.outlet = parts.pop()!.replace(/[\s.,]+$/, '').trim();
      footnote.title = cleanTitle(parts.join('. '));
    } else if (head) {
      footnote.title = cleanTitle(head);
    }
  }
  return footnote;
}

/** Drops a leading "Surname I." author and surrounding quotation marks from a title. */
function cleanTitle(title: string): string {
  return title
    .trim()
    .replace(/^[A-Z][\p{L}-]+\s(?:[A-Z][a-z]?\.\s?)+(?:,\s*[A-Z][\p{L}-]+\s(?:[A-Z][a-z]?\.\s?)+)*/u, '')
    .replace(/^[\s"“”\u201d]+|[\s"“”.\u201d]+$/g, '')
    .trim();
}

function normaliseUrl(url: string): string {
  const trimmed = url.replace(/[.,;]+$/, '');
  return trimmed.startsWith('www.') ? `http://${trimmed}` : trimmed;
}
