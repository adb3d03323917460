// Wires the language server: capabilities, documents with incremental sync, settings,
// the source library, the shared per-version analyses, and one registration per feature.
import * as path from 'node:path';
import { CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { Analyses } from './analyses';
import { AcceptedClaims } from './accepted';
import { acceptCommand, registerCodeActions } from './features/codeActions';
import { completionTriggers, registerCompletion } from './features/completion';
import { registerDefinition } from './features/definition';
import { registerDiagnostics } from './features/diagnostics';
import { registerDocumentLinks } from './features/documentLinks';
import { outlineLabel, registerDocumentSymbols } from './features/documentSymbols';
import { registerHover } from './features/hover';
import { registerAcceptedClaims } from './features/acceptedClaims';
import { registerReferences } from './features/references';
import { registerRename } from './features/rename';
import { registerCheckFile } from './features/checkFile';
import { registerDocumentStatus } from './features/documentStatus';
import { registerFactCheckReport } from './features/factCheckReport';
import { registerInsertCitation } from './features/insertCitation';
import { registerRestyleNotes } from './features/restyleNotes';
import { registerShowSource } from './features/showSource';
import { registerSources } from './features/sourcesList';
import type { SourceProblem } from './core/types';
import { indexingProgress } from './features/indexingProgress';
import { SourceLibrary } from './library';
import { draftBibliographies, OpenDraftLibraries } from './corpus/bibliographyFrontMatter';
import { settingsProblemsMessage, sourceProblemLine, sourceProblemsMessage } from './sourceProblems';
import { checkedDocumentSync } from './params';
import { fileOf, ServerSettings } from './serverSettings';
import { serverInfo } from './version';
import { tellWriter } from './messages';
import { TeamSources } from './team/teamSources';
import { sourcesChangedNotification } from './protocol';

export { serverInfo };


export interface ServerOptions {
  /** Folder with corpus.json and, beside it, docs/; defaults to the bundle's folder. */
  distDir?: string;
  /** Pause after typing before re-checking. */
  debounceMs?: number;
}

// Server-side commands; the client's "Attest: …" commands call them with the active document.
export const commands = { checkDocument: 'attest.server.checkDocument', acceptClaim: acceptCommand } as const;

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const distDir = options.distDir ?? __dirname;
  const documents = new TextDocuments(TextDocument);
  const settings = new ServerSettings(connection);
  // Problems found before the client is listening wait until it is.
  let initialized = false;
  const waitingProblems: (() => void)[] = [];
  // Every problem the library reported (once each), for the Sources view.
  const sourceProblems: SourceProblem[] = [];
  const library = new SourceLibrary({
    distDir,
    onProblems: (problems, loaded) => {
      sourceProblems.push(...problems);
      const show = (): void => {
        for (const problem of problems) connection.console.warn(`Attest source problem in ${sourceProblemLine(problem)}`);
        tellWriter(connection, 'warning', sourceProblemsMessage(problems, loaded));
      };
      if (initialized) show();
      else waitingProblems.push(show);
    },
    onIndexing: indexingProgress(connection),
    onSettingsProblems: (problems) => {
      for (const problem of problems) connection.console.warn(sourceProblemLine(problem));
      tellWriter(connection, 'warning', settingsProblemsMessage(problems));
    },
  });
  // Reference libraries named by the open drafts' `bibliography:` front matter, as pandoc reads it: each draft is checked against its own.
  const draftLibraries = new OpenDraftLibraries();
  const analyses = new Analyses(documents, library, settings, (uri) => draftLibraries.of(uri));
  // Before the features' own listeners: a draft's check must know the libraries it names.
  documents.onDidChangeContent(({ document }) => {
    const file = fileOf(document.uri);
    if (file && draftLibraries.set(document.uri, draftBibliographies(document.getText(), file).files)) void configureLibrary();
  });
  const team = new TeamSources({
    onSources: (sources) => library.setTeamSources(sources),
    onMessage: (kind, message) => {
      connection.console.log(`Attest team library: ${message}`);
      tellWriter(connection, kind, message);
      // The status bar asks again when the sources change.
      void connection.sendNotification(sourcesChangedNotification);
    },
  });
  const fetchTeamSources = (uri: string): void => {
    const document = documents.get(uri);
    const file = fileOf(uri);
    if (document && !(file && library.concerns(file))) void team.fetch(uri, document.getText());
  };
  documents.onDidChangeContent((e) => fetchTeamSources(e.document.uri));
  documents.onDidClose((e) => team.forget(e.document.uri));
  let roots: string[] = [];
  let accepted = new AcceptedClaims(undefined);
  let watchesFiles = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    settings.supportsConfiguration = Boolean(params.capabilities?.workspace?.configuration);
    const init = params.initializationOptions as { trusted?: boolean; attest?: unknown } | undefined;
    settings.trusted = init?.trusted !== false;
    if (init?.attest !== undefined) settings.push(init.attest);
    watchesFiles = Boolean(params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    roots = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).flatMap((f) => (fileOf(f.uri) ? [path.resolve(fileOf(f.uri)!)] : []));
    settings.roots = roots;
    accepted = new AcceptedClaims(settings.trusted ? roots[0] : undefined);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: completionTriggers, resolveProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: outlineLabel },
        documentLinkProvider: { resolveProvider: false },
        executeCommandProvider: { commands: Object.values(commands) },
        ...diagnostics.initialize(params.capabilities),
      },
      serverInfo,
    };
  });

  const docsUri = URI.file(path.join(distDir, '..', 'docs', 'checks.md')).toString();
  const isAccepted = (fingerprint: string | undefined): boolean => accepted.has(fingerprint);
  const diagnostics = registerDiagnostics(connection, documents, analyses, settings, {
    debounceMs: options.debounceMs ?? 200,
    docsUri,
    isAccepted,
  });

  registerHover(connection, analyses, (fingerprint) => accepted.get(fingerprint)?.on ?? (accepted.has(fingerprint) ? '' : undefined));
  registerCompletion(connection, analyses);
  registerCodeActions(connection, analyses);
  registerDefinition(connection, analyses);
  registerReferences(connection, analyses);
  registerRename(connection, analyses);
  registerDocumentSymbols(connection, analyses);
  registerDocumentLinks(connection, analyses);
  // Attest's own requests (server/src/protocol.ts), behind the client's commands and views.
  registerCheckFile(connection, library, settings, { docsUri, isAccepted });
  registerDocumentStatus(connection, analyses, library, isAccepted, () => team.unavailable);
  registerAcceptedClaims(connection, () => accepted, () => diagnostics.publishAll());
  registerSources(connection, library, sourceProblems, async () => {
    await settings.forDocument(libraryScope());
    return settings.sourcesOrigin(libraryScope());
  });
  registerShowSource(connection, analyses, library);
  registerInsertCitation(connection, analyses);
  registerFactCheckReport(connection, analyses);
  registerRestyleNotes(connection, analyses);

  // The library's settings are the first workspace folder's.
  const libraryScope = (): string => (roots[0] ? URI.file(roots[0]).toString() : 'file:///');
  const configureLibrary = async (): Promise<void> => {
    const current = await settings.forDocument(libraryScope());
    // Without a folder on disk (a virtual workspace, a lone file) relative source folders mean nothing.
    const sources = roots.length ? current.sources : current.sources.filter((s) => path.isAbsolute(s));
    await library.configure({ roots: roots.length ? roots : [path.parse(process.cwd()).root], sources, bundledCorpus: current.bundledCorpus, excludeSources: current.excludeSources, cacheFolder: current.cacheFolder, bibliographies: draftLibraries.files });
    // An untrusted workspace must not send the drafts' words to a database it names.
    if (await team.configure(settings.trusted ? current.library : '')) for (const document of documents.all()) fetchTeamSources(document.uri);
  };
  // A `bibliography:` naming no file is told when the draft opens or is saved, not while a path is typed.
  const toldBibliography = new Set<string>();
  const tellBibliographyProblems = ({ document }: { document: TextDocument }): void => {
    const file = fileOf(document.uri);
    for (const problem of file ? draftBibliographies(document.getText(), file).problems : []) {
      if (toldBibliography.has(`${document.uri}\u0000${problem}`)) continue;
      toldBibliography.add(`${document.uri}\u0000${problem}`);
      tellWriter(connection, 'warning', `${path.basename(file!)}: ${problem}`);
    }
  };
  documents.onDidOpen(tellBibliographyProblems);
  documents.onDidSave(tellBibliographyProblems);
  documents.onDidClose(({ document }) => {
    if (draftLibraries.set(document.uri, [])) void configureLibrary();
  });
  library.onDidChange(() => {
    analyses.forget();
    void diagnostics.publishAll();
  });

  connection.onInitialized(() => {
    initialized = true;
    for (const show of waitingProblems.splice(0)) show();
    if (settings.supportsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'attest' });
    // An edited .attestrc.json applies without a restart, in any editor that can watch files for the server.
    if (watchesFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.attestrc.json' }] });
    void configureLibrary();
  });
  connection.onDidChangeConfiguration(({ settings: changed }) => {
    // Without workspace/configuration, the notification carries the settings themselves.
    const pushed = (changed as { attest?: unknown } | null | undefined)?.attest;
    if (!settings.supportsConfiguration && pushed !== undefined) settings.push(pushed);
    settings.forget();
    void configureLibrary();
  });
  let reload: ReturnType<typeof setTimeout> | undefined;
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const files = changes.flatMap((c) => fileOf(c.uri) ?? []);
    if (accepted.file && files.includes(accepted.file)) {
      accepted.reload();
      void diagnostics.publishAll();
    }
    if (files.some((f) => path.basename(f) === '.attestrc.json')) settings.forget();
    if (!files.some((f) => library.concerns(f) || path.basename(f) === '.attestrc.json')) return;
    clearTimeout(reload);
    reload = setTimeout(() => void configureLibrary(), 150);
  });
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command === commands.checkDocument && typeof args?.[0] === 'string') {
      // Asked for: a library that was unreachable is tried again.
      fetchTeamSources(args[0]);
      await diagnostics.publish(args[0]);
    }
    if (command === commands.acceptClaim && typeof args?.[0] === 'string' && typeof args[1] === 'string') {
      try {
        accepted.add({ fingerprint: args[1], claim: String(args[2] ?? ''), code: String(args[3] ?? ''), file: fileOf(args[0]) && roots[0] ? path.relative(roots[0], fileOf(args[0])!) : undefined });
      } catch (error) {
        tellWriter(connection, 'warning', error instanceof Error ? error.message : String(error));
        return;
      }
      await diagnostics.publish(args[0]);
    }
  });

  documents.listen(checkedDocumentSync(connection));
}
