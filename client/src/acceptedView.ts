// The "Attest: Accepted claims" view in the Explorer: the claims marked as checked, each with
// its draft, code and day, and an Undo button that takes the mark back so the claim is
// checked again. Refreshed when diagnostics change, as they do after a mark or an undo.
import { commands, Disposable, EventEmitter, languages, ThemeIcon, TreeItem, TreeItemCollapsibleState, window, type Event, type TreeDataProvider } from 'vscode';
import type { AttestClient } from './attestClient';
import { acceptedClaimLabel } from './labels';
import { acceptedClaimsRequest, undoAcceptRequest, type AcceptedClaimInfo, type UndoAcceptResult } from '../../server/src/protocol';

export type AcceptedNode = { kind: 'claim'; claim: AcceptedClaimInfo } | { kind: 'message'; text: string };

export class AcceptedProvider implements TreeDataProvider<AcceptedNode> {
  private readonly changed = new EventEmitter<AcceptedNode | undefined>();
  readonly onDidChangeTreeData: Event<AcceptedNode | undefined> = this.changed.event;

  constructor(private readonly attest: AttestClient) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  async getChildren(node?: AcceptedNode): Promise<AcceptedNode[]> {
    if (node) return [];
    const { claims } = await this.attest.request(acceptedClaimsRequest, {});
    if (!claims.length) return [{ kind: 'message', text: 'No claims marked as checked. “Mark as checked” in a quick fix lists a claim here.' }];
    return claims.map((claim) => ({ kind: 'claim', claim }));
  }

  getTreeItem(node: AcceptedNode): TreeItem {
    if (node.kind === 'message') return new TreeItem(node.text, TreeItemCollapsibleState.None);
    const { label, description, tooltip } = acceptedClaimLabel(node.claim);
    const item = new TreeItem(label, TreeItemCollapsibleState.None);
    item.description = description;
    item.tooltip = tooltip;
    item.iconPath = new ThemeIcon('pass');
    item.contextValue = 'acceptedClaim';
    return item;
  }
}

export function registerAcceptedView(attest: AttestClient): Disposable {
  const provider = new AcceptedProvider(attest);
  return Disposable.from(
    provider,
    window.registerTreeDataProvider('attestAccepted', provider),
    languages.onDidChangeDiagnostics(() => provider.refresh()),
    // From the view's Undo button (a node) or from code ({ fingerprint }).
    commands.registerCommand('attest.undoAccept', async (target: AcceptedNode | { fingerprint: string }): Promise<UndoAcceptResult | undefined> => {
      const fingerprint = 'kind' in target ? (target.kind === 'claim' ? target.claim.fingerprint : undefined) : target.fingerprint;
      if (!fingerprint) return undefined;
      const result = await attest.request(undoAcceptRequest, { fingerprint });
      if (!result.undone) void window.showInformationMessage('Attest: that claim is no longer marked as checked.');
      provider.refresh();
      return result;
    }),
  );
}
