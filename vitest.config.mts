import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/protocol/**/*.test.ts'],
    testTimeout: 20000,
    // The index of the writer's sources goes to a fresh folder of each run, not the user's cache.
    env: { XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'attest-test-cache-')) },
  },
});
