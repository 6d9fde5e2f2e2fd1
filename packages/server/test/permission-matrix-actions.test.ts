/**
 * The special actions by role: approvals accept/reject (reviewers only), invitations and membership
 * requests accept/reject/cancel (each side its own), group join/leave, and log entries (contributors). Every
 * case runs on a fresh approval / invitation / group / entry, since a successful action consumes it.
 */
import { getField, getModel, type ModelSpec } from 'brainstem-api-description';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableOf } from '../src/db/schema.js';
import { insertRecord } from '../src/records/write.js';
import { labLevel, projectLevel, ROLES, type Role } from './permission-matrix-rules.js';
import { buildWorld, type Id, type World } from './permission-matrix-world.js';

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);
afterAll(async () => {
  await world?.close();
});

const path = (m: ModelSpec, id: Id, action: string) => `/api/private/${m.app}/${m.name}/${id}/${action}/`;
let n = 0;
const tag = () => `action ${++n}`;

/** 200 for the side that may act, 403 for others who can see the record, 404 for the rest, 401 anonymous. */
function outcome(role: Role, allowed: (r: Role) => boolean, sees: (r: Role) => boolean): number {
  if (role === 'anonymous') return 401;
  if (allowed(role)) return 200;
  return sees(role) ? 403 : 404;
}

describe('approvals: only reviewers (staff) accept or reject', () => {
  const approved = (getModelList().filter((m) => m.approval) as ModelSpec[]).map(
    (m) => [m, getModel(m.approval?.model as string)] as const,
  );
  for (const [base, approval] of approved) {
    for (const action of ['accept', 'reject'] as const) {
      for (const role of ROLES) {
        // Submitted by `owner`: the submitter sees it (403), reviewers act (200), others cannot see it (404).
        const status = outcome(
          role,
          (r) => r === 'staff',
          (r) => r === 'owner',
        );
        it(`${approval.name} ${action} as ${role} → ${status}`, async () => {
          const sub = await world.api(
            'owner',
            'POST',
            `/api/private/${base.app}/${base.name}/`,
            world.bodyFor(base, 'private', tag()),
          );
          expect(sub.status).toBe(201);
          const id = (sub.body[base.approval?.key as string] as { id: Id }).id;
          const r = await world.api(role, 'PATCH', path(approval, id, action), undefined);
          expect(r.status, JSON.stringify(r.body)).toBe(status);
          const after = await world.api('staff', 'GET', `/api/private/${approval.app}/${approval.name}/${id}/`);
          const expectStatus = status === 200 ? (action === 'accept' ? 'Accepted' : 'Rejected') : 'Pending';
          expect((after.body[approval.detailKey] as { status: string }).status).toBe(expectStatus);
        });
      }
    }
  }

  it('a proposal is published only once accepted', async () => {
    const species = getModel('species');
    const body = world.bodyFor(species, 'private', tag());
    const sub = await world.api('member', 'POST', '/api/private/taxonomies/species/', body);
    const id = (sub.body.species_approval as { id: Id }).id;
    const q = `/api/public/taxonomies/species/?filter{name}=${encodeURIComponent(String(body.name))}`;
    expect((await world.api('anonymous', 'GET', q)).body.count).toBe(0);
    expect((await world.api('owner', 'GET', q.replace('/public/', '/private/'))).body.count).toBe(0);
    await world.api('staff', 'PATCH', path(getModel('speciesapproval'), id, 'accept'));
    expect((await world.api('anonymous', 'GET', q)).body.count).toBe(1);
  });

  it('an approval is reviewed once (400 the second time)', async () => {
    const species = getModel('species');
    const sub = await world.api(
      'owner',
      'POST',
      '/api/private/taxonomies/species/',
      world.bodyFor(species, 'private', tag()),
    );
    const id = (sub.body.species_approval as { id: Id }).id;
    const approval = getModel('speciesapproval');
    expect((await world.api('staff', 'PATCH', path(approval, id, 'accept'))).status).toBe(200);
    expect((await world.api('staff', 'PATCH', path(approval, id, 'reject'))).status).toBe(400);
  });
});

function getModelList(): ModelSpec[] {
  return [
    'species',
    'strain',
    'setuptype',
    'behavioralcategory',
    'behavioralparadigm',
    'regulatoryauthority',
    'consumable',
    'hardwaredevice',
    'supplier',
    'journal',
  ].map((m) => getModel(m));
}

