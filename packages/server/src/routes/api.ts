/**
 * The documented API: `/api/{portal}/{app}/{model}/`, `/{id}/`, `/{id}/{action}/`, with or without the trailing
 * slash, for every registry model and alias. Routing, portals and operations all come from the registry rows.
 */
import {
  allowsPortal,
  closestModels,
  findModel,
  type ModelOperation,
  type ModelSpec,
  type Portal,
} from 'brainstem-api-tools/registry';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { reviewApproval, submitApproval } from '../actions/approvals.js';
import { entryAction } from '../actions/entries.js';
import { groupAction, invitationAction } from '../actions/invitations.js';
import type { ServerContext } from '../context.js';
import { type ModelTable, tableOf } from '../db/schema.js';
import { stmt } from '../db/statements.js';
import { BAD_TOKEN, fieldErrors, HttpError, NOT_FOUND, UNAUTHENTICATED } from '../errors.js';
import type { Caller } from '../permissions/caller.js';
import { applyGroupUsers, applyProjectGrants, grantOnCreate } from '../permissions/grants.js';
import { authorizeTouch, authorizeWrite } from '../permissions/rules.js';
import type { Row } from '../records/computed.js';
import { loadRows, renderRows } from '../records/render.js';
import { validateInput, type WriteMode } from '../records/validate.js';
import { deleteRecord, fillReplacement, getRow, insertRecord, updateRecord } from '../records/write.js';
import { detailRoute, listRoute } from './read.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

interface Params {
  portal: string;
  app: string;
  model: string;
  id?: string;
  action?: string;
}

function methodNotAllowed(method: string, allow: string[], detail?: string): HttpError {
  return new HttpError(405, { detail: detail ?? `Method "${method}" not allowed.` }, { Allow: allow.join(', ') });
}

/** Which operation a method + path shape means; throws 404/405. */
function operationOf(model: ModelSpec, method: string, id?: string, action?: string): string {
  if (id === undefined) {
    if (method === 'GET') return 'list';
    if (method === 'POST') return 'add';
    throw methodNotAllowed(method, ['GET', 'POST']);
  }
  if (action === undefined) {
    if (method === 'GET') return 'detail';
    if (method === 'PUT' || method === 'PATCH') return 'change';
    if (method === 'DELETE') return 'delete';
    throw methodNotAllowed(method, ['GET', 'PUT', 'PATCH', 'DELETE']);
  }
  const spec = model.actions?.find((a) => a.name === action);
  if (!spec) {
    const known = model.actions?.map((a) => a.name) ?? [];
    throw new HttpError(404, {
      detail: `Unknown action "${action}" for ${model.name}.${known.length ? ` Actions: ${known.join(', ')}.` : ''}`,
    });
  }
  if (spec.method !== method) throw methodNotAllowed(method, [spec.method]);
  return action;
}

const CRUD = new Set(['list', 'detail', 'add', 'change', 'delete']);
const isAction = (op: string): boolean => !CRUD.has(op);

function findRecord(ctx: ServerContext, caller: Caller, t: ModelTable, id: string): Row {
  if (t.intId && !/^\d{1,15}$/.test(id)) throw NOT_FOUND();
  const key = t.intId ? Number(id) : id.toLowerCase();
  const row = loadRows(ctx, caller, t, [key])[0];
  if (!row) throw NOT_FOUND();
  return row;
}

function render(ctx: ServerContext, caller: Caller, t: ModelTable, id: string | number) {
  const row = getRow(ctx, t, id);
  if (!row) throw NOT_FOUND();
  return renderRows(ctx, caller, t, [row])[0] as Record<string, unknown>;
}

/** Run `fn` in one transaction; bump the write generation when it commits. */
function write<T>(ctx: ServerContext, fn: () => T): T {
  try {
    const out = ctx.db.transaction(fn)();
    ctx.bump();
    return out;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
      throw fieldErrors({ non_field_errors: ['The data conflicts with an existing record.'] });
    }
    throw e;
  }
}

