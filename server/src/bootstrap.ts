// dist/server.js: starts the language server bundle (dist/server-main.js) with a V8 code
// cache, so that a start after the first skips compiling the bundle's 2.6 MB of JavaScript
// and the functions its first check runs. The cache is a file in the user's own cache
// folder (not the shared temporary one: V8 runs what a cache holds), named by Node's version
// and the bundle's size and date; it is written a few seconds after a start without one (or
// when the process exits first). A cache that is missing, unreadable or rejected by V8 only
// costs the time it would have saved.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

const bundle = path.join(__dirname, 'server-main.js');
const source = readFileSync(bundle, 'utf8');
const cacheFile = cachePath();
let cachedData: Buffer | undefined;
try {
  if (cacheFile) cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}

const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
const main = new Module(bundle, module);
main.filename = bundle;
run.call(main.exports, main.exports, createRequire(bundle), main, bundle, __dirname);

if (cacheFile && (!cachedData || script.cachedDataRejected)) {
  let written = false;
  const write = (): void => {
    if (written) return;
    written = true;
    try {
      mkdirSync(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
      const partial = `${cacheFile}.${process.pid}`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, cacheFile);
    } catch {
      // No cache this time: the next start compiles as this one did.
    }
  };
  // Late enough that the first check's functions are compiled and go into the cache too.
  setTimeout(write, 5000).unref();
  process.once('exit', write);
}

function cachePath(): string | undefined {
  try {
    const { size, mtimeMs } = statSync(bundle);
    return path.join(userCacheDir(), 'attest', `server-${process.version}-${process.arch}-${size}-${Math.round(mtimeMs)}.v8cache`);
  } catch {
    return undefined;
  }
}

function userCacheDir(): string {
  if (process.env.XDG_CACHE_HOME) return process.env.XDG_CACHE_HOME;
  if (process.platform === 'win32') return process.env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches');
  return path.join(os.homedir(), '.cache');
}
