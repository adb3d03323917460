// Escapes text for Markdown so that source text shown to the writer cannot create links,
// images, HTML, commands or formatting.
const special = /[\\`*_{}[\]()#+\-.!|<>~:&"'=]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(special, (c) => `\\${c}`).replace(/\n/g, ' ');
}

/** A URL shown as a link only if it is plain http(s); anything else is shown as text. */
export function safeLink(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/[^\s<>()]+$/i.test(url)) return undefined;
  return `<${url}>`;
}
