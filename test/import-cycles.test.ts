// No source file imports itself through others, not even through type-only imports: each package reads as layers
// (registry and generated types at the bottom, then transport, requests and walks, then the client; the CLI and the
// server above the client), so a file can be read knowing only what it imports.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** The relative imports of each file, resolved to files. */
function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(dir)) {
    const targets: string[] = [];
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const base = resolve(dirname(file), (m[1] as string).replace(/\.js$/, ''));
      const target = [`${base}.ts`, join(base, 'index.ts')].find((t) => existsSync(t));
      if (target) targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** One import path that leads from a file back to itself, if any (depth-first search). */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | undefined => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of graph.keys()) {
    if (!state.has(file)) {
      const found = visit(file);
      if (found) return found;
    }
  }
  return undefined;
}

describe('imports form no cycle', () => {
  for (const pkg of ['client', 'cli', 'server']) {
    it(`packages/${pkg}/src`, () => {
      const cycle = findCycle(importGraph(join(root, 'packages', pkg, 'src')));
      expect(cycle?.map((f) => relative(root, f)).join(' → ')).toBeUndefined();
    });
  }

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toBeUndefined();
  });
});
