/**
 * Who may change memberships ("The project users/groups objects … are computed from these grants, and
 * PATCHing them changes grants with the same rules"; group management as the users app documents):
 * every role × every grant change, on a fresh project / group each time, plus the rendered `users`/`groups`.
 */
import { getModel } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser } from '../src/auth/index.js';
import { labLevel, projectLevel, ROLES, type Role } from './permission-matrix-rules.js';
import { buildWorld, emailOf, type Id, type World } from './permission-matrix-world.js';

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);
afterAll(async () => {
  await world?.close();
});

const project = getModel('project');
const group = getModel('group');
const invitation = getModel('groupmembershipinvitation');
const projectPath = (id: Id) => `/api/private/stem/project/${id}/`;
const groupPath = (id: Id) => `/api/private/users/group/${id}/`;

let n = 0;
/** A user outside every fixture, with a token. */
function outsider(): { email: string; token: string } {
  n++;
  const email = `outsider-${n}@matrix.example`;
  const u = createUser(world.ctx.db, { email });
  return { email, token: createToken(world.ctx.db, u.id, 'matrix') };
}

async function asToken(token: string, method: string, path: string): Promise<Record<string, unknown>> {
  const r = await fetch(world.url + path, { method, headers: { authorization: `Bearer ${token}` } });
  return (await r.json()) as Record<string, unknown>;
}

/** Expected status of a grant change that needs `need` (3 manager / 4 owner) on the object. */
function want(role: Role, level: number, need: number, visibleToAll: boolean): number {
  if (role === 'anonymous') return 401;
  if (level >= need) return 200;
  return level >= 1 || visibleToAll ? 403 : 404;
}

interface ProjectCase {
  name: string;
  need: 3 | 4;
  /** Prepares the fresh project (as owner) and returns the PATCH body. */
  body(projectId: Id): Promise<Record<string, unknown>>;
  /** Checks the grant really changed (only for 200). */
  check(rendered: Record<string, unknown>): void;
}

const usersOf = (p: Record<string, unknown>) => p.users as Record<string, Record<string, boolean>>;
const groupsOf = (p: Record<string, unknown>) => p.groups as Record<string, Record<string, boolean>>;

function projectCases(): ProjectCase[] {
  const addWith = (
    name: string,
    flags: Record<string, boolean>,
    need: 3 | 4,
    expect: Record<string, boolean>,
  ): ProjectCase => {
    let email = '';
    return {
      name,
      need,
      body: async () => {
        email = outsider().email;
        return { users: { [email]: flags } };
      },
      check: (p) => expectFlags(usersOf(p)[email], expect),
    };
  };
  const removeWith = (name: string, flags: Record<string, boolean>, need: 3 | 4): ProjectCase => {
    let email = '';
    return {
      name,
      need,
      body: async (id) => {
        email = outsider().email;
        const r = await world.api('owner', 'PATCH', projectPath(id), { users: { [email]: flags } });
        if (r.status !== 200) throw new Error(`setup: ${JSON.stringify(r.body)}`);
        return { users: { [email]: { remove: true } } };
      },
      check: (p) => expect(usersOf(p)[email]).toBeUndefined(),
    };
  };
  return [
    addWith('add a member', {}, 3, { can_change: false, is_manager: false, is_owner: false }),
    addWith('add a contributor', { can_change: true }, 3, { can_change: true, is_manager: false, is_owner: false }),
    addWith('add a manager', { can_change: true, is_manager: true }, 4, {
      can_change: true,
      is_manager: true,
      is_owner: false,
    }),
    addWith('add an owner', { is_owner: true }, 4, { can_change: true, is_manager: true, is_owner: true }),
    removeWith('remove a member', {}, 3),
    removeWith('remove a manager', { is_manager: true }, 4),
    {
      name: 'add a group',
      need: 3,
      body: async () => ({ groups: { 'Matrix invitee group': { can_change: true } } }),
      check: (p) =>
        expectFlags(groupsOf(p)['Matrix invitee group'], { can_change: true, is_manager: false, is_owner: false }),
    },
    {
      name: 'make the project public',
      need: 4,
      body: async () => ({ is_public: true }),
      check: (p) => expect(p.is_public).toBe(true),
    },
  ];
}

