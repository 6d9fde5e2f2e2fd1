/**
 * The world the permission matrix runs against, built on the real server (core's `buildApp`, listening on
 * 127.0.0.1:0) mostly through the API itself:
 *
 * - users and their tokens: directly in the database (the API has no sign-up);
 * - groups (Lab and one group per project level) created by `owner`, members added by PATCH `users`
 *   (which creates invitations, docs) and accepted by the invitees;
 * - private project P and public project Q created by `owner`, grants by PATCH `users`/`groups`;
 * - one record of every project-family model in P and in Q, of every personal attribute (private and public),
 *   of every taxonomy/resource/journal model (proposed by `owner`, accepted by `staff`), a pending approval
 *   of every approval model, a laboratory of Lab, and one invitation/request of each kind.
 *
 * Two things have no API and go straight to the database (as the core's own grant tables): sharing a personal
 * attribute with users/groups at a level (datamodel "Authenticated groups"; no API field), and project
 * invitations (the API only lists and answers them).
 */
import { getModel, MODELS, type ModelSpec } from 'brainstem-api-description';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { createToken, createUser } from '../src/auth/index.js';
import type { ServerContext } from '../src/context.js';
import { tableOf } from '../src/db/schema.js';
import { stmt } from '../src/db/statements.js';
import { insertRecord } from '../src/records/write.js';
import { labLevel, projectLevel, ROLES, type Role } from './permission-matrix-rules.js';

export type Id = string | number;

export interface ApiResult {
  status: number;
  body: Record<string, unknown>;
}

/** Fixture ids: `private` (in P / not public) and `public` (in Q / is_public) variants, or `shared`. */
export interface Fixture {
  private: Id;
  public: Id;
}

export interface World {
  url: string;
  app: FastifyInstance;
  ctx: ServerContext;
  tokens: Record<Role, string | undefined>;
  userIds: Record<Exclude<Role, 'anonymous'>, number>;
  fixtures: Map<string, Fixture>;
  /** P, Q, Lab and the per-level groups. */
  ids: { P: string; Q: string; Lab: number; groups: Record<string, number> };
  api(role: Role, method: string, path: string, body?: unknown): Promise<ApiResult>;
  /** A body that creates a new `model` record in the `variant` world (P/private or Q/public). */
  bodyFor(model: ModelSpec, variant: 'private' | 'public', tag: string): Record<string, unknown>;
  /** A fresh record (for a delete case) with the same grants as the fixture. */
  fresh(model: ModelSpec, tag: string): Promise<Id>;
  close(): Promise<void>;
}

const LEVEL_FLAGS: Record<number, Record<string, boolean>> = {
  4: { can_change: true, is_manager: true, is_owner: true },
  3: { can_change: true, is_manager: true },
  2: { can_change: true },
  1: {},
};

export const emailOf = (role: Role) => `${role.replace('_', '-')}@matrix.example`;

/** Models whose fixtures are created by the generic synthesizer, in dependency order. */
function creationOrder(models: readonly ModelSpec[]): ModelSpec[] {
  const pending = new Map(models.map((m) => [m.name, m]));
  const done = new Set<string>(['project', 'group', 'user']);
  const order: ModelSpec[] = [];
  while (pending.size > 0) {
    let progressed = false;
    for (const [name, m] of pending) {
      const deps = m.fields
        .filter((f) => (f.required || f.requiredOnCreateOnly) && !f.readOnly && f.target && f.target !== name)
        .map((f) => f.target as string);
      if (deps.every((d) => done.has(d) || !pending.has(d))) {
        order.push(m);
        done.add(name);
        pending.delete(name);
        progressed = true;
      }
    }
    if (!progressed) throw new Error(`cyclic required relations among ${[...pending.keys()].join(', ')}`);
  }
  return order;
}

