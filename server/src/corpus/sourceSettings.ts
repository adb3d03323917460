// What can be wrong with the settings that pick the sources, in the words the CLI and the
// editor share: a folder or glob that finds no source file, an excluded id no source has.
import { sourceExtensions } from './readers';

/** 'the source folder or glob "sourcs" matches no … file in /project; no sources are read from it.' */
export function unmatchedSourcesMessage(pattern: string, resolvedIn?: readonly string[]): string {
  const where = resolvedIn?.length ? ` in ${resolvedIn.join(' or ')}` : '';
  return `the source folder or glob "${pattern}" matches no ${fileKinds()} file${where}; no sources are read from it.`;
}

/** The ids of `excluded` that no source in `known` has. */
export function unknownSourceIds(excluded: readonly string[], known: readonly string[]): string[] {
  return excluded.filter((id) => !known.includes(id));
}

/** '"a-2020", "b-2021"' */
export function quotedIds(ids: readonly string[]): string {
  return ids.map((id) => `"${id}"`).join(', ');
}

/** 'the sources are a-2020, b-2021' (sorted), or 'none'. */
export function sourcesListed(known: readonly string[]): string {
  return `the sources are ${[...new Set(known)].sort().join(', ') || 'none'}`;
}

/** 'no source has the id "a-2052"; the sources are a-2020, b-2021.' */
export function unknownIdsMessage(unknown: readonly string[], known: readonly string[]): string {
  return `no source has the id ${quotedIds(unknown)}; ${sourcesListed(known)}.`;
}

/** '.md, .markdown or .txt': the extensions of the files read as sources. */
function fileKinds(): string {
  const names = sourceExtensions.map((e) => `.${e}`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join('');
}
