// Runs the extension's integration tests in a real VS Code (`npm run test:vscode`).
//
// The desktop VS Code download is out of reach here, so @vscode/test-electron's runTests is
// handed a stand-in executable (code-server-exec.mjs): code-server, a VS Code build from the
// npm registry installed by .ci/run into .cache/code-server, opened in headless Chromium.
// On a machine where runTests can download VS Code itself, setting ATTEST_VSCODE_DESKTOP=1
// uses the desktop build instead; the suite is the same.
//
// On a fresh clone code-server and Chromium are not there yet: the first run installs them
// with `ATTEST_CI_INSTALL_ONLY=1 bash .ci/run` (code-server into .cache/, Debian packages
// as root or through passwordless sudo), so `npm test` passes as the README writes it.
//
// Environment: ATTEST_VSCODE_GREP=pattern runs only matching tests; ATTEST_VSCODE_VERBOSE=1
// shows code-server's and the workbench's own output; ATTEST_VSCODE_TIMEOUT_MS bounds a run.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import testElectron from '@vscode/test-electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const outDir = path.join(repoRoot, '.cache', 'vscode-test');
const suiteOut = path.join(outDir, 'suite');
const wrapper = path.join(here, 'code-server-exec.mjs');
const codeServerEntry = path.join(repoRoot, '.cache', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const chromium = process.env.ATTEST_CHROMIUM ?? '/usr/bin/chromium';
const desktop = process.env.ATTEST_VSCODE_DESKTOP === '1';
const runTimeoutMs = Number(process.env.ATTEST_VSCODE_TIMEOUT_MS ?? 8 * 60_000);
// The runner's own bound: the stand-in stops itself at runTimeoutMs; this catches anything that still hangs.
const hardTimeoutMs = runTimeoutMs + 90_000;

function say(message) {
  process.stdout.write(`[test:vscode] ${message}\n`);
}

async function main() {
  const started = Date.now();
  if (!desktop && missingParts().length) {
    say(`${notInstalled(missingParts())}: installing what the suite needs, once (ATTEST_CI_INSTALL_ONLY=1 bash .ci/run)`);
    // npm has installed the project's own packages already; .ci/run installs code-server and the Debian packages.
    const install = spawnSync('bash', [path.join(repoRoot, '.ci', 'run')], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ATTEST_CI_INSTALL_ONLY: '1', ATTEST_CI_SKIP_NPM_INSTALL: '1' } });
    const still = missingParts();
    if (install.status !== 0 || still.length) {
      say(`the install ${install.status !== 0 ? `failed (${install.error?.message ?? `exit code ${install.status}`})` : 'finished'}${still.length ? `, and ${notInstalled(still)}` : ''}.`);
      say('It needs root or passwordless sudo for the Debian packages (chromium and build tools), and the npm registry for code-server.');
      say('Run "bash .ci/run" as root, or install Chromium yourself and set ATTEST_CHROMIUM to it.');
      return 1;
    }
  }

  // The extension itself: `npm test` has just built it; build it when it is missing or older than its sources.
  const bundles = ['dist/extension.js', 'dist/server.js', 'dist/corpus.json'].map((b) => path.join(repoRoot, b));
  const missing = bundles.some((b) => !fs.existsSync(b));
  const builtAt = missing ? 0 : Math.min(...bundles.map((b) => fs.statSync(b).mtimeMs));
  const stale = !missing && newestSource(['client/src', 'server/src', 'corpus', 'esbuild.mjs']) > builtAt;
  if (missing || stale) {
    say(`dist/ is ${missing ? 'incomplete' : 'older than the sources'}: building it (node esbuild.mjs)`);
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  }

  // The suite: every test/vscode/suite/*.ts becomes one CommonJS file the extension host loads.
  fs.rmSync(suiteOut, { recursive: true, force: true });
  const suiteDir = path.join(here, 'suite');
  const entryPoints = fs.readdirSync(suiteDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => path.join(suiteDir, f));
  await esbuild.build({
    entryPoints,
    outdir: suiteOut,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });

  // A fresh copy of the fixture workspace per run: tests may edit and save drafts.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-vscode-test-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(here, 'fixtures', 'workspace'), workspace, { recursive: true });
  const resultsFile = path.join(scratch, 'results.json');

  let vscodeExecutablePath;
  if (!desktop) {
    // runTests spawns the executable directly; a tiny shell script runs the stand-in with this Node.
    vscodeExecutablePath = path.join(outDir, 'code');
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(vscodeExecutablePath, `#!/bin/sh\nexec "${process.execPath}" "${wrapper}" "$@"\n`, { mode: 0o755 });
  }

  const watchdog = setTimeout(() => {
    say(`the run did not end within ${Math.round(hardTimeoutMs / 1000)} s: giving up`);
    killRecorded(path.join(scratch, 'pids'));
    process.exit(124);
  }, hardTimeoutMs);
  watchdog.unref();

  let exitCode = 0;
  say(`running the suite in ${desktop ? 'VS Code desktop' : 'code-server + Chromium'} (workspace: ${workspace})`);
  try {
    exitCode = await testElectron.runTests({
      ...(vscodeExecutablePath ? { vscodeExecutablePath } : { version: '1.100.3' }),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(suiteOut, 'index.js'),
      launchArgs: [workspace, `--user-data-dir=${path.join(scratch, 'user-data')}`, `--extensions-dir=${path.join(scratch, 'extensions')}`],
      extensionTestsEnv: {
        ATTEST_VSCODE_RESULTS: resultsFile,
        ATTEST_VSCODE_PIDFILE: path.join(scratch, 'pids'),
        ATTEST_VSCODE_TIMEOUT_MS: String(runTimeoutMs),
      },
    });
  } catch (error) {
    exitCode = typeof error?.code === 'number' && error.code !== 0 ? error.code : 1;
    say(error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(watchdog);
  }

  let summary;
  try {
    summary = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    say('the suite wrote no results: it did not load or did not run (see the output above).');
  }
  if (summary) {
    process.stdout.write('\nAttest extension tests (VS Code):\n');
    for (const line of summary.lines) process.stdout.write(`${line}\n`);
    for (const [i, failure] of summary.failures.entries()) process.stdout.write(`\n${i + 1}) ${failure.title}\n${failure.error}\n`);
    process.stdout.write('\n');
    if (summary.failed > 0 || summary.passed === 0) exitCode ||= 1;
  } else {
    exitCode ||= 1;
  }
  fs.rmSync(scratch, { recursive: true, force: true });
  say(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s with exit code ${exitCode}`);
  if (summary) process.stdout.write(`vscode: ${summary.passed} passed, ${summary.failed} failed${summary.pending ? `, ${summary.pending} skipped` : ''}\n`);
  return exitCode;
}

/** What the code-server run needs that is not installed. */
function missingParts() {
  const missing = [];
  if (!fs.existsSync(codeServerEntry)) missing.push(`code-server (${path.relative(repoRoot, codeServerEntry)})`);
  if (!fs.existsSync(chromium)) missing.push(`Chromium (${chromium})`);
  return missing;
}

function notInstalled(parts) {
  return `${parts.join(' and ')} ${parts.length === 1 ? 'is' : 'are'} not installed`;
}

/** The latest modification time among the files under the given paths (relative to the repository). */
function newestSource(paths) {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const p of paths) visit(path.join(repoRoot, p));
  return newest;
}

/** Kills what the stand-in recorded (its own pid and code-server's process group). */
function killRecorded(pidFile) {
  let lines = [];
  try {
    lines = fs.readFileSync(pidFile, 'utf8').split('\n').filter(Boolean);
  } catch {
    return;
  }
  for (const line of lines) {
    const pid = Number(line);
    if (!Number.isInteger(pid) || pid === 0) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

process.exit(await main());
