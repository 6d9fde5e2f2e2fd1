/**
 * Authentication and permission checks of the API routes, as Fastify hooks that run before any handler:
 *
 * 1. `onRequest` — authentication (DRF's `perform_authentication`): the private portal needs a valid Bearer token
 *    (401 without one, 401 for a bad one) or, without an `Authorization` header, the website's signed-in session
 *    cookie (session-auth.ts: unsafe methods also pass the CSRF check); on the public portal no token means
 *    anonymous, but a Bearer token that is not valid is 401 too, as DRF's token authentication answers on any view.
 * 2. `preHandler` — permissions. On a collection: the operation's rule (staff-only models). On a record: the
 *    record lookup (404 when the caller cannot read it), then the operation's rule and the object-level rules that
 *    need no body (`has_object_permission`). Only then does the handler read and validate the body, so a caller
 *    without the right gets 403 whatever the body holds.
 *
 * The hooks are synchronous (`done` callbacks), so the record they load is the one the handler writes: nothing
 * else runs between the last hook and the handler.
 */
import { parseBearer } from 'brainstem-api-description';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { User } from '../auth/users.js';
import type { ServerContext } from '../context.js';
import { type ModelTable, tableOf } from '../db/schema.js';
import { invalidToken, notFound, unauthenticated } from '../errors.js';
import type { Caller } from '../permissions/caller.js';
import { authorizeObject, authorizeOperation } from '../permissions/rules.js';
import type { Row } from '../records/computed.js';
import { loadRows } from '../records/render.js';
import { actionRule } from './model-rules.js';
import { recordKey } from './record-id.js';
import { sessionUser } from './session-auth.js';
import type { ApiRoute } from './table.js';

type Hook = (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => void;

interface RequestState {
  caller: Caller;
  record?: Row;
}

const states = new WeakMap<FastifyRequest, RequestState>();

/** The authenticated caller of an API request (set by the `onRequest` hook). */
export function callerOf(req: FastifyRequest): Caller {
  const s = states.get(req);
  if (!s) throw new Error('callerOf: the authentication hook did not run for this route');
  return s.caller;
}

/** The record a record route acts on, found and permission-checked by the `preHandler` hook. */
export function recordOf(req: FastifyRequest): Row {
  const r = states.get(req)?.record;
  if (!r) throw new Error('recordOf: the permission hook did not load a record for this route');
  return r;
}

/** Run a synchronous check as a callback-style hook: a thrown error becomes the response. */
function hook(check: (req: FastifyRequest) => void): Hook {
  return (req, _reply, done) => {
    try {
      check(req);
      done();
    } catch (e) {
      done(e as Error);
    }
  };
}

/**
 * The user of a request that needs one: 401 "credentials were not provided" without an `Authorization` header,
 * 401 "Invalid token." when it names nobody.
 */
export function requireUser(ctx: ServerContext, authorization: string | undefined): User {
  if (!authorization) throw unauthenticated();
  const user = ctx.authenticate(authorization);
  if (!user) throw invalidToken();
  return user;
}

/** The `onRequest` hook of a route: who is calling. */
export function authenticationHook(ctx: ServerContext, route: ApiRoute): Hook {
  if (route.portal === 'public') {
    return hook((req) => {
      const auth = req.headers.authorization;
      if (parseBearer(auth) !== undefined && !ctx.authenticate(auth as string)) throw invalidToken();
      // The public portal serves what anybody may read, so a valid token changes nothing.
      states.set(req, { caller: { user: null, portal: 'public' } });
    });
  }
  return hook((req) => {
    const auth = req.headers.authorization;
    // A token wins over the cookie; without either the request is anonymous, which the private portal refuses.
    const user = auth === undefined ? sessionUser(ctx, req) : null;
    states.set(req, { caller: { user: user ?? requireUser(ctx, auth), portal: 'private' } });
  });
}

/** The stored row of `id` if `caller` may read it; 404 otherwise (ids of the wrong shape too, naming the grammar). */
export function findRecord(ctx: ServerContext, caller: Caller, t: ModelTable, id: string): Row {
  const row = loadRows(ctx, caller, t, [recordKey(t, id)])[0];
  if (!row) throw notFound();
  return row;
}

/** The `preHandler` hook of a route: may the caller do this, before the body is looked at. */
export function permissionHook(ctx: ServerContext, route: ApiRoute): Hook | undefined {
  const { model, op, shape } = route;
  const t = tableOf(model);
  if (op === 'add') return hook((req) => authorizeOperation(callerOf(req), model, 'add'));
  if (op === 'change' || op === 'delete') {
    return hook((req) => {
      const state = states.get(req) as RequestState;
      // The record first: an id the caller cannot read is 404 whoever asks, as the object rules below are.
      state.record = findRecord(ctx, state.caller, t, (req.params as { id: string }).id);
      authorizeOperation(state.caller, model, op);
      authorizeObject(ctx, state.caller, t, op, state.record);
    });
  }
  if (shape === 'action') {
    const rule = actionRule(model, op);
    return hook((req) => {
      const state = states.get(req) as RequestState;
      state.record = findRecord(ctx, state.caller, t, (req.params as { id: string }).id);
      rule.authorize(ctx, state.caller, t, state.record, op);
    });
  }
  return undefined;
}
