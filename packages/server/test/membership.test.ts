/** The permission tables' writes: one row per holder, levels set or removed, invitations never demoting. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEVEL } from '../src/permissions/levels.js';
import {
  grantAttribute,
  projectGrantLevel,
  removeGroupMember,
  setGroupMember,
  setProjectGrant,
} from '../src/permissions/membership.js';
import { demoServer, type TestClient } from './helpers.js';

let c: TestClient;
beforeAll(async () => {
  c = await demoServer();
});
afterAll(() => c.close());

const ctx = () => c.server.ctx;
function count(sql: string, ...args: unknown[]): number {
  const row = ctx()
    .db.prepare(sql)
    .get(...args) as { n: number };
  return row.n;
}

describe('permission table writes', () => {
  it('setProjectGrant replaces the level and 0 removes the grant', () => {
    const project = 'aaaaaaaa-0000-4000-8000-000000000001';
    setProjectGrant(ctx(), project, { user: 9001 }, LEVEL.member);
    setProjectGrant(ctx(), project, { user: 9001 }, LEVEL.manager);
    expect(projectGrantLevel(ctx(), project, { user: 9001 })).toBe(LEVEL.manager);
    expect(count('SELECT count(*) AS n FROM project_grants WHERE project_id = ?', project)).toBe(1);
    setProjectGrant(ctx(), project, { user: 9001 }, 0);
    expect(projectGrantLevel(ctx(), project, { user: 9001 })).toBe(0);
    expect(count('SELECT count(*) AS n FROM project_grants WHERE project_id = ?', project)).toBe(0);
  });

  it('grantAttribute keeps the first grant of a holder (NULL columns do not trip the UNIQUE constraint)', () => {
    grantAttribute(ctx(), 'setup', 'attr-1', { group: 9002 }, LEVEL.member);
    grantAttribute(ctx(), 'setup', 'attr-1', { group: 9002 }, LEVEL.owner);
    const rows = ctx().db.prepare("SELECT level FROM attr_grants WHERE record_id = 'attr-1'").all();
    expect(rows).toEqual([{ level: LEVEL.member }]);
  });

  it('setGroupMember sets flags (owner implies manager); keepHigher never demotes', () => {
    const flags = () => ctx().db.prepare('SELECT is_manager, is_owner FROM group_members WHERE group_id = 9003').all();
    setGroupMember(ctx(), 9003, 9004, { manager: false, owner: true });
    expect(flags()).toEqual([{ is_manager: 1, is_owner: 1 }]);
    setGroupMember(ctx(), 9003, 9004, { manager: false, owner: false }, { keepHigher: true });
    expect(flags()).toEqual([{ is_manager: 1, is_owner: 1 }]);
    setGroupMember(ctx(), 9003, 9004, { manager: true, owner: false });
    expect(flags()).toEqual([{ is_manager: 1, is_owner: 0 }]);
    removeGroupMember(ctx(), 9003, 9004);
    expect(flags()).toEqual([]);
  });
});

describe('grants of created and deleted records', () => {
  const grants = (id: string) =>
    ctx()
      .db.prepare('SELECT user_id, group_id, level FROM attr_grants WHERE model = ? AND record_id = ?')
      .all('setup', id);

  it("a personal attribute gets its own grants (creator owner, creator's groups member) and loses them with it", async () => {
    const setupType = (await c.get('api/private/taxonomies/setuptype/')).body.setup_types[0].id;
    const created = await c.req('POST', 'api/private/personal_attributes/setup/', {
      body: { name: 'Grant check rig', setup_type: setupType },
    });
    expect(created.status, created.text).toBe(201);
    const id: string = created.body.setup.id;
    const rows = grants(id) as { user_id: number | null; group_id: number | null; level: number }[];
    expect(rows.filter((r) => r.user_id !== null)).toEqual([
      { user_id: expect.any(Number), group_id: null, level: LEVEL.owner },
    ]);
    expect(rows.filter((r) => r.group_id !== null).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.group_id !== null).every((r) => r.level === LEVEL.member)).toBe(true);

    const deleted = await c.req('DELETE', `api/private/personal_attributes/setup/${id}/`);
    expect(deleted.status, deleted.text).toBe(204);
    expect(grants(id)).toEqual([]);
  });
});
