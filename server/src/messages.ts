// What the server tells the writer: window messages sent as notifications (every client
// shows them; none has to answer), and sizes written for people.
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';

export function tellWriter(connection: Connection, kind: 'warning' | 'information', message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type: kind === 'warning' ? MessageType.Warning : MessageType.Info, message });
}

/** 2.0 MB, 340 KB, 120 bytes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1048576) return `${(bytes / 1048576).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