function expectFlags(got: Record<string, boolean> | undefined, flags: Record<string, boolean>): void {
  expect(got).toEqual(flags);
}

describe('project users/groups as rendered from the grants', () => {
  it('lists every direct and group grant with the documented flags', async () => {
    const r = await world.api('member', 'GET', projectPath(world.ids.P));
    expect(r.status).toBe(200);
    const p = r.body[project.detailKey] as Record<string, unknown>;
    const flags = (level: number) => ({ can_change: level >= 2, is_manager: level >= 3, is_owner: level >= 4 });
    expect(usersOf(p)).toEqual({
      [emailOf('owner')]: flags(4),
      [emailOf('manager')]: flags(3),
      [emailOf('contributor')]: flags(2),
      [emailOf('member')]: flags(1),
    });
    expect(groupsOf(p)).toEqual({
      'Matrix group_owner': flags(4),
      'Matrix group_manager': flags(3),
      'Matrix group_contributor': flags(2),
      'Matrix group_member': flags(1),
    });
  });

  it('makes the creator the only member (owner), and never lets the last owner go (400)', async () => {
    // A project whose only owner is its creator (the fresh fixture projects also have an owner group).
    const u = outsider();
    const headers = { authorization: `Bearer ${u.token}`, 'content-type': 'application/json' };
    const created = await fetch(`${world.url}/api/private/stem/project/`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Matrix sole owner' }),
    });
    const createdProject = ((await created.json()) as { project: Record<string, unknown> }).project;
    const id = createdProject.id as string;
    // project.md: "when a user creates a project they become its owner and only member".
    expect(usersOf(createdProject)).toEqual({ [u.email]: { can_change: true, is_manager: true, is_owner: true } });
    expect(groupsOf(createdProject)).toEqual({});
    const g = await fetch(`${world.url}/api/private/users/group/`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Matrix sole owner group' }),
    });
    // group.md: the creator becomes the group's owner and only member.
    expect(((await g.json()) as { group: { users: unknown } }).group.users).toEqual({
      [u.email]: { is_manager: true, is_owner: true },
    });
    const r = await fetch(world.url + projectPath(id), {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ users: { [u.email]: { remove: true } } }),
    });
    expect(r.status).toBe(400);
    const after = await asToken(u.token, 'GET', projectPath(id));
    expect(usersOf(after[project.detailKey] as Record<string, unknown>)[u.email]?.is_owner).toBe(true);
  });
});

describe('project grant changes by role', () => {
  for (const c of projectCases()) {
    for (const role of ROLES) {
      const status = want(role, projectLevel(role), c.need, false);
      it(`${c.name} as ${role} → ${status}`, async () => {
        const id = await world.fresh(project, `${c.name} ${role}`);
        const body = await c.body(id);
        const r = await world.api(role, 'PATCH', projectPath(id), body);
        expect(r.status, JSON.stringify(r.body)).toBe(status);
        const after = await world.api('owner', 'GET', projectPath(id));
        const rendered = after.body[project.detailKey] as Record<string, unknown>;
        if (status === 200) c.check(rendered);
        else expect(rendered.is_public).toBe(false);
      });
    }
  }
});

describe('user profiles (user.md: "Users can only change their own profiles, unless they are administrators")', () => {
  for (const role of ROLES) {
    if (role === 'anonymous') continue;
    it(`${role} changes their own profile → 200, and cannot delete it → ${role === 'staff' ? 'n/a' : 403}`, async () => {
      const me = world.userIds[role];
      const r = await world.api(role, 'PATCH', `/api/private/users/user/${me}/`, { first_name: `Self ${role}` });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect((r.body.user as { first_name: string }).first_name).toBe(`Self ${role}`);
      if (role !== 'staff')
        expect((await world.api(role, 'DELETE', `/api/private/users/user/${me}/`)).status).toBe(403);
    });
  }
});

