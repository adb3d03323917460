// Takes the README's screenshots of Attest running in a real VS Code: code-server (the VS Code
// build installed by .ci/run into .cache/code-server) opened in headless Chromium, with this
// repository loaded as the extension under development.
//
//   npm run build && node scripts/screenshots.mjs
//
// Writes docs/images/squiggle.png (a draft with a figure.mismatch warning and the Problems
// panel), docs/images/hover.png (Attest's hover over a sourced figure) and
// docs/images/quickfix.png (the quick-fix menu on the mismatched figure).
//
// Needs: dist/ built (npm run build), code-server and Chromium installed
// (ATTEST_CI_INSTALL_ONLY=1 bash .ci/run). code-server and the browser are always stopped,
// also on error, and ATTEST_SCREENSHOTS_TIMEOUT_MS (default 5 minutes) bounds the run.
// Environment: ATTEST_CHROMIUM (default /usr/bin/chromium), ATTEST_SCREENSHOTS_SCALE (device
// pixel ratio, default 2 for sharp images on high-density screens), ATTEST_SCREENSHOTS_THEME (a colour theme as the theme picker names it,
// default "Dark Modern"), ATTEST_SCREENSHOTS_VERBOSE=1 (code-server's and the workbench's output).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, killGroup, waitForServer } from '../test/vscode/codeServer.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const outDir = path.join(repoRoot, 'docs', 'images');
const codeServerEntry = path.join(repoRoot, '.cache', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const chromiumPath = process.env.ATTEST_CHROMIUM ?? '/usr/bin/chromium';
const timeoutMs = Number(process.env.ATTEST_SCREENSHOTS_TIMEOUT_MS ?? 5 * 60_000);
const scale = Number(process.env.ATTEST_SCREENSHOTS_SCALE ?? 2);
const theme = process.env.ATTEST_SCREENSHOTS_THEME ?? 'Dark Modern';
const verbose = process.env.ATTEST_SCREENSHOTS_VERBOSE === '1';
const viewport = { width: 1280, height: 800 };

// The draft shown in the screenshots: a few lines of a policy brief (after examples/brief.md).
// Line 8 says $80 billion where Korybko & Morozov 2020 say $60 billion (figure.mismatch);
// line 9's $13 billion is supported and cited.
const draftName = 'brief.md';
const draft = `# Pakistan and Russia: trade, energy and the corridor

*Policy brief — draft for comment*

## Summary

Moscow's interest in Islamabad has grown with the China-Pakistan Economic Corridor.
CPEC's eventual total investment is expected to reach $80 billion.
Projects worth $13 billion had been completed by January 2020.[^1]

## Trade and investment

Bilateral trade between Russia and Pakistan stood at $700 million.[^1] Russia promised
a $14 billion investment in Pakistan's energy sector, including $2.5 billion for the
North-South gas pipeline.[^1]

[^1]: Korybko and Morozov, "Pakistan's Role in Russia's Greater Eurasian Partnership," *Polis. Political Studies*, no. 3 (2020): 10.
`;
const mismatch = { text: '$80 billion' };
const sourced = { text: '$13 billion' };

function log(message) {
  process.stdout.write(`[screenshots] ${message}\n`);
}




const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function checkPrerequisites() {
  const problems = [];
  if (!fs.existsSync(codeServerEntry)) problems.push(`code-server is not installed (${path.relative(repoRoot, codeServerEntry)} is missing): run "ATTEST_CI_INSTALL_ONLY=1 bash .ci/run".`);
  if (!fs.existsSync(chromiumPath)) problems.push(`Chromium (${chromiumPath}) is missing: run "ATTEST_CI_INSTALL_ONLY=1 bash .ci/run" or "apt-get install chromium".`);
  for (const bundle of ['dist/extension.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(repoRoot, bundle))) problems.push(`${bundle} is missing: run "npm run build".`);
  }
  return problems;
}

/** The screen rectangle of `text` in the open editor, measured on the rendered line. */
async function textBox(page, text) {
  const box = await page.evaluate(
    ({ text }) => {
      for (const lineEl of document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')) {
        const walker = document.createTreeWalker(lineEl, NodeFilter.SHOW_TEXT);
        // Monaco renders spaces as non-breaking spaces.
        const nodes = [];
        let full = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push({ node: n, start: full.length });
          full += n.data.replace(/\u00a0/g, ' ');
        }
        const at = full.indexOf(text);
        if (at < 0) continue;
        const locate = (offset) => {
          for (let i = nodes.length - 1; i >= 0; i--) if (offset >= nodes[i].start) return { node: nodes[i].node, offset: offset - nodes[i].start };
          return { node: nodes[0].node, offset: 0 };
        };
        const from = locate(at);
        const to = locate(at + text.length);
        const range = document.createRange();
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
      return null;
    },
    { text },
  );
  if (!box) throw new Error(`"${text}" is not on screen`);
  return box;
}

/** Moves the cursor to line:column with Go to Line (Ctrl+G). */
async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await sleep(300);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

async function dismiss(page) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.mouse.move(viewport.width - 5, viewport.height - 5);
  await sleep(500);
}

/**
 * Union of element boxes, padded (`padX` across, `padY` down, one editor line by default so the
 * crop starts and ends on whole lines) and kept inside `bounds` (the editor) and the viewport.
 */
function clipAround(boxes, bounds, { padX = 24, padY = 19, minWidth = 0, lines } = {}) {
  const present = boxes.filter(Boolean);
  let x1 = Math.min(...present.map((b) => b.x)) - padX;
  let y1 = Math.min(...present.map((b) => b.y)) - padY;
  let x2 = Math.max(...present.map((b) => b.x + b.width)) + padX;
  let y2 = Math.max(...present.map((b) => b.y + b.height)) + padY;
  if (lines) {
    // Snap the top and bottom to line boundaries: no half-cut lines of text.
    y1 = lines.top + Math.floor((y1 - lines.top) / lines.height) * lines.height;
    y2 = lines.top + Math.ceil((y2 - lines.top) / lines.height) * lines.height;
  }
  if (x2 - x1 < minWidth) x2 = x1 + minWidth;
  x1 = Math.max(0, bounds.x, x1);
  y1 = Math.max(0, bounds.y, y1);
  x2 = Math.min(viewport.width, x2);
  return { x: Math.round(x1), y: Math.round(y1), width: Math.round(x2 - x1), height: Math.round(Math.min(viewport.height, y2) - y1) };
}

async function run(page, port, workspace) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).join('/')}`;
  const query = new URLSearchParams({ folder: workspace, payload: JSON.stringify([['extensionDevelopmentPath', remote(repoRoot)]]) });
  log('opening the workbench');
  await page.goto(`http://127.0.0.1:${port}/?${query.toString()}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  await sleep(1500);

  // The colour theme: code-server's web workbench starts in Light+ whatever workbench.colorTheme
  // says in the settings file, so choose it in the theme picker (Ctrl+K Ctrl+T) instead.
  log(`choosing the ${theme} colour theme`);
  const before = await workbenchClasses(page);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  const picker = page.locator('.quick-input-widget input');
  await picker.waitFor({ state: 'visible', timeout: 15_000 });
  await picker.fill(theme);
  await page.locator('.quick-input-widget .monaco-list-row.focused').filter({ hasText: theme }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  await sleep(1000);
  const after = await workbenchClasses(page);
  if (after === before) log(`warning: the colour theme did not change (${after})`);

  log(`opening ${draftName}`);
  await page.keyboard.press('Control+P');
  const quickOpen = page.locator('.quick-input-widget input');
  await quickOpen.waitFor({ state: 'visible', timeout: 15_000 });
  await quickOpen.fill(draftName);
  await page.waitForSelector('.quick-input-widget .monaco-list-row', { timeout: 15_000 });
  await sleep(500);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 15_000 });

  log('waiting for Attest to check the draft');
  await page.waitForSelector('.editor-instance .monaco-editor .squiggly-warning', { timeout: 90_000 });
  await sleep(1000);

  // 1. The squiggle, with the Problems panel open below.
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 15_000 });
  await goTo(page, 1, 1);
  await sleep(1000);
  await dismiss(page);
  await page.screenshot({ path: path.join(outDir, 'squiggle.png'), clip: { x: 0, y: 0, ...viewport } });
  log('wrote docs/images/squiggle.png');

  // Hide the panel and the side bar: the hover and the menu get the editor's height and width.
  await page.keyboard.press('Control+J');
  await page.keyboard.press('Control+B');
  await sleep(800);

  // 2. The hover over the sourced figure.
  const figure = await textBox(page, sourced.text);
  await page.mouse.move(figure.x + figure.width / 2, figure.y + figure.height / 2, { steps: 5 });
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').filter({ hasText: 'Attest:' });
  await hover.first().waitFor({ state: 'visible', timeout: 20_000 });
  await sleep(1200);
  const hoverBox = await hover.first().boundingBox();
  const sourcedLine = await lineBox(page, sourced.text);
  const lines = { top: sourcedLine.y, height: sourcedLine.height };
  await page.screenshot({ path: path.join(outDir, 'hover.png'), clip: clipAround([hoverBox, figure, sourcedLine], await editorBox(page), { padY: sourcedLine.height, minWidth: 760, lines }) });
  log('wrote docs/images/hover.png');
  await dismiss(page);

  // 3. The quick-fix menu on the mismatched figure.
  const mismatchBox = await textBox(page, mismatch.text);
  await page.mouse.click(mismatchBox.x + mismatchBox.width / 2, mismatchBox.y + mismatchBox.height / 2);
  await sleep(300);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget').filter({ hasText: 'Change to' });
  await menu.first().waitFor({ state: 'visible', timeout: 20_000 });
  await sleep(800);
  if (!(await menu.first().textContent()).includes('Mark as checked')) log('warning: the quick-fix menu has no "Mark as checked"');
  const menuBox = await menu.first().boundingBox();
  const summaryLine = await lineBox(page, '## Summary');
  const menuLines = { top: summaryLine.y, height: summaryLine.height };
  await page.screenshot({ path: path.join(outDir, 'quickfix.png'), clip: clipAround([menuBox, mismatchBox, await lineBox(page, "Moscow's interest"), summaryLine], await editorBox(page), { padY: 1, minWidth: 760, lines: menuLines }) });
  log('wrote docs/images/quickfix.png');
  await dismiss(page);
}

