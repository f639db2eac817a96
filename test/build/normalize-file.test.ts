import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinNormalizer, dataDir, DATA_FILES } from '../../src/data/builtin.js';
import { createNormalizer, normalizerFromTables } from '../../src/normalize/index.js';
import { readDataFile } from '../../src/match/model-file.js';

describe('normalize.bin (the normalizer tables, stored by the build)', () => {
  it('holds the tables createNormalizer makes from normalize.tsv, and is what checkers use', () => {
    const fresh = createNormalizer(readFileSync(join(dataDir(), 'normalize.tsv'), 'utf8'));
    const file = join(dataDir(), DATA_FILES.normalize);
    const stored = readDataFile(file, readFileSync(file)) as { map: Uint16Array; kind: Uint8Array };
    expect(stored.map).toEqual(fresh.map);
    expect(stored.kind).toEqual(fresh.kind);
    const builtin = builtinNormalizer();
    expect(builtin.map).toEqual(fresh.map);
    expect(builtin.kind).toEqual(fresh.kind);
    for (const text of ['中華民族　偉大復興', '⼈民　ＡＢＣ１２３', '']) {
      expect(builtin.normalize(text)).toBe(fresh.normalize(text));
      expect(builtin.key(text)).toBe(fresh.key(text));
    }
  });

  it('rejects tables of the wrong size', () => {
    expect(() => normalizerFromTables(new Uint16Array(10), new Uint8Array(65536))).toThrow(RangeError);
  });
});
