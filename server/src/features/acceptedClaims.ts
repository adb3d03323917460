// attest/acceptedClaims and attest/undoAccept: the claims the writer marked as checked, for
// the Accepted view, and taking a mark back so the claim is checked again.
import type { Connection } from 'vscode-languageserver';
import type { AcceptedClaims } from '../accepted';
import { acceptedClaimsRequest, undoAcceptRequest, type AcceptedClaimsResult, type UndoAcceptParams, type UndoAcceptResult } from '../protocol';
import { requireParams } from '../params';

/** `accepted` gives the workspace's marks (they are read again when the workspace opens); `republish` checks the open drafts again. */
export function registerAcceptedClaims(connection: Connection, accepted: () => AcceptedClaims, republish: () => Promise<void>): void {
  connection.onRequest(acceptedClaimsRequest, (): AcceptedClaimsResult => ({ claims: accepted().list().map((c) => ({ ...c })) }));
  connection.onRequest(undoAcceptRequest, async (params: UndoAcceptParams): Promise<UndoAcceptResult> => {
    requireParams(undoAcceptRequest, params, { strings: ['fingerprint'] });
    const undone = accepted().remove(params.fingerprint);
    if (undone) await republish();
    return { undone };
  });
}
