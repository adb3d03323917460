// A saved web page's own footnotes and endnotes: a marker is a link to an element of the page
// inside a <sup> (or marked as a note reference), and the element it points to (a list item
// of <ol class="footnotes">, an <aside>, Wikipedia's cite_note) is the note. The notes are
// taken out of the page before the article is found, and the markers become placeholders
// that survive it, written back as "[^n]" beside "[^n]:" definitions that parseSource reads.
import { htmlBlocks, type HtmlDocument, type HtmlElement, type HtmlNode } from './htmlBlocks';

export interface PageNotes {
  /** The article's blocks with the markers' placeholders written as "[^label]". */
  markers(blocks: readonly string[]): string[];
  /** The "[^label]: text" definitions of the notes the blocks mark, in the order they are marked. */
  definitions(blocks: readonly string[]): string[];
}

/** Placeholders: private-use characters around the note's number, which no escaping touches. */
const open = '\uE000';
const close = '\uE001';
const placeholder = new RegExp(`${open}(\\d+)${close}`, 'g');

/** Finds the notes, takes them out of `document`, and leaves placeholders for their markers. */
export function takePageNotes(document: HtmlDocument): PageNotes {
  const notes: { label: string; text: string }[] = [];
  const byId = new Map<string, HtmlElement>();
  for (const element of Array.from(document.querySelectorAll('[id]'))) if (!byId.has(element.getAttribute('id')!)) byId.set(element.getAttribute('id')!, element);
  const byTarget = new Map<string, number>();
  const markers: { element: HtmlElement; note: number }[] = [];
  const markerIds = new Set<string>();
  const candidates: { link: HtmlElement; id: string; target: HtmlElement; sup: HtmlElement | undefined }[] = [];
  for (const link of Array.from(document.querySelectorAll('a[href^="#"]'))) {
    const id = fragment(link);
    const sup = enclosing(link, 'SUP');
    const noteRef = /\bdoc-noteref\b/.test(link.getAttribute('role') ?? '') || /\b(footnote-ref|footnote-reference|fnref|noteref)\b/i.test(link.getAttribute('class') ?? '');
    if (!id || (!sup && !noteRef)) continue;
    const target = byId.get(id);
    if (target && target !== link && !contains(target, link) && noteLike(target)) candidates.push({ link, id, target, sup });
  }
  // A link in a <sup> to a part of the page that holds other markers (a "back to top") is no note.
  const links = candidates.map((c) => c.link);
  for (const { link, id, target, sup } of candidates) {
    if (links.some((other) => contains(target, other))) continue;
    let note = byTarget.get(id);
    if (note === undefined) {
      note = notes.length;
      byTarget.set(id, note);
      const shown = /^\[?(\w+)\]?$/.exec((link.textContent ?? '').trim())?.[1];
      notes.push({ label: shown ?? String(note + 1), text: '' });
    }
    const element = sup && oneLink(sup) ? sup : link;
    markers.push({ element, note });
    for (const marked of [element, link]) if (marked.getAttribute('id')) markerIds.add(marked.getAttribute('id')!);
  }
  // The notes' text, without the links back to their markers; then the notes leave the page.
  const lists = new Set<HtmlElement>();
  for (const [id, note] of byTarget) {
    const target = byId.get(id)!;
    for (const back of Array.from(target.querySelectorAll('a[href^="#"]'))) if (markerIds.has(fragment(back)) || /backlink|footnote-back/i.test(back.getAttribute('class') ?? '')) back.remove();
    for (const back of Array.from(target.querySelectorAll('.mw-cite-backlink, .footnote-back'))) back.remove();
    notes[note]!.text = htmlBlocks(target).map((b) => b.replace(/^- /, '')).join(' ').trim();
    const parent = parentOf(target);
    target.remove();
    if (parent && /^(OL|UL)$/.test(parent.nodeName.toUpperCase())) lists.add(parent);
  }
  for (const list of lists) if (!list.querySelector('li')) list.remove();
  for (const { element, note } of markers) replaceWithText(element, `${open}${note}${close}`);
  // A label two notes show alike (two lists numbered from 1) is made unique.
  const taken = new Set<string>();
  for (const [k, note] of notes.entries()) {
    if (taken.has(note.label)) note.label = `${note.label}-${k + 1}`;
    taken.add(note.label);
  }
  return {
    markers: (blocks) => blocks.map((block) => block.replace(placeholder, (_, k: string) => `[^${notes[Number(k)]!.label}]`)),
    definitions: (blocks) => {
      const marked = new Set<number>();
      for (const block of blocks) for (const m of block.matchAll(placeholder)) marked.add(Number(m[1]));
      return [...marked].filter((k) => notes[k]!.text).map((k) => `[^${notes[k]!.label}]: ${notes[k]!.text}`);
    },
  };
}

/** The id a link's "#…" address names ("" for none or a malformed one). */
function fragment(link: HtmlElement): string {
  const href = link.getAttribute('href') ?? '';
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}

/** A note is a short element without headings: not a section of the article a link jumps to. */
function noteLike(element: HtmlElement): boolean {
  return (element.textContent ?? '').length <= maxNoteLength && !element.querySelector('h1, h2, h3, h4, h5, h6');
}

const maxNoteLength = 4000;

type Linked = HtmlNode & { parentNode?: HtmlNode | null; ownerDocument?: { createTextNode(text: string): HtmlNode } };

function parentOf(node: HtmlNode): HtmlElement | undefined {
  return ((node as Linked).parentNode as HtmlElement | null | undefined) ?? undefined;
}

function enclosing(node: HtmlNode, name: string): HtmlElement | undefined {
  for (let at = parentOf(node); at; at = parentOf(at)) if (at.nodeName.toUpperCase() === name) return at;
  return undefined;
}

function contains(ancestor: HtmlNode, node: HtmlNode): boolean {
  for (let at = parentOf(node); at; at = parentOf(at)) if (at === ancestor) return true;
  return false;
}

/** A <sup> whose only content is the one link (and brackets around it). */
function oneLink(sup: HtmlElement): boolean {
  return sup.querySelectorAll('a').length === 1;
}

function replaceWithText(element: HtmlElement, text: string): void {
  const node = (element as unknown as Linked).ownerDocument!.createTextNode(text);
  (element as unknown as { replaceWith(node: HtmlNode): void }).replaceWith(node);
}