/** Extra read-only columns set on creation (the creating user of logs). */
function creationExtras(t: ModelTable, caller: Caller): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  const userField = t.columns.find((f) => f.name === 'user' && f.target === 'user' && f.readOnly);
  if (userField) extra.user = caller.user?.id ?? null;
  return extra;
}

/** Model-specific uniqueness the field tables cannot express: one row per (session, datastorage). */
function checkPairs(ctx: ServerContext, t: ModelTable, columns: Record<string, unknown>, existing: Row | null): void {
  if (t.model.name !== 'sessiondatastorage') return;
  const session = columns.session ?? existing?.session;
  const storage = columns.datastorage ?? existing?.datastorage;
  const clash = stmt(
    ctx.db,
    'SELECT id FROM t_sessiondatastorage WHERE session = ? AND datastorage = ? AND id IS NOT ?',
  ).get(session, storage, existing?.id ?? null);
  if (clash) throw fieldErrors({ non_field_errors: ['The fields session, datastorage must make a unique set.'] });
}

async function handle(ctx: ServerContext, req: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const p = req.params as Params;
  if (p.portal !== 'private' && p.portal !== 'public') {
    throw new HttpError(404, { detail: `Unknown portal "${p.portal}": use private or public.` });
  }
  const portal = p.portal as Portal;
  const model = findModel(p.model);
  if (!model) {
    throw new HttpError(404, {
      detail: `Unknown model "${p.model}". Did you mean: ${closestModels(p.model, 3).join(', ')}?`,
    });
  }
  if (model.app !== p.app) {
    throw new HttpError(404, {
      detail: `Model "${model.name}" lives under /api/${portal}/${model.app}/${model.name}/, not under app "${p.app}".`,
    });
  }
  // HEAD is answered as GET (Fastify drops the body).
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  if (method === 'OPTIONS') return options(model, portal, p, reply);
  const op = operationOf(model, method, p.id, p.action);
  const portals =
    (model.portals as Record<string, readonly Portal[] | undefined>)[op] ??
    model.actions?.find((a) => a.name === op)?.portals;
  if (!portals) {
    throw methodNotAllowed(method, [], model.notSupported?.[op as ModelOperation] ?? `Method "${method}" not allowed.`);
  }
  if (!allowsPortal(model, op, portal)) {
    if (method === 'GET')
      throw new HttpError(404, {
        detail: isAction(op)
          ? `The "${op}" action of ${model.name} is not available on the ${portal} portal.`
          : `${model.name} is not available on the ${portal} portal.`,
      });
    throw methodNotAllowed(method, ['GET'], `Method "${method}" not allowed on the ${portal} portal (read-only).`);
  }
  let caller: Caller = { user: null, portal };
  if (portal === 'private') {
    const auth = req.headers.authorization;
    if (!auth) throw UNAUTHENTICATED();
    const user = ctx.authenticate(auth);
    if (!user) throw BAD_TOKEN();
    caller = { user, portal };
  }
  const t = tableOf(model);
  const body = req.body;
  if (body !== undefined && !/^application\/([\w.+-]+\+)?json/i.test(String(req.headers['content-type'] ?? ''))) {
    throw new HttpError(415, {
      detail: `Unsupported media type "${req.headers['content-type']}" in request: send JSON.`,
    });
  }

  switch (op) {
    case 'list':
      return listRoute(ctx, caller, t, req, reply);
    case 'detail':
      return detailRoute(ctx, caller, t, p.id as string, req, reply);
    case 'add':
      return write(ctx, () => {
        if (model.approval) {
          const input = validateInput(ctx, caller, t, body, 'create');
          authorizeWrite(ctx, caller, t, 'add', null, input);
          const approval = tableOf(model.approval.model);
          const id = submitApproval(ctx, caller, t, input, null);
          reply.code(201);
          return { [model.approval.key]: render(ctx, caller, approval, id) };
        }
        const input = validateInput(ctx, caller, t, body, 'create');
        authorizeWrite(ctx, caller, t, 'add', null, input);
        checkPairs(ctx, t, input.columns, null);
        const id = insertRecord(ctx, t, input, caller.user?.id ?? null, creationExtras(t, caller));
        grantOnCreate(ctx, caller, model.name, model.family, Boolean(model.parent), id);
        reply.code(201);
        return { [model.detailKey]: render(ctx, caller, t, id) };
      });
    case 'change':
      return write(ctx, () => {
        const row = findRecord(ctx, caller, t, p.id as string);
        authorizeTouch(ctx, caller, t, row);
        const mode: WriteMode = method === 'PUT' ? 'replace' : 'update';
        const input = validateInput(ctx, caller, t, body, mode, { existingId: row.id });
        if (mode === 'replace') fillReplacement(t, input);
        authorizeWrite(ctx, caller, t, 'change', row, input);
        if (model.approval) {
          const approval = tableOf(model.approval.model);
          const id = submitApproval(ctx, caller, t, input, row);
          return { [model.approval.key]: render(ctx, caller, approval, id) };
        }
        checkPairs(ctx, t, input.columns, row);
        updateRecord(ctx, t, row.id, input);
        if (model.name === 'project') applyProjectGrants(ctx, caller, String(row.id), input.special);
        if (model.name === 'group' && 'users' in input.special)
          applyGroupUsers(ctx, caller, Number(row.id), input.special.users);
        return { [model.detailKey]: render(ctx, caller, t, row.id) };
      });
    case 'delete':
      write(ctx, () => {
        const row = findRecord(ctx, caller, t, p.id as string);
        authorizeWrite(ctx, caller, t, 'delete', row, null);
        deleteRecord(ctx, t, row.id);
      });
      reply.code(204);
      return reply.send();
    default:
      return write(ctx, () => {
        const row = findRecord(ctx, caller, t, p.id as string);
        if (op.endsWith('_entry')) {
          authorizeTouch(ctx, caller, t, row);
          entryAction(ctx, t, row, op, body);
          return { [model.detailKey]: render(ctx, caller, t, row.id) };
        }
        if (model.family === 'approval') {
          reviewApproval(ctx, caller, t, row, op as 'accept' | 'reject');
          return { [model.detailKey]: render(ctx, caller, t, row.id) };
        }
        if (model.family === 'invitation') return invitationAction(ctx, caller, model.name, row, op);
        if (model.name === 'group') return groupAction(ctx, caller, Number(row.id), op);
        throw NOT_FOUND();
      });
  }
}

