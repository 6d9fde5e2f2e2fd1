/**
 * The e2e harness's rebuild leaves `dist/` holding exactly one build: a chunk of an earlier build (a name the new
 * build does not write) is removed, so it cannot end up in a packed tarball, and the rebuilt CLI runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from './harness.js';

describe('ensureBuilt', () => {
  it('removes chunks the new build did not write and keeps the ones it did', { timeout: 120_000 }, () => {
    ensureBuilt();
    const dist = dirname(BIN);
    const stale = join(dist, 'chunk-STALE000.js');
    writeFileSync(stale, 'export const stale = true;\n');
    writeFileSync(`${stale}.map`, '{}');
    // An entry older than every source makes the next call rebuild.
    utimesSync(BIN, 0, 0);
    ensureBuilt();
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(`${stale}.map`)).toBe(false);
    // What is left is the new build: its chunks, each beside its source map.
    const chunks = readdirSync(dist).filter((f) => f.endsWith('.js') && f !== 'brainstem.js');
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) expect(existsSync(join(dist, `${chunk}.map`))).toBe(true);
    const version = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
