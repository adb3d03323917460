// The "Attest Sources" view in the Explorer: bundled and workspace sources, each with its
// footnotes; a click opens the source, or the passage citing the footnote. Source files
// Attest could not use are listed with an error icon and the reason. Refreshed when the
// server says the sources changed (attest/sourcesChanged).
import { commands, Disposable, EventEmitter, Range, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState, Uri, window, type TreeDataProvider, type Event } from 'vscode';
import type { AttestClient } from './attestClient';
import { footnoteLabel, settingOrigin } from './labels';
import { sourcesChangedNotification, sourcesRequest, type SourceFootnoteInfo, type SourceInfo, type SourceProblemInfo, type SourcesResult } from '../../server/src/protocol';

export type SourceNode =
  | { kind: 'group'; group: 'bundled' | 'workspace'; sources: SourceInfo[]; problems: SourceProblemInfo[]; setting?: SourcesResult['sourcesSetting'] }
  | { kind: 'source'; source: SourceInfo }
  | { kind: 'footnote'; source: SourceInfo; footnote: SourceFootnoteInfo }
  | { kind: 'problem'; problem: SourceProblemInfo }
  | { kind: 'message'; text: string; tooltip?: string };

export class SourcesProvider implements TreeDataProvider<SourceNode> {
  private readonly changed = new EventEmitter<SourceNode | undefined>();
  readonly onDidChangeTreeData: Event<SourceNode | undefined> = this.changed.event;
  private list: Promise<SourcesResult> | undefined;

  constructor(
    private readonly attest: AttestClient,
    /** The extension's folder: problems with files in it belong to the bundled corpus. */
    private readonly extensionUri: Uri,
  ) {}

