// Progress while the writer's sources are indexed (a first build, or one after the cache
// was cleared): "Indexing sources: 340 of 2,000 files" in the editor's progress area. Drafts
// are checked against the sources already loaded meanwhile. Clients that do not show
// progress get none.
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';

const count = (n: number): string => n.toLocaleString('en-US');

export function indexingProgress(connection: Connection): (done: number, total: number) => void {
  let reporter: Promise<WorkDoneProgressServerReporter | undefined> | undefined;
  return (done, total) => {
    const message = `${count(done)} of ${count(total)} files`;
    const percentage = total ? Math.round((100 * done) / total) : 100;
    if (!reporter) {
      if (done >= total) return;
      reporter = connection.window.createWorkDoneProgress().then(
        (r) => {
          r.begin('Indexing sources', percentage, message);
          return r;
        },
        // A client that refused the progress just shows none.
        () => undefined,
      );
      return;
    }
    const current = reporter;
    if (done >= total) reporter = undefined;
    void current.then((r) => (done >= total ? r?.done() : r?.report(percentage, message)));
  };
}
