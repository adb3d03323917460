// Offers, once per workspace, the sources a writer keeps beside the drafts: a sources/ folder,
// a references.bib, or a CSL-JSON export at the top of the workspace folder, when
// attest.sources is not set anywhere (VS Code settings or .attestrc.json). "Use" writes the
// workspace setting; "Never for this workspace" is remembered in the workspace's state, and
// so is "Use"; "Not now" asks again next time. "Attest: Use the sources in this workspace"
// makes the same offer on demand.
import { commands, ConfigurationTarget, RelativePattern, Uri, window, workspace, type Disposable, type Memento, type WorkspaceFolder } from 'vscode';
import type { AttestClient } from './attestClient';
import { sourcesOfferQuestion } from './labels';
import { sourcesRequest } from '../../server/src/protocol';
import { reportFailure } from './commands/activeDraft';

export const offerAnswers = ['Use', 'Not now', 'Never for this workspace'] as const;
export type OfferAnswer = (typeof offerAnswers)[number];

/** The workspace state key: "used" or "never" once answered so. */
const offerState = 'attest.sourcesOffer';

export interface FoundSources {
  folder: WorkspaceFolder;
  /** Files in sources/ (not counting hidden ones); 0 when there is no such folder. */
  folderFiles: number;
  /** references.bib, CSL-JSON exports: names at the top of the folder. */
  files: string[];
}

export function registerSourcesOffer(attest: AttestClient, state: Memento): Disposable {
  // At start, unasked: only when the offer was not answered for good.
  if (!state.get(offerState)) void offer(attest, state, undefined, false).catch(() => undefined);
  // `answer` stands in for the writer's click (keybindings and tests); the result is the setting written.
  return commands.registerCommand('attest.useWorkspaceSources', async (answer?: OfferAnswer): Promise<string[] | undefined> => {
    try {
      return await offer(attest, state, answer, true);
    } catch (error) {
      reportFailure('set up the sources', error);
      return undefined;
    }
  });
}

async function offer(attest: AttestClient, state: Memento, answer: OfferAnswer | undefined, asked: boolean): Promise<string[] | undefined> {
  const folder = workspace.workspaceFolders?.[0];
  if (!folder) {
    if (asked) void window.showInformationMessage('Attest: open a folder to find sources in it.');
    return undefined;
  }
  const { sourcesSetting } = await attest.request(sourcesRequest, {});
  if (sourcesSetting) {
    if (asked) void window.showInformationMessage(`Attest: attest.sources is already set in ${sourcesSetting.origin}; the Attest Sources view lists what it picks.`);
    return undefined;
  }
  const found = await findSources(folder);
  if (!found.folderFiles && !found.files.length) {
    if (asked) void window.showInformationMessage('Attest found no sources/ folder, references.bib or CSL-JSON file at the top of the workspace folder.');
    return undefined;
  }
  const picked = answer ?? (await window.showInformationMessage(sourcesOfferQuestion(found.folderFiles, found.files), ...offerAnswers));
  if (picked === 'Never for this workspace') await state.update(offerState, 'never');
  if (picked !== 'Use') return undefined;
  const setting = [...(found.folderFiles ? ['sources'] : []), ...found.files];
  const target = (workspace.workspaceFolders?.length ?? 0) > 1 ? ConfigurationTarget.WorkspaceFolder : ConfigurationTarget.Workspace;
  await workspace.getConfiguration('attest', folder.uri).update('sources', setting, target);
  await state.update(offerState, 'used');
  return setting;
}

/** What the folder holds that looks like the writer's sources. */
export async function findSources(folder: WorkspaceFolder): Promise<FoundSources> {
  const inFolder = await workspace.findFiles(new RelativePattern(folder, 'sources/**/*'), null, 10_000);
  const folderFiles = inFolder.filter((uri) => !uri.path.split('/').some((part) => part.startsWith('.'))).length;
  const files: string[] = [];
  if (await exists(Uri.joinPath(folder.uri, 'references.bib'))) files.push('references.bib');
  for (const uri of (await workspace.findFiles(new RelativePattern(folder, '*.json'), null, 50)).sort((a, b) => a.path.localeCompare(b.path))) {
    if (await isCslJson(uri)) files.push(uri.path.split('/').pop()!);
  }
  return { folder, folderFiles, files };
}

/** A CSL-JSON export (Zotero, Mendeley): an array of items, each with an id and a type. */
async function isCslJson(uri: Uri): Promise<boolean> {
  try {
    if ((await workspace.fs.stat(uri)).size > 20 * 1024 * 1024) return false;
    const items: unknown = JSON.parse(new TextDecoder().decode(await workspace.fs.readFile(uri)).replace(/^\uFEFF/, ''));
    return Array.isArray(items) && items.length > 0 && items.every((item) => item && typeof item === 'object' && 'id' in item && typeof (item as { type?: unknown }).type === 'string');
  } catch {
    return false;
  }
}

async function exists(uri: Uri): Promise<boolean> {
  return workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}