describe('invitations and membership requests: each side its own actions', () => {
  const isProjectManager = (r: Role) => projectLevel(r) >= 3;
  const isLabManager = (r: Role) => labLevel(r) >= 3;
  const invitee = (r: Role) => r === 'non_member';

  /** Creates a fresh invitation/request for non_member; returns its id and a check of the accepted state. */
  async function fresh(model: string): Promise<{ id: Id; accepted(): Promise<boolean> }> {
    const seed = (columns: Record<string, unknown>) => {
      const id = insertRecord(world.ctx, tableOf(model), { columns, lists: {}, special: {} }, world.userIds.owner);
      world.ctx.invalidateCaches();
      return id;
    };
    const none = { can_change: 0, manage_project: 0, own_project: 0 };
    if (model.startsWith('project')) {
      // No API creates project invitations (grants are direct); they are seeded, like the core's demo data.
      const pid = await world.fresh(getModel('project'), tag());
      const inviteeId = model === 'projectmembershipinvitation' ? world.userIds.non_member : await inviteeGroupId();
      const id = seed({ invitee: inviteeId, project: pid, ...none });
      return {
        id,
        accepted: async () =>
          (await world.api('non_member', 'GET', `/api/private/stem/project/${pid}/`)).status === 200,
      };
    }
    const gid = (await world.fresh(getModel('group'), tag())) as number;
    if (model === 'groupmembershipinvitation') {
      await world.api('owner', 'PATCH', `/api/private/users/group/${gid}/`, {
        users: { 'non-member@matrix.example': {} },
      });
    } else {
      await world.api('non_member', 'GET', `/api/private/users/group/${gid}/join/`);
    }
    const m = getModel(model);
    const list = await world.api('owner', 'GET', `/api/private/users/${model}/?filter{authgroup}=${gid}`);
    const own = await world.api('non_member', 'GET', `/api/private/users/${model}/?filter{authgroup}=${gid}`);
    const rows = [
      ...((list.body[m.listKey] as { id: Id; authgroup: number }[]) ?? []),
      ...((own.body[m.listKey] as { id: Id; authgroup: number }[]) ?? []),
    ];
    const row = rows.find((x) => x.authgroup === gid);
    if (!row) throw new Error(`setup: no ${model} for group ${gid}`);
    return {
      id: row.id,
      accepted: async () => {
        const g = await world.api('owner', 'GET', `/api/private/users/group/${gid}/`);
        return Object.keys((g.body.group as { users: object }).users).includes('non-member@matrix.example');
      },
    };
  }
  let inviteeGroup: number | undefined;
  async function inviteeGroupId(): Promise<number> {
    if (inviteeGroup === undefined) {
      const r = await world.api('non_member', 'GET', '/api/private/users/group/?filter{name}=Matrix%20invitee%20group');
      inviteeGroup = (r.body.groups as { id: number }[])[0]?.id;
    }
    return inviteeGroup as number;
  }

  const cases: {
    model: string;
    action: 'accept' | 'reject' | 'cancel';
    allowed(r: Role): boolean;
    sees(r: Role): boolean;
  }[] = [];
  for (const model of ['projectmembershipinvitation', 'projectgroupmembershipinvitation']) {
    const sees = (r: Role) => invitee(r) || isProjectManager(r);
    cases.push(
      { model, action: 'accept', allowed: invitee, sees },
      { model, action: 'reject', allowed: invitee, sees },
    );
    cases.push({ model, action: 'cancel', allowed: isProjectManager, sees });
  }
  {
    const model = 'groupmembershipinvitation';
    const sees = (r: Role) => invitee(r) || isLabManager(r);
    cases.push(
      { model, action: 'accept', allowed: invitee, sees },
      { model, action: 'reject', allowed: invitee, sees },
    );
    cases.push({ model, action: 'cancel', allowed: isLabManager, sees });
  }
  {
    const model = 'groupmembershiprequest';
    const sees = (r: Role) => invitee(r) || isLabManager(r);
    cases.push(
      { model, action: 'accept', allowed: isLabManager, sees },
      { model, action: 'reject', allowed: isLabManager, sees },
    );
    cases.push({ model, action: 'cancel', allowed: invitee, sees });
  }
  for (const c of cases) {
    for (const role of ROLES) {
      const status = outcome(role, c.allowed, c.sees);
      it(`${c.model} ${c.action} as ${role} → ${status}`, async () => {
        const inv = await fresh(c.model);
        const m = getModel(c.model);
        const r = await world.api(role, 'GET', path(m, inv.id, c.action));
        expect(r.status, JSON.stringify(r.body)).toBe(status);
        expect(await inv.accepted()).toBe(status === 200 && c.action === 'accept');
        // Answered invitations are gone; unanswered ones stay for the invitee.
        const still = await world.api(
          c.model === 'groupmembershiprequest' ? 'non_member' : 'owner',
          'GET',
          `/api/private/${m.app}/${m.name}/${inv.id}/`,
        );
        const visibleToOwnerSide =
          c.model === 'groupmembershiprequest' ||
          c.model.startsWith('project') ||
          c.model === 'groupmembershipinvitation';
        if (visibleToOwnerSide) expect(still.status).toBe(status === 200 ? 404 : 200);
      });
    }
  }
});

