/**
 * Filters through relation paths compile to sets SQLite computes once (`IN (SELECT …)` subqueries that do not refer
 * to the outer row), never to a subquery run again for each row: SQLite's query plan names the latter
 * "CORRELATED". Checked for every relation field of every model, at the end of a path and one and two hops in.
 */
import {
  filterKeyProblem,
  findModel,
  idKind,
  MODELS,
  type ModelSpec,
  operatorsFor,
  resolveFilter,
} from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableOf } from '../src/db/schema.js';
import { type RunningServer, startServer } from '../src/index.js';
import { compileFilter } from '../src/query/compile.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, quiet: true });
});
afterAll(() => server.close());

/** Every filter key through relation paths of `model` up to `hops` relations deep, ending in `id` or a relation. */
function relationKeys(model: ModelSpec, hops: number): string[] {
  const keys: string[] = [];
  const walk = (m: ModelSpec, prefix: string, depth: number) => {
    for (const f of m.fields) {
      if ((f.type !== 'relation' && f.type !== 'relation_list') || operatorsFor(f).length === 0) continue;
      const key = `${prefix}${f.name}`;
      if (filterKeyProblem(model, key) !== undefined) continue;
      keys.push(key);
      const target = MODELS.find((x) => x.name === f.target);
      if (target && depth < hops) walk(target as ModelSpec, `${key}.`, depth + 1);
    }
  };
  walk(model, '', 0);
  return keys;
}

function plan(model: ModelSpec, key: string, value: string): string[] {
  const t = tableOf(model);
  const c = compileFilter(t, 'a', key, value);
  const rows = server.ctx.db
    .prepare(`EXPLAIN QUERY PLAN SELECT a.id FROM ${t.table} a WHERE ${c.sql}`)
    .all(...c.params);
  return (rows as { detail: string }[]).map((r) => r.detail);
}

describe('relation filters are set-based', () => {
  it('no relation path, one or two hops deep, compiles to a correlated subquery', () => {
    let checked = 0;
    for (const m of MODELS as readonly ModelSpec[]) {
      for (const key of relationKeys(m, 2)) {
        for (const [op, value] of [
          ['isnull', 'true'],
          ['in', '00000000-0000-4000-8000-000000000000'],
        ] as const) {
          const fullKey = `${key}.${op}`;
          const path = resolveFilter(m, fullKey).path;
          if (!path) continue;
          const target = findModel(path.field.target as string);
          // Relations to users and groups are compared by integer ids.
          const v = op === 'in' && target && idKind(target) === 'integer' ? '1' : value;
          const detail = plan(m, fullKey, v);
          expect(
            detail.filter((d) => d.includes('CORRELATED')),
            `${m.name} ${fullKey}`,
          ).toEqual([]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('the two-hop path back to its own model scans sessions once', () => {
    const detail = plan(MODELS.find((m) => m.name === 'session') as ModelSpec, 'projects.sessions.name.icontains', 'x');
    expect(detail.filter((d) => /^SCAN /.test(d))).toHaveLength(1);
    expect(detail.some((d) => d.includes('CORRELATED'))).toBe(false);
  });
});