export async function buildWorld(): Promise<World> {
  const { app, ctx } = await buildApp({ seed: 'none', quiet: true });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  const url = `http://127.0.0.1:${addr.port}`;

  const userIds = {} as World['userIds'];
  const tokens = {} as World['tokens'];
  for (const role of ROLES) {
    if (role === 'anonymous') continue;
    const u = createUser(ctx.db, { email: emailOf(role), password: 'matrix-password', is_staff: role === 'staff' });
    userIds[role] = u.id;
    tokens[role] = createToken(ctx.db, u.id, 'matrix');
  }
  const target = createUser(ctx.db, { email: 'target@matrix.example', first_name: 'Target' });

  async function api(role: Role, method: string, path: string, body?: unknown): Promise<ApiResult> {
    const headers: Record<string, string> = {};
    const token = tokens[role];
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = { raw: text };
    }
    return { status: res.status, body: parsed };
  }
  const path = (m: ModelSpec, id?: Id, action?: string) =>
    `/api/private/${m.app}/${m.name}/${id === undefined ? '' : `${id}/`}${action ? `${action}/` : ''}`;
  async function must(
    role: Role,
    method: string,
    p: string,
    body: unknown,
    expect: number,
  ): Promise<Record<string, unknown>> {
    const r = await api(role, method, p, body);
    if (r.status !== expect)
      throw new Error(`world setup: ${role} ${method} ${p} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
  const idOf = (body: Record<string, unknown>, key: string) => (body[key] as { id: Id }).id;

  // --- groups: Lab (owner/manager/members) and one group per project level with a plain member each.
  const group = getModel('group');
  const invitation = getModel('groupmembershipinvitation');
  async function addToGroup(gid: number, role: Role, flags: Record<string, boolean>): Promise<void> {
    await must('owner', 'PATCH', path(group, gid), { users: { [emailOf(role)]: flags } }, 200);
    // Filtered: managers also see the invitations they sent, so an unfiltered first page may not hold this one.
    const list = await must(role, 'GET', `${path(invitation)}?filter{authgroup}=${gid}`, undefined, 200);
    const inv = (list[invitation.listKey] as { id: string; authgroup: number }[]).find((i) => i.authgroup === gid);
    if (!inv) throw new Error(`world setup: no invitation to group ${gid} for ${role}`);
    await must(role, 'GET', path(invitation, inv.id, 'accept'), undefined, 200);
  }
  async function makeLab(name: string, only?: Role): Promise<number> {
    const gid = idOf(await must('owner', 'POST', path(group), { name }, 201), group.detailKey) as number;
    for (const role of ['manager', 'contributor', 'member'] as const) {
      if (only && only !== role) continue;
      await addToGroup(gid, role, labLevel(role) >= 3 ? { is_manager: true } : {});
    }
    return gid;
  }
  const Lab = await makeLab('Matrix Lab');
  const levelGroups: Record<string, number> = {};
  for (const role of ['group_owner', 'group_manager', 'group_contributor', 'group_member'] as const) {
    const gid = idOf(
      await must('owner', 'POST', path(group), { name: `Matrix ${role}` }, 201),
      group.detailKey,
    ) as number;
    await addToGroup(gid, role, {});
    levelGroups[role] = gid;
  }
  // The group the non_member manages: invitee side of the project group invitation.
  const inviteeGroup = idOf(
    await must('non_member', 'POST', path(group), { name: 'Matrix invitee group' }, 201),
    group.detailKey,
  ) as number;

  // --- projects P (private) and Q (public) with every level granted to a user and to a group.
  const project = getModel('project');
  const grants = {
    users: Object.fromEntries(
      (['manager', 'contributor', 'member'] as const).map((r) => [emailOf(r), LEVEL_FLAGS[projectLevel(r)]]),
    ),
    groups: Object.fromEntries(
      (['group_owner', 'group_manager', 'group_contributor', 'group_member'] as const).map((r) => [
        `Matrix ${r}`,
        LEVEL_FLAGS[projectLevel(r)],
      ]),
    ),
  };
  async function makeProject(name: string, isPublic: boolean): Promise<string> {
    const id = idOf(
      await must('owner', 'POST', path(project), { name, is_public: isPublic }, 201),
      project.detailKey,
    ) as string;
    await must('owner', 'PATCH', path(project, id), grants, 200);
    return id;
  }
  const P = await makeProject('Matrix private project', false);
  const Q = await makeProject('Matrix public project', true);

  // --- personal attributes: shared at each level with the level's user and group (no API for this).
  function shareAttribute(model: ModelSpec, id: Id): void {
    const ins = stmt(
      ctx.db,
      'INSERT INTO attr_grants (model, record_id, user_id, group_id, level) VALUES (?, ?, ?, ?, ?)',
    );
    for (const role of ['manager', 'contributor', 'member'] as const) {
      ins.run(model.name, String(id), userIds[role], null, projectLevel(role));
    }
    for (const role of ['group_owner', 'group_manager', 'group_contributor', 'group_member'] as const) {
      ins.run(model.name, String(id), null, levelGroups[role], projectLevel(role));
    }
    ctx.invalidateCaches();
  }

  const fixtures = new Map<string, Fixture>();
  const storagePool: Id[] = [];
  const shared = (id: Id): Fixture => ({ private: id, public: id });
  fixtures.set('project', { private: P, public: Q });
  fixtures.set('group', shared(Lab));
  fixtures.set('user', shared(target.id));

  function ref(fieldTarget: string, variant: 'private' | 'public'): Id {
    if (fieldTarget === 'user') return userIds.owner;
    const f = fixtures.get(fieldTarget);
    if (!f) throw new Error(`world setup: no fixture for ${fieldTarget} yet`);
    return f[variant];
  }

  function bodyFor(model: ModelSpec, variant: 'private' | 'public', tag: string): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    for (const f of model.fields) {
      if (f.readOnly || !(f.required || f.requiredOnCreateOnly)) continue;
      const text = `${model.name} ${variant} ${tag}`.slice(0, f.maxLength ?? 200);
      switch (f.type) {
        case 'string':
        case 'text':
          body[f.name] = text;
          break;
        case 'enum':
          body[f.name] = f.enum?.[0] ?? 'Other';
          break;
        case 'date':
          body[f.name] = '2024-01-15';
          break;
        case 'datetime':
          body[f.name] = '2024-01-15T10:00:00Z';
          break;
        case 'boolean':
          body[f.name] = false;
          break;
        case 'integer':
          body[f.name] = 1;
          break;
        case 'json':
          body[f.name] = {};
          break;
        case 'list_of_strings':
          body[f.name] = [];
          break;
        case 'relation':
          body[f.name] = ref(f.target as string, variant);
          break;
        case 'relation_list':
          body[f.name] = [ref(f.target as string, variant)];
          break;
        default:
          break;
      }
    }
    if (model.family === 'personal' && !model.parent) body.is_public = variant === 'public';
    // One row per (session, datastorage) pair (unique together): every new link gets its own data storage.
    if (model.name === 'sessiondatastorage' && variant === 'private')
      body.datastorage = storagePool.shift() ?? body.datastorage;
    if (model.name === 'project') body.is_public = variant === 'public';
    return body;
  }

  async function create(model: ModelSpec, variant: 'private' | 'public', tag: string): Promise<Id> {
    const body = bodyFor(model, variant, tag);
    if (model.approval) {
      const approval = getModel(model.approval.model);
      const submitted = await must('owner', 'POST', path(model), body, 201);
      const aid = idOf(submitted, model.approval.key);
      const accepted = await must('staff', 'PATCH', path(approval, aid, 'accept'), undefined, 200);
      return (accepted[approval.detailKey] as { instance_id: Id }).instance_id;
    }
    const creator: Role = model.adminWrite ? 'staff' : 'owner';
    const id = idOf(await must(creator, 'POST', path(model), body, 201), model.detailKey);
    if (model.family === 'personal' && !model.parent) shareAttribute(model, id);
    return id;
  }

  const generic = (MODELS as readonly ModelSpec[]).filter(
    (m) =>
      m.portals.add &&
      !['project', 'group', 'user'].includes(m.name) &&
      ['project', 'personal', 'taxonomy', 'resource', 'journal', 'group'].includes(m.family),
  );
  for (const m of creationOrder(generic)) {
    if (m.family === 'project' || m.family === 'personal') {
      fixtures.set(m.name, {
        private: await create(m, 'private', 'fixture'),
        public: await create(m, 'public', 'fixture'),
      });
    } else {
      fixtures.set(m.name, shared(await create(m, 'private', 'fixture')));
    }
  }

  // Data storages for sessiondatastorage bodies (each link needs a pair of its own).
  const datastorage = getModel('datastorage');
  for (let i = 0; i < 40; i++) storagePool.push(await create(datastorage, 'private', `pool ${i}`));

  // --- pending approvals proposed by `owner` (left pending for the matrix).
  for (const m of MODELS as readonly ModelSpec[]) {
    if (!m.approval) continue;
    const r = await must('owner', 'POST', path(m), bodyFor(m, 'private', 'pending'), 201);
    fixtures.set(m.approval.model, shared(idOf(r, m.approval.key)));
  }

  // --- invitations: non_member is invited to P (user and group invitation) and to Lab, and asks to join Lab.
  function seedInvitation(model: string, columns: Record<string, unknown>): Id {
    const id = insertRecord(ctx, tableOf(model), { columns, lists: {}, special: {} }, userIds.owner);
    ctx.invalidateCaches();
    return id;
  }
  const none = { can_change: 0, manage_project: 0, own_project: 0 };
  fixtures.set(
    'projectmembershipinvitation',
    shared(seedInvitation('projectmembershipinvitation', { invitee: userIds.non_member, project: P, ...none })),
  );
  fixtures.set(
    'projectgroupmembershipinvitation',
    shared(seedInvitation('projectgroupmembershipinvitation', { invitee: inviteeGroup, project: P, ...none })),
  );
  await must('owner', 'PATCH', path(group, Lab), { users: { [emailOf('non_member')]: {} } }, 200);
  const invs = await must('non_member', 'GET', path(invitation), undefined, 200);
  const labInv = (invs[invitation.listKey] as { id: string; authgroup: number }[]).find((i) => i.authgroup === Lab);
  if (!labInv) throw new Error('world setup: no Lab invitation for non_member');
  fixtures.set('groupmembershipinvitation', shared(labInv.id));
  const requests = getModel('groupmembershiprequest');
  const askLab = await makeLab('Matrix Lab (requests)');
  await must('non_member', 'GET', path(group, askLab, 'join'), undefined, 200);
  const reqs = await must('owner', 'GET', path(requests), undefined, 200);
  const req = (reqs[requests.listKey] as { id: string; authgroup: number }[]).find((r) => r.authgroup === askLab);
  if (!req) throw new Error('world setup: no membership request');
  fixtures.set('groupmembershiprequest', shared(req.id));

  async function fresh(model: ModelSpec, tag: string): Promise<Id> {
    if (model.name === 'project') return makeProject(`Matrix fresh ${tag}`, false);
    if (model.name === 'group') return makeLab(`Matrix fresh ${tag}`);
    if (model.name === 'user') return createUser(ctx.db, { email: `fresh-${tag}@matrix.example` }).id;
    return create(model, 'private', `fresh ${tag}`);
  }

  return {
    url,
    app,
    ctx,
    tokens,
    userIds,
    fixtures,
    ids: { P, Q, Lab, groups: levelGroups },
    api,
    bodyFor,
    fresh,
    close: async () => {
      await app.close();
    },
  };
}
