// Entry point of the language server: creates the connection (IPC when started by the
// VS Code client, `--stdio` or `--node-ipc` for other editors) and routes console output to it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
console.log = connection.console.log.bind(connection.console);
console.info = connection.console.info.bind(connection.console);
console.warn = connection.console.warn.bind(connection.console);
console.error = connection.console.error.bind(connection.console);
process.on('uncaughtException', (error) => connection.console.error(`Attest: unexpected error: ${error.stack ?? error}`));
process.on('unhandledRejection', (error) => connection.console.error(`Attest: unexpected error: ${String(error)}`));

startServer(connection);
connection.listen();
