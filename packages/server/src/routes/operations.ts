/**
 * The handlers of the API operations: list, detail, add, change, delete and the special actions. They run after
 * the route's hooks (hooks.ts): the caller is authenticated, the operation permitted and, for record routes, the
 * record found and its body-independent object rules passed. Handlers read the body, validate it, apply the
 * rules that depend on it and write in one transaction.
 */
import { nonFieldError, wrapDetail } from 'brainstem-api-description';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { submitApproval } from '../actions/approvals.js';
import type { ServerContext } from '../context.js';
import { type ModelTable, tableOf } from '../db/schema.js';
import { fieldErrors, httpError, notFound, readBody } from '../errors.js';
import type { Caller } from '../permissions/caller.js';
import { grantOnCreate } from '../permissions/grants.js';
import { authorizeWrite } from '../permissions/rules.js';
import type { WriteMode } from '../records/input.js';
import { renderRows } from '../records/render.js';
import { validateInput } from '../records/validate.js';
import { deleteRecord, fillReplacement, getRow, insertRecord, updateRecord } from '../records/write.js';
import { callerOf, recordOf } from './hooks.js';
import { actionRule, checkUniqueTogether, MODEL_RULES } from './model-rules.js';
import { detailRoute, listRoute } from './read.js';
import { schemaFieldErrors } from './schema-errors.js';
import type { ApiRoute } from './table.js';

export type OperationHandler = (
  ctx: ServerContext,
  route: ApiRoute,
  req: FastifyRequest,
  reply: FastifyReply,
) => unknown;

/** The JSON body (the parser already refused other media types; a form parser elsewhere must not leak in). */
function bodyOf(req: FastifyRequest): unknown {
  const body = readBody(req.body);
  if (body !== undefined && !/^application\/([\w.+-]+\+)?json/i.test(String(req.headers['content-type'] ?? ''))) {
    throw httpError(415, `Unsupported media type "${req.headers['content-type']}" in request: send JSON.`);
  }
  return body;
}

function render(ctx: ServerContext, caller: Caller, t: ModelTable, id: string | number): Record<string, unknown> {
  const row = getRow(ctx, t, id);
  if (!row) throw notFound();
  return renderRows(ctx, caller, t, [row])[0] as Record<string, unknown>;
}

/** Run `fn` in one transaction; bump the write generation when it commits. */
function runInTransaction<T>(ctx: ServerContext, fn: () => T): T {
  try {
    const out = ctx.db.transaction(fn)();
    ctx.invalidateCaches();
    return out;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
      throw fieldErrors(nonFieldError('The data conflicts with an existing record.'));
    }
    throw e;
  }
}

/** Read-only columns set on creation: the creating user of logs. */
function creationExtras(t: ModelTable, caller: Caller): Record<string, unknown> {
  const userField = t.columns.find((f) => f.name === 'user' && f.target === 'user' && f.readOnly);
  return userField ? { user: caller.user?.id ?? null } : {};
}

const list: OperationHandler = (ctx, route, req, reply) =>
  listRoute(ctx, callerOf(req), tableOf(route.model), req, reply);

const detail: OperationHandler = (ctx, route, req, reply) =>
  detailRoute(ctx, callerOf(req), tableOf(route.model), (req.params as { id: string }).id, req, reply);

const add: OperationHandler = (ctx, route, req, reply) => {
  const { model } = route;
  const t = tableOf(model);
  const caller = callerOf(req);
  const body = bodyOf(req);
  return runInTransaction(ctx, () => {
    const input = validateInput(ctx, caller, t, body, 'create', { schemaErrors: schemaFieldErrors(req) });
    authorizeWrite(ctx, caller, t, 'add', null, input);
    reply.code(201);
    if (model.approval) {
      const id = submitApproval(ctx, caller, t, input, null);
      return wrapDetail(model, render(ctx, caller, tableOf(model.approval.model), id), model.approval.key);
    }
    checkUniqueTogether(ctx, t, input, null);
    const id = insertRecord(ctx, t, input, caller.user?.id ?? null, creationExtras(t, caller));
    grantOnCreate(ctx, caller, model, id);
    return wrapDetail(model, render(ctx, caller, t, id));
  });
};

const change: OperationHandler = (ctx, route, req) => {
  const { model } = route;
  const t = tableOf(model);
  const caller = callerOf(req);
  const row = recordOf(req);
  const body = bodyOf(req);
  const mode: WriteMode = req.method === 'PUT' ? 'replace' : 'update';
  return runInTransaction(ctx, () => {
    const input = validateInput(ctx, caller, t, body, mode, {
      existingId: row.id,
      existing: row,
      schemaErrors: schemaFieldErrors(req),
    });
    if (mode === 'replace') fillReplacement(t, input);
    authorizeWrite(ctx, caller, t, 'change', row, input);
    if (model.approval) {
      const id = submitApproval(ctx, caller, t, input, row);
      return wrapDetail(model, render(ctx, caller, tableOf(model.approval.model), id), model.approval.key);
    }
    checkUniqueTogether(ctx, t, input, row);
    updateRecord(ctx, t, row.id, input);
    MODEL_RULES[model.name]?.afterChange?.(ctx, caller, row.id, input);
    return wrapDetail(model, render(ctx, caller, t, row.id));
  });
};

const remove: OperationHandler = (ctx, route, req, reply) => {
  const t = tableOf(route.model);
  const caller = callerOf(req);
  const row = recordOf(req);
  runInTransaction(ctx, () => {
    authorizeWrite(ctx, caller, t, 'delete', row, null);
    deleteRecord(ctx, t, row.id);
  });
  reply.code(204);
  return reply.send();
};

const action: OperationHandler = (ctx, route, req) => {
  const { model, op } = route;
  const t = tableOf(model);
  const caller = callerOf(req);
  const row = recordOf(req);
  const body = bodyOf(req);
  const rule = actionRule(model, op);
  return runInTransaction(ctx, () => {
    const result = rule.run(ctx, caller, t, row, op, body, schemaFieldErrors(req));
    return result === 'record' ? wrapDetail(model, render(ctx, caller, t, row.id)) : result;
  });
};

const CRUD_HANDLERS: Readonly<Record<string, OperationHandler>> = { list, detail, add, change, delete: remove };

/** The handler of a route-table row: its CRUD operation's, or the action handler. */
export function operationHandler(route: ApiRoute): OperationHandler {
  return CRUD_HANDLERS[route.op] ?? action;
}
