/**
 * Loads the demo data (`seed: 'demo'`, records in `demo-data/`) through the generic write path in one
 * transaction (a few ms), and the benchmarks' extra sessions.
 */
import { randomUUID } from 'node:crypto';
import { insertToken } from '../auth/tokens.js';
import { createUser } from '../auth/users.js';
import type { ServerContext } from '../context.js';
import { quoteIdentifier, tableOf } from '../db/schema.js';
import { nowIso, stmt } from '../db/statements.js';
import { DEMO_USERS } from '../demo-users.js';
import { LEVEL } from '../permissions/levels.js';
import { grantAttribute, setGroupMember, setProjectGrant } from '../permissions/membership.js';
import { insertRecord } from '../records/write.js';
import { DEMO_PROJECTS, DEMO_RECORDS, type DemoPerson, type DemoRecord, PEOPLE } from './demo-data/index.js';

export { DEMO_PROJECTS } from './demo-data/index.js';

/** scrypt hash of `brainstem-demo` (precomputed so the demo starts fast; format in auth/passwords.ts). */
const DEMO_PASSWORD_HASH = 'scrypt$16384$8$1$YnJhaW5zdGVtLWRlbW8tc2FsdA==$hxKGtlDTFjGmmFXSK4GD5kB8O6pxBQm+ou/vilK1qJc=';

export interface SeedOptions {
  /** Extra sessions added to Alice's project "Hippocampal place cells" (benchmarks load 20,000). */
  sessions?: number;
}

/** Ids of the demo users and records by their demo key. */
type DemoIds = Map<string, string | number>;

/** Load the demo data into an empty database. */
export function seedDemo(ctx: ServerContext, opts: SeedOptions = {}): void {
  const { db } = ctx;
  const existing = stmt(db, 'SELECT count(*) AS n FROM users').get() as { n: number };
  if (existing.n === 0) {
    db.transaction(() => {
      const ids: DemoIds = new Map();
      for (const person of PEOPLE) ids.set(person.key, createDemoUser(ctx, person));
      for (const record of DEMO_RECORDS) {
        const id = insertDemoRecord(ctx, record, ids);
        if (record.key === undefined) continue;
        if (ids.has(record.key)) throw new Error(`Demo data: the key "${record.key}" is used twice.`);
        ids.set(record.key, id);
      }
    })();
    ctx.invalidateCaches();
  }
  if (opts.sessions) seedSessions(ctx, opts.sessions);
}

function createDemoUser(ctx: ServerContext, person: DemoPerson): number {
  const { email, name, token } = DEMO_USERS[person.key];
  const [first_name, last_name] = name.split(' ');
  const user = createUser(ctx.db, {
    email,
    passwordHash: DEMO_PASSWORD_HASH,
    first_name,
    last_name,
    is_staff: person.isStaff,
  });
  insertToken(ctx.db, user.id, 'demo token', token);
  for (const [column, value] of Object.entries(person.profile ?? {})) {
    stmt(ctx.db, `UPDATE users SET ${quoteIdentifier(column)} = ? WHERE id = ?`).run(value, user.id);
  }
  return user.id;
}

function insertDemoRecord(ctx: ServerContext, record: DemoRecord, ids: DemoIds): string | number {
  const idOf = (key: string) => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`Demo data: "${key}" is referred to before it is defined.`);
    return id;
  };
  const stored = (v: unknown): unknown => {
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (v === null || typeof v !== 'object') return v;
    return 'ref' in v ? idOf(String(v.ref)) : JSON.stringify(v);
  };
  const columnsOf = (fields: Record<string, unknown> = {}) =>
    Object.fromEntries(Object.entries(fields).map(([name, v]) => [name, stored(v)]));
  const lists = Object.fromEntries(
    Object.entries(record.lists ?? {}).map(([name, refs]) => [name, refs.map((r) => idOf(r.ref))]),
  );
  const owner = record.owner === null ? null : (idOf(record.owner ?? 'alice') as number);
  const id = insertRecord(
    ctx,
    tableOf(record.model),
    { columns: columnsOf(record.fields), lists, special: {} },
    owner,
    columnsOf(record.serverFields),
  );
  for (const m of record.members ?? []) {
    const isOwner = m.role === 'owner';
    setGroupMember(ctx, id as number, idOf(m.user) as number, { manager: isOwner, owner: isOwner });
  }
  for (const a of record.access ?? []) {
    const holder = 'user' in a ? { user: idOf(a.user) as number } : { group: idOf(a.group) as number };
    if (record.model === 'project') setProjectGrant(ctx, String(id), holder, LEVEL[a.level]);
    else grantAttribute(ctx, record.model, String(id), holder, LEVEL[a.level]);
  }
  return id;
}

/**
 * Add `n` sessions to Alice's project "Hippocampal place cells", in one transaction with prepared statements
 * (20,000 take well under a second).
 */
export function seedSessions(ctx: ServerContext, n: number): void {
  const { db } = ctx;
  const project = stmt(db, 'SELECT id FROM t_project WHERE name = ?').get(DEMO_PROJECTS.placeCells) as
    | { id: string }
    | undefined;
  const alice = stmt(db, 'SELECT id FROM users WHERE email = ?').get(DEMO_USERS.alice.email) as
    | { id: number }
    | undefined;
  if (!project || !alice) throw new Error('seedSessions needs the demo data (seed: "demo")');
  const start = (
    stmt(db, "SELECT count(*) AS n FROM t_session WHERE name LIKE 'bench-session-%'").get() as { n: number }
  ).n;
  const insert = db.prepare(
    `INSERT INTO t_session (id, name, description, date_time, extra_fields, download_links, name_used_in_storage, tags, created_date, modified_date, owner_id)
     VALUES (?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?)`,
  );
  const link = db.prepare('INSERT INTO j_session_projects (src, dst, pos) VALUES (?, ?, 0)');
  const base = Date.parse('2024-06-01T08:00:00Z');
  db.transaction(() => {
    const now = nowIso();
    for (let i = start; i < start + n; i++) {
      const id = randomUUID();
      const name = `bench-session-${String(i + 1).padStart(6, '0')}`;
      const date = new Date(base + i * 3_600_000).toISOString().replace('.000Z', 'Z');
      insert.run(
        id,
        name,
        `Benchmark session ${i + 1}`,
        date,
        `{"trial_count":${(i * 37) % 400},"rig":"rig-${i % 4}"}`,
        name,
        i % 2 ? '["bench"]' : '["bench","odd"]',
        now,
        now,
        alice.id,
      );
      link.run(id, project.id);
    }
  })();
  ctx.invalidateCaches();
}
