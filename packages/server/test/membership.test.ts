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
