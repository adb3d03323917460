// What the checker remembers between analyses stays within a bound in bytes however long
// the writer types, and remembering less never changes what is reported.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { ByteLru, detached } from '../../server/src/core/byteLru';
import { createChecker } from '../../server/src/core/checker';
import type { Finding } from '../../server/src/core/findings/findings';
import { bundledCorpus } from './corpus';
import { typingDraft } from './helpers';

const corpus = bundledCorpus();

const render = (findings: Finding[]): string[] => findings.map((f) => `${f.start}-${f.end} ${f.code}: ${f.message}`);

describe('the checker in a long typing session', () => {
  it('keeps its remembered verdicts within its bound in bytes, and reports what a fresh checker does', () => {
    const cacheBytes = 256 * 1024;
    const checker = createChecker({ corpus, cacheBytes });
    for (let n = 0; n < 1500; n++) {
      checker.analyse(typingDraft(n));
      const { blocks, sentences } = checker.cachedBytes();
      expect(blocks).toBeLessThanOrEqual(cacheBytes);
      expect(sentences).toBeLessThanOrEqual(cacheBytes);
    }
    expect(checker.cachedBytes().blocks).toBeGreaterThan(cacheBytes / 2);
    const last = typingDraft(1500);
    expect(render(checker.analyse(last).findings)).toEqual(render(createChecker({ corpus }).analyse(last).findings));
  });
});

describe('ByteLru', () => {
  it('forgets the least recently used entries beyond its bound, and keeps none larger than the bound', () => {
    const lru = new ByteLru<string, string>(10, (_key, value) => value.length);
    lru.set('a', 'aaaa');
    lru.set('b', 'bbbb');
    lru.get('a');
    lru.set('c', 'cccc');
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.bytes]).toEqual(['aaaa', undefined, 'cccc', 8]);
    lru.set('d', 'd'.repeat(11));
    expect([lru.get('d'), lru.size, lru.bytes]).toEqual([undefined, 2, 8]);
  });
});

describe('detached', () => {
  it('copies a slice without keeping alive the text it was cut from', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapAfter = (copy: (s: string) => string): number => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const kept = Array.from({ length: 100 }, (_, i) => copy(`${i}`.padEnd(100_000, 'x').slice(10, 60)));
      gc();
      const grown = process.memoryUsage().heapUsed - before;
      expect(kept).toHaveLength(100);
      return grown;
    };
    // A plain slice keeps each 100 KB text; a detached one keeps its 50 characters.
    expect(heapAfter((s) => s)).toBeGreaterThan(5_000_000);
    expect(heapAfter(detached)).toBeLessThan(1_000_000);
  });
});