  refresh(): void {
    this.list = undefined;
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  async getChildren(node?: SourceNode): Promise<SourceNode[]> {
    if (!node) {
      let list: SourcesResult;
      try {
        list = await (this.list ??= this.attest.request(sourcesRequest, {}));
      } catch (error) {
        this.list = undefined;
        return [{ kind: 'message', text: 'The sources could not be listed', tooltip: error instanceof Error ? error.message : String(error) }];
      }
      const bundledProblem = (p: SourceProblemInfo): boolean => Boolean(p.uri?.startsWith(`${this.extensionUri.toString()}/`));
      return [
        { kind: 'group', group: 'bundled', sources: list.sources.filter((s) => s.bundled), problems: list.problems.filter(bundledProblem) },
        { kind: 'group', group: 'workspace', sources: list.sources.filter((s) => !s.bundled), problems: list.problems.filter((p) => !bundledProblem(p)), ...(list.sourcesSetting ? { setting: list.sourcesSetting } : {}) },
      ];
    }
    switch (node.kind) {
      case 'group': {
        const children: SourceNode[] = [...node.sources.map((source): SourceNode => ({ kind: 'source', source })), ...node.problems.map((problem): SourceNode => ({ kind: 'problem', problem }))];
        if (children.length) return children;
        return [node.group === 'bundled' ? { kind: 'message', text: 'Turned off (attest.bundledCorpus)' } : { kind: 'message', text: 'None yet: add folders to attest.sources', tooltip: 'Folders or globs of sources (Markdown, text, PDF, saved web pages, Word files, .bib or CSL-JSON libraries), relative to the workspace folder.' }];
      }
      case 'source':
        return node.source.footnotes.map((footnote) => ({ kind: 'footnote', source: node.source, footnote }));
      default:
        return [];
    }
  }

  getTreeItem(node: SourceNode): TreeItem {
    return sourceTreeItem(node);
  }
}

export function sourceTreeItem(node: SourceNode): TreeItem {
  switch (node.kind) {
    case 'group': {
      const item = new TreeItem(node.group === 'bundled' ? 'Bundled' : 'Workspace', TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.group}`;
      item.description = `${node.sources.length}${node.problems.length ? `, ${node.problems.length} not used` : ''}${node.setting ? ` · ${settingOrigin(node.setting.origin)}` : ''}`;
      if (node.setting) item.tooltip = `Chosen by attest.sources in ${node.setting.origin}${node.setting.overrides ? `, used over ${node.setting.overrides}, which sets it too` : ''}.`;
      item.contextValue = 'attestSourceGroup';
      return item;
    }
    case 'source': {
      const { source } = node;
      const item = new TreeItem(source.label, source.footnotes.length ? TreeItemCollapsibleState.Collapsed : TreeItemCollapsibleState.None);
      item.id = `source:${source.id}`;
      const errors = source.problems.filter((p) => p.severity === 'error');
      // Information (a bundled paper's own flaws) is in the tooltip only: the source is fine to use.
      const problem = errors[0] ?? source.problems.find((p) => p.severity === 'warning');
      item.description = errors[0] ? errors[0].message : source.title;
      item.tooltip = [source.title, source.reference, source.url, `${source.passages} passages, ${source.footnotes.length} footnotes`, ...source.problems.map(problemLine)].filter(Boolean).join('\n\n');
      item.iconPath = !problem ? new ThemeIcon('book') : problemIcon(problem.severity);
      item.contextValue = problem ? 'attestSourceWithProblems' : 'attestSource';
      item.command = { command: 'attest.openSourceLocation', title: 'Open the source', arguments: [{ sourceId: source.id }] };
      return item;
    }
    case 'footnote': {
      const { source, footnote } = node;
      const item = new TreeItem(footnoteLabel(footnote), TreeItemCollapsibleState.None);
      item.id = `footnote:${source.id}:${footnote.label}`;
      item.tooltip = [footnote.title, footnote.url].filter(Boolean).join('\n');
      item.iconPath = footnote.missing ? problemIcon(source.bundled ? 'information' : 'warning') : new ThemeIcon(footnote.url ? 'link' : 'note');
      item.contextValue = 'attestFootnote';
      item.command = { command: 'attest.openSourceLocation', title: 'Open the passage citing this footnote', arguments: [{ sourceId: source.id, footnote: footnote.label }] };
      return item;
    }
    case 'problem': {
      const { problem } = node;
      const item = new TreeItem(problem.file.split(/[\\/]/).pop() ?? problem.file, TreeItemCollapsibleState.None);
      item.id = `problem:${problem.file}:${problem.line ?? ''}:${problem.message}`;
      item.description = problem.message;
      item.tooltip = problemLine(problem);
      item.iconPath = problemIcon(problem.severity);
      item.contextValue = 'attestSourceProblem';
      if (problem.uri) {
        const line = problem.line ?? 0;
        item.command = { command: 'vscode.open', title: 'Open the file', arguments: [Uri.parse(problem.uri), { selection: new Range(line, 0, line, 0) }] };
      }
      return item;
    }
    case 'message': {
      const item = new TreeItem(node.text, TreeItemCollapsibleState.None);
      if (node.tooltip) item.tooltip = node.tooltip;
      item.iconPath = new ThemeIcon('info');
      return item;
    }
  }
}

function problemLine(problem: SourceProblemInfo): string {
  const kind = { error: 'Error', warning: 'Warning', information: 'Note' }[problem.severity];
  return `${kind}: ${problem.file}${problem.line !== undefined ? `:${problem.line + 1}` : ''}: ${problem.message}`;
}

function problemIcon(severity: SourceProblemInfo['severity']): ThemeIcon {
  if (severity === 'information') return new ThemeIcon('info');
  return severity === 'error' ? new ThemeIcon('error', new ThemeColor('list.errorForeground')) : new ThemeIcon('warning', new ThemeColor('list.warningForeground'));
}

export function registerSourcesView(attest: AttestClient, extensionUri: Uri): Disposable {
  const provider = new SourcesProvider(attest, extensionUri);
  const view = window.createTreeView('attestSources', { treeDataProvider: provider, showCollapseAll: true });
  return Disposable.from(
    provider,
    view,
    attest.onNotification(sourcesChangedNotification, () => provider.refresh()),
    commands.registerCommand('attest.refreshSources', () => provider.refresh()),
  );
}
