// No source file imports itself through others, not even through type-only imports: each package reads as layers
// (registry and generated types at the bottom, then transport, requests and walks, then the client; the CLI and the
// server above the client), so a file can be read knowing only what it imports. Between packages the layers are
// the floor plan of docs/architecture.md: the API description at the bottom imports no other package and no Node
// built-in, and the server stands on the description alone, not on the client.
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
  for (const pkg of ['api-description', 'client', 'cli', 'server']) {
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

/** The package-level imports (`brainstem-…`, `node:…`, anything not relative) of every source file of a package. */
function externalImports(pkg: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const specifier = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^.'"][^'"]*)['"]/g;
  for (const file of sources(join(root, 'packages', pkg, 'src'))) {
    const found = [...readFileSync(file, 'utf8').matchAll(specifier)].map((m) => m[1] as string);
    if (found.length > 0) out.set(relative(root, file), found);
  }
  return out;
}

describe('packages stand on the API description', () => {
  it('the API description imports no other package and no Node built-in, and declares no dependency', () => {
    const offending = [...externalImports('api-description')].filter(([, specs]) => specs.length > 0);
    expect(offending).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(root, 'packages/api-description/package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('the server imports the API description, never the client', () => {
    const all = [...externalImports('server')].flatMap(([file, specs]) => specs.map((s) => `${file}: ${s}`));
    expect(all.some((line) => line.endsWith(': brainstem-api-description'))).toBe(true);
    expect(all.filter((line) => /: brainstem-api-tools/.test(line))).toEqual([]);
  });
});
