// A stand-in "VS Code executable" for @vscode/test-electron's runTests: it takes the
// arguments runTests gives the real desktop binary, and runs the extension tests in a
// code-server (a VS Code build from the npm registry) opened in headless Chromium.
//
//   code-server-exec.mjs [folder] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE
//                        [--user-data-dir=DIR] [--extensions-dir=DIR] [other VS Code flags, ignored]
//
// Exits with the tests' exit code. code-server and the browser are always stopped, and a
// hard timeout (ATTEST_VSCODE_TIMEOUT_MS, default 8 minutes) ends a run that hangs.
// Environment variables given to this process reach the extension host, because
// code-server is started afresh for every run.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, killGroup, waitForServer } from './codeServer.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
export const codeServerEntry = path.join(repoRoot, '.cache', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const chromiumPath = process.env.ATTEST_CHROMIUM ?? '/usr/bin/chromium';
const timeoutMs = Number(process.env.ATTEST_VSCODE_TIMEOUT_MS ?? 8 * 60_000);
const verbose = process.env.ATTEST_VSCODE_VERBOSE === '1';

function log(message) {
  process.stdout.write(`[code-server-exec] ${message}\n`);
}

function parseArgs(argv) {
  const options = { folder: undefined, extensionDevelopmentPath: undefined, extensionTestsPath: undefined, userDataDir: undefined, extensionsDir: undefined };
  const names = { extensionDevelopmentPath: 'extensionDevelopmentPath', extensionTestsPath: 'extensionTestsPath', 'user-data-dir': 'userDataDir', 'extensions-dir': 'extensionsDir' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      options.folder ??= path.resolve(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!(name in names)) continue; // --no-sandbox, --disable-updates, ...: desktop flags with no meaning here
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    options[names[name]] = path.resolve(value);
  }
  return options;
}




async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!options.extensionDevelopmentPath || !options.extensionTestsPath) {
    log('usage: code-server-exec.mjs [folder] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE');
    return 2;
  }
  if (!fs.existsSync(codeServerEntry)) {
    log(`code-server is not installed (${codeServerEntry} is missing). Run "bash .ci/run" once, or install it with:`);
    log('  npm install --prefix .cache/code-server code-server@4.100.3   (see .ci/run for the Debian packages it needs)');
    return 3;
  }
  const { chromium } = await import('playwright-core');

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-code-server-'));
  const userDataDir = options.userDataDir ?? path.join(scratch, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(scratch, 'extensions');
  for (const dir of [userDataDir, extensionsDir, path.join(scratch, 'config'), path.join(scratch, 'data')]) fs.mkdirSync(dir, { recursive: true });
  // Settings the workbench reads at start: no welcome page, no telemetry prompts, no surprises.
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'security.workspace.trust.enabled': false }, null, 2));
  }

  const port = await freePort();
  const deadline = Date.now() + timeoutMs;
  let codeServer;
  let browser;
  let finished = false;
  let resolveExit;
  const exitCode = new Promise((resolve) => (resolveExit = resolve));
  const finish = (code) => {
    if (finished) return;
    finished = true;
    resolveExit(code);
  };

  const cleanup = async () => {
    try {
      await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 5000))]);
    } catch {
      // the browser may already be gone
    }
    killGroup(codeServer, 'SIGTERM');
    if (codeServer && codeServer.exitCode === null && codeServer.signalCode === null) {
      await Promise.race([new Promise((r) => codeServer.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
      killGroup(codeServer, 'SIGKILL');
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      log(`received ${signal}, stopping`);
      finish(130);
    });
  }
  const timer = setTimeout(() => {
    log(`timed out after ${Math.round(timeoutMs / 1000)} s; stopping code-server and the browser`);
    finish(124);
  }, timeoutMs);

  try {
    const args = [
      codeServerEntry,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--ignore-last-opened',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
    ];
    log(`starting code-server on 127.0.0.1:${port}`);
    codeServer = spawn(process.execPath, args, {
      cwd: options.folder ?? options.extensionDevelopmentPath,
      detached: true, // its own process group, so the extension host and language server go with it
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, XDG_CONFIG_HOME: path.join(scratch, 'config'), XDG_DATA_HOME: path.join(scratch, 'data'), VSCODE_CLI: undefined, ELECTRON_RUN_AS_NODE: undefined },
    });
    const serverLog = [];
    const onServerOutput = (chunk) => {
      const text = chunk.toString();
      serverLog.push(text);
      if (serverLog.length > 200) serverLog.shift();
      if (verbose) process.stdout.write(text.replace(/^/gm, '[code-server] '));
    };
    // The runner's watchdog kills what is recorded here if this process itself hangs.
    if (process.env.ATTEST_VSCODE_PIDFILE) fs.appendFileSync(process.env.ATTEST_VSCODE_PIDFILE, `${process.pid}\n-${codeServer.pid}\n`);
    codeServer.stdout.on('data', onServerOutput);
    codeServer.stderr.on('data', onServerOutput);
    codeServer.on('exit', (code, signal) => {
      if (!finished) {
        log(`code-server exited unexpectedly (${code ?? signal}); its last output:\n${serverLog.join('')}`);
        finish(1);
      }
    });
    await Promise.race([waitForServer(port, codeServer, deadline), exitCode]);
    if (finished) return await exitCode;

    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      timeout: 60_000,
    });
    const page = await browser.newPage();
    await page.exposeFunction('codeAutomationExit', (code) => {
      log(`tests finished with exit code ${code}`);
      finish(Number(code) || 0);
    });
    page.on('console', (message) => {
      const text = message.text();
      // The extension host's console arrives in the workbench's console; the workbench's own chatter does not interest us.
      if (verbose) {
        process.stdout.write(`[browser:${message.type()}] ${text}\n`);
      } else if (text.includes('[attest-test] ')) {
        // The suite's own report (test/vscode/suite/index.ts), after the workbench's log prefix.
        process.stdout.write(`${text.slice(text.indexOf('[attest-test] ') + '[attest-test] '.length)}\n`);
      } else if (message.type() === 'error' && /attest|mocha|extensionTests/i.test(text) && !/open-vsx|ENOTFOUND|extension test\(s\) failed/.test(text)) {
        process.stdout.write(`[workbench error] ${text}\n`);
      }
    });
    page.on('pageerror', (error) => {
      if (verbose) process.stdout.write(`[browser:pageerror] ${error.message}\n`);
    });
    page.on('crash', () => {
      log('the workbench page crashed');
      finish(1);
    });

    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).join('/')}`;
    const payload = [
      ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(options.extensionTestsPath)],
    ];
    const query = new URLSearchParams({ payload: JSON.stringify(payload) });
    if (options.folder) query.set('folder', options.folder);
    const url = `http://127.0.0.1:${port}/?${query.toString()}`;
    log(`opening the workbench${options.folder ? ` on ${options.folder}` : ''}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    return await exitCode;
  } catch (error) {
    log(`failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    finish(1);
    return await exitCode;
  } finally {
    clearTimeout(timer);
    await cleanup();
  }
}

const code = await main();
process.exit(code);
