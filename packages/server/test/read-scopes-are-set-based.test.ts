/**
 * A list's count and its pages under a non-superuser's read scope come from sets SQLite computes once
 * (`IN (SELECT …)` that does not refer to the outer row), never from a check run again for each row: SQLite's
 * query plan names a correlated subquery "CORRELATED" and a per-row existence probe "EXISTS". Checked for every
 * model, on both portals, for the list's id query (its length is the count), a `count(*)` and a first page.
 */
import { MODELS, type ModelSpec, type Portal } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '../src/auth/users.js';
import { tableOf } from '../src/db/schema.js';
import { DEMO_USERS, type RunningServer, startServer } from '../src/index.js';
import type { Caller } from '../src/permissions/caller.js';
import { readScope } from '../src/permissions/scope.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, quiet: true, seed: 'demo', seedSessions: 50 });
});
afterAll(() => server.close());

function plans(model: ModelSpec, caller: Caller): string[][] {
  const t = tableOf(model);
  const s = readScope(server.ctx, caller, model, 'a');
  const queries = [
    `SELECT a.rowid FROM ${t.table} a WHERE ${s.sql} ORDER BY a.rowid ASC`,
    `SELECT count(*) FROM ${t.table} a WHERE ${s.sql}`,
    `SELECT a.rowid FROM ${t.table} a WHERE ${s.sql} ORDER BY a.rowid ASC LIMIT 1`,
  ];
  return queries.map((q) =>
    (server.ctx.db.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...s.params) as { detail: string }[]).map((r) => r.detail),
  );
}

describe('read scopes are set-based', () => {
  it('no model’s count or page under a member’s scope runs a subquery per row', () => {
    const alice = findUserByEmail(server.ctx.db, DEMO_USERS.alice.email);
    expect(alice?.is_staff).toBe(false);
    let checked = 0;
    for (const portal of ['private', 'public'] as Portal[]) {
      const caller: Caller = { user: alice, portal };
      for (const m of MODELS as readonly ModelSpec[]) {
        for (const detail of plans(m, caller)) {
          expect(
            detail.filter((d) => d.includes('CORRELATED') || /\bEXISTS\b/.test(d)),
            `${portal} ${m.name}: ${detail.join(' | ')}`,
          ).toEqual([]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('sessions, whose projects live in a junction table, are scanned once', () => {
    const alice = findUserByEmail(server.ctx.db, DEMO_USERS.alice.email);
    const [ids] = plans(MODELS.find((m) => m.name === 'session') as ModelSpec, { user: alice, portal: 'private' });
    expect(ids?.filter((d) => /^(SCAN|SEARCH) a\b/.test(d))).toHaveLength(1);
  });
});