describe('group join/leave', () => {
  for (const role of ROLES) {
    const inLab = labLevel(role) >= 1;
    const join = role === 'anonymous' ? 401 : inLab ? 400 : 200;
    it(`join as ${role} → ${join}`, async () => {
      const gid = await world.fresh(getModel('group'), tag());
      const r = await world.api(role, 'GET', `/api/private/users/group/${gid}/join/`);
      expect(r.status, JSON.stringify(r.body)).toBe(join);
      const g = await world.api('owner', 'GET', `/api/private/users/group/${gid}/`);
      // Joining only asks: membership comes when a manager accepts the request.
      expect(Object.keys((g.body.group as { users: object }).users)).toHaveLength(4);
    });
    // The sole owner cannot leave (the group keeps an owner); non-members have nothing to leave.
    const leave = role === 'anonymous' ? 401 : inLab && role !== 'owner' ? 200 : 400;
    it(`leave as ${role} → ${leave}`, async () => {
      const gid = await world.fresh(getModel('group'), tag());
      const r = await world.api(role, 'GET', `/api/private/users/group/${gid}/leave/`);
      expect(r.status, JSON.stringify(r.body)).toBe(leave);
      const g = await world.api('owner', 'GET', `/api/private/users/group/${gid}/`);
      expect(Object.keys((g.body.group as { users: object }).users)).toHaveLength(leave === 200 ? 3 : 4);
    });
  }
});

describe('log entries: contributors add, change and remove them', () => {
  for (const name of ['subjectlog', 'procedurelog']) {
    const m = getModel(name);
    for (const action of ['add_entry', 'change_entry', 'remove_entry'] as const) {
      for (const role of ROLES) {
        const level = projectLevel(role);
        const status = role === 'anonymous' ? 401 : level >= 2 ? 200 : level >= 1 ? 403 : 404;
        it(`${name} ${action} as ${role} → ${status}`, async () => {
          const id = world.fixtures.get(name)?.private as Id;
          const log = await world.api('owner', 'GET', `/api/private/${m.app}/${m.name}/${id}/`);
          const type = (log.body[m.detailKey] as { type: string }).type;
          const minute = String(++n % 60).padStart(2, '0');
          const hour = String(Math.floor(n / 60) % 24).padStart(2, '0');
          const when = `2024-02-01T${hour}:${minute}:00Z`;
          const entry = (getField(m.name, 'type')?.intervalTypes ?? []).includes(type)
            ? { start_date_time: when, end_date_time: '2024-02-02T00:00:00Z', notes: 'matrix' }
            : { date_time: when, notes: 'matrix' };
          if (action !== 'add_entry') {
            const setup = await world.api('owner', 'PATCH', path(m, id, 'add_entry'), entry);
            expect(setup.status, JSON.stringify(setup.body)).toBe(200);
          }
          const body = action === 'change_entry' ? { ...entry, notes: `changed by ${role}` } : entry;
          const r = await world.api(role, 'PATCH', path(m, id, action), body);
          expect(r.status, JSON.stringify(r.body)).toBe(status);
          const after = await world.api('owner', 'GET', `/api/private/${m.app}/${m.name}/${id}/`);
          const entries = (
            after.body[m.detailKey] as { entries: { notes?: string; date_time?: string; start_date_time?: string }[] }
          ).entries;
          const mine = entries.filter((e) => (e.date_time ?? e.start_date_time) === when);
          if (action === 'add_entry') expect(mine).toHaveLength(status === 200 ? 1 : 0);
          if (action === 'remove_entry') expect(mine).toHaveLength(status === 200 ? 0 : 1);
          if (action === 'change_entry') expect(mine[0]?.notes).toBe(status === 200 ? `changed by ${role}` : 'matrix');
        });
      }
    }
  }
});