/** The box of the open editor (line numbers and text). */
async function editorBox(page) {
  return page.locator('.editor-instance .monaco-editor').first().boundingBox();
}

/** The theme classes on the workbench (e.g. "vs-dark vscode-theme-defaults-themes-dark_modern-json"). */
async function workbenchClasses(page) {
  return page.evaluate(() => [...document.querySelector('.monaco-workbench').classList].filter((c) => /^(vs|vs-dark|hc-black|hc-light)$|theme/.test(c)).join(' '));
}

/** The box of the editor line containing `text` (so a crop shows the whole sentence). */
async function lineBox(page, text) {
  return page.evaluate((text) => {
    for (const lineEl of document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')) {
      if (!lineEl.textContent.replace(/\u00a0/g, ' ').includes(text)) continue;
      const r = lineEl.getBoundingClientRect();
      const content = lineEl.firstElementChild?.getBoundingClientRect() ?? r;
      // The editor's left edge (line numbers) to the end of the text.
      const editor = lineEl.closest('.monaco-editor').getBoundingClientRect();
      return { x: editor.x, y: r.y, width: content.x + content.width - editor.x, height: r.height };
    }
    return null;
  }, text);
}

async function main() {
  const problems = checkPrerequisites();
  if (problems.length) {
    for (const p of problems) log(p);
    return 1;
  }
  const { chromium } = await import('playwright-core');
  fs.mkdirSync(outDir, { recursive: true });

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-screenshots-'));
  const workspace = path.join(scratch, 'policy-brief');
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  for (const dir of [workspace, userDataDir, extensionsDir, path.join(scratch, 'config'), path.join(scratch, 'data')]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(workspace, draftName), draft);
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.layoutControl.enabled': false,
        'window.commandCenter': false,
        'chat.commandCenter.enabled': false,
        'chat.disableAIFeatures': true,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'editor.minimap.enabled': false,
        'editor.wordWrap': 'on',
        'editor.fontSize': 14,
        'editor.hover.delay': 200,
        'editor.occurrencesHighlight': 'off',
        'editor.selectionHighlight': false,
        'editor.quickSuggestions': { other: false, comments: false, strings: false },
        'git.enabled': false,
      },
      null,
      2,
    ),
  );

  const port = await freePort();
  const deadline = Date.now() + timeoutMs;
  let codeServer;
  let browser;
  let timer;
  const cleanup = async () => {
    clearTimeout(timer);
    try {
      await Promise.race([browser?.close(), sleep(5000)]);
    } catch {
      // the browser may already be gone
    }
    killGroup(codeServer, 'SIGTERM');
    if (codeServer && codeServer.exitCode === null && codeServer.signalCode === null) {
      await Promise.race([new Promise((r) => codeServer.once('exit', r)), sleep(5000)]);
      killGroup(codeServer, 'SIGKILL');
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  };

  let abort;
  const aborted = new Promise((_, reject) => (abort = reject));
  aborted.catch(() => {});
  timer = setTimeout(() => abort(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => abort(new Error(`received ${signal}`)));

  const serverLog = [];
  try {
    log(`starting code-server on 127.0.0.1:${port}`);
    codeServer = spawn(
      process.execPath,
      [codeServerEntry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir],
      {
        cwd: workspace,
        detached: true, // its own process group, so the extension host and language server go with it
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, XDG_CONFIG_HOME: path.join(scratch, 'config'), XDG_DATA_HOME: path.join(scratch, 'data'), VSCODE_CLI: undefined, ELECTRON_RUN_AS_NODE: undefined },
      },
    );
    const onOutput = (chunk) => {
      const text = chunk.toString();
      serverLog.push(text);
      if (serverLog.length > 200) serverLog.shift();
      if (verbose) process.stdout.write(text.replace(/^/gm, '[code-server] '));
    };
    codeServer.stdout.on('data', onOutput);
    codeServer.stderr.on('data', onOutput);
    codeServer.on('exit', (code, signal) => abort(new Error(`code-server exited (${code ?? signal})`)));
    await Promise.race([waitForServer(port, codeServer, deadline), aborted]);

    browser = await Promise.race([
      chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
        timeout: 60_000,
      }),
      aborted,
    ]);
    const context = await browser.newContext({ viewport, deviceScaleFactor: scale, colorScheme: theme.includes('Light') ? 'light' : 'dark' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    if (verbose) {
      page.on('console', (m) => process.stdout.write(`[browser:${m.type()}] ${m.text()}\n`));
      page.on('pageerror', (e) => process.stdout.write(`[browser:pageerror] ${e.message}\n`));
    }
    page.on('crash', () => abort(new Error('the workbench page crashed')));
    try {
      await Promise.race([run(page, port, workspace), aborted]);
    } catch (error) {
      const failed = path.join(os.tmpdir(), 'attest-screenshots-failure.png');
      try {
        await Promise.race([page.screenshot({ path: failed }), sleep(5000)]);
        log(`the page at the failure: ${failed}`);
      } catch {
        // no page to show
      }
      throw error;
    }
    return 0;
  } catch (error) {
    log(`failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    if (!verbose && serverLog.length) log(`code-server's last output:\n${serverLog.slice(-20).join('')}`);
    return 1;
  } finally {
    codeServer?.removeAllListeners('exit');
    await cleanup();
  }
}

process.exit(await main());