/** OPTIONS: 200 with the methods this path allows on this portal (DRF answers OPTIONS with metadata too). */
function options(model: ModelSpec, portal: Portal, p: Params, reply: FastifyReply): Record<string, unknown> {
  const ops: [string, string][] =
    p.id === undefined
      ? [
          ['GET', 'list'],
          ['POST', 'add'],
        ]
      : p.action === undefined
        ? [
            ['GET', 'detail'],
            ['PUT', 'change'],
            ['PATCH', 'change'],
            ['DELETE', 'delete'],
          ]
        : (model.actions ?? []).filter((a) => a.name === p.action).map((a) => [a.method, a.name] as [string, string]);
  const allowed = ops.filter(([, op]) => allowsPortal(model, op, portal)).map(([m]) => m);
  if (allowed.includes('GET')) allowed.push('HEAD');
  allowed.push('OPTIONS');
  reply.header('Allow', allowed.join(', '));
  return { name: model.name, list_key: model.listKey, detail_key: model.detailKey, allowed_methods: allowed };
}

/** Register the model routes. */
export async function apiRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const handler = (req: FastifyRequest, reply: FastifyReply) => handle(ctx, req, reply);
  for (const url of [
    '/api/:portal/:app/:model',
    '/api/:portal/:app/:model/:id',
    '/api/:portal/:app/:model/:id/:action',
  ]) {
    app.route({ method: [...METHODS], url, handler });
  }
}