describe('personal attributes: only owners make them public (permissions.md "Public Sharing")', () => {
  for (const name of ['setup', 'inventory', 'datastorage', 'behavioralassay', 'license']) {
    const m = getModel(name);
    for (const role of ROLES) {
      const status = want(role, projectLevel(role), 4, false);
      it(`${name} is_public as ${role} → ${status}`, async () => {
        const id = await world.fresh(m, `public ${role}`);
        const url = `/api/private/${m.app}/${m.name}/${id}/`;
        const r = await world.api(role, 'PATCH', url, { is_public: true });
        expect(r.status, JSON.stringify(r.body)).toBe(status);
        const pub = await fetch(`${world.url}/api/public/${m.app}/${m.name}/${id}/`);
        expect(pub.status).toBe(status === 200 ? 200 : 404);
      });
    }
  }
});

describe('group membership changes by role (Lab: owner, manager, plain members)', () => {
  /** Adds a fresh user to the group at `flags` through invitation + acceptance; returns the email. */
  async function member(gid: Id, flags: Record<string, boolean>): Promise<string> {
    const u = outsider();
    const r = await world.api('owner', 'PATCH', groupPath(gid), { users: { [u.email]: flags } });
    if (r.status !== 200) throw new Error(`setup: ${JSON.stringify(r.body)}`);
    const list = await asToken(u.token, 'GET', `/api/private/users/${invitation.name}/`);
    const inv = (list[invitation.listKey] as { id: string; authgroup: number }[]).find((i) => i.authgroup === gid);
    await asToken(u.token, 'GET', `/api/private/users/${invitation.name}/${inv?.id}/accept/`);
    return u.email;
  }
  const cases: { name: string; need: 3 | 4; body(gid: Id): Promise<Record<string, unknown>> }[] = [
    { name: 'invite a member', need: 3, body: async () => ({ users: { [outsider().email]: {} } }) },
    { name: 'invite a manager', need: 4, body: async () => ({ users: { [outsider().email]: { is_manager: true } } }) },
    {
      name: 'remove a member',
      need: 3,
      body: async (gid) => ({ users: { [await member(gid, {})]: { remove: true } } }),
    },
    {
      name: 'remove a manager',
      need: 4,
      body: async (gid) => ({ users: { [await member(gid, { is_manager: true })]: { remove: true } } }),
    },
    {
      name: 'promote a member to manager',
      need: 4,
      body: async (gid) => ({ users: { [await member(gid, {})]: { is_manager: true } } }),
    },
  ];
  for (const c of cases) {
    for (const role of ROLES) {
      const status = want(role, labLevel(role), c.need, true);
      it(`${c.name} as ${role} → ${status}`, async () => {
        const gid = await world.fresh(group, `${c.name} ${role}`);
        const body = await c.body(gid);
        const before = await world.api('owner', 'GET', groupPath(gid));
        const r = await world.api(role, 'PATCH', groupPath(gid), body);
        expect(r.status, JSON.stringify(r.body)).toBe(status);
        const after = await world.api('owner', 'GET', groupPath(gid));
        if (status !== 200) expect(after.body).toEqual(before.body); // nothing changed
      });
    }
  }

  it('a member can leave; the invitation is what adds members (docs: "has been invited")', async () => {
    const gid = await world.fresh(group, 'leave');
    const u = outsider();
    await world.api('owner', 'PATCH', groupPath(gid), { users: { [u.email]: {} } });
    const before = (await world.api('owner', 'GET', groupPath(gid))).body[group.detailKey] as { users: object };
    expect(Object.keys(before.users)).not.toContain(u.email);
    const list = await asToken(u.token, 'GET', `/api/private/users/${invitation.name}/`);
    const inv = (list[invitation.listKey] as { id: string; authgroup: number }[]).find((i) => i.authgroup === gid);
    await asToken(u.token, 'GET', `/api/private/users/${invitation.name}/${inv?.id}/accept/`);
    const joined = (await world.api('owner', 'GET', groupPath(gid))).body[group.detailKey] as { users: object };
    expect(Object.keys(joined.users)).toContain(u.email);
    await asToken(u.token, 'GET', `${groupPath(gid)}leave/`);
    const left = (await world.api('owner', 'GET', groupPath(gid))).body[group.detailKey] as { users: object };
    expect(Object.keys(left.users)).not.toContain(u.email);
  });
});
