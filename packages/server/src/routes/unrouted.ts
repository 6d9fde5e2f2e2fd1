/**
 * What the router answers for an API-shaped path that no route-table row serves: OPTIONS (the methods the path
 * allows, DRF's metadata answer), 405 with `Allow` for a known path and a method it does not offer, and 404 naming
 * the problem (unknown portal, model, app or action; a model or action the portal does not serve). Registered as
 * parametric catch-alls, which the router tries only after every static route-table path.
 */
import {
  API_ROOT,
  allowsPortal,
  findModel,
  type ModelSpec,
  modelProblem,
  PORTALS,
  type Portal,
  portalsFor,
} from 'brainstem-api-description';
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import { type HttpError, httpError } from '../errors.js';
import { allowedMethods, CRUD_METHODS, type RouteShape } from './table.js';

interface Params {
  portal: string;
  app: string;
  model: string;
  id?: string;
  action?: string;
}

const ANY_METHOD = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The registry row a URL names, with 404s for an unknown portal, model or app. */
function resolvePath(p: Params): { model: ModelSpec; portal: Portal } {
  const portal = PORTALS.find((name) => name === p.portal);
  if (!portal) throw httpError(404, `Unknown portal "${p.portal}": use ${PORTALS.join(' or ')}.`);
  const model = findModel(p.model);
  if (!model) throw httpError(404, modelProblem(p.model) ?? 'Not found.');
  if (model.name !== p.model && !model.aliases?.includes(p.model)) {
    // Model names in paths are lower case; the registry's lookup also accepts other cases.
    throw httpError(404, `Unknown model "${p.model}": use "${model.name}".`);
  }
  if (model.app !== p.app) {
    throw httpError(
      404,
      `Model "${model.name}" lives under /api/${p.portal}/${model.app}/${model.name}/, not under app "${p.app}".`,
    );
  }
  return { model, portal };
}

function refuse(method: string, allow: string[], detail?: string): HttpError {
  return httpError(405, detail ?? `Method "${method}" not allowed.`, { Allow: allow.join(', ') });
}

/** The operation a method means on a path shape (`undefined` when the shape has no such method at all). */
function operationOf(model: ModelSpec, shape: RouteShape, method: string, action?: string): string | undefined {
  if (shape === 'action') return model.actions?.find((a) => a.name === action && a.method === method)?.name;
  return CRUD_METHODS.find(([, s, m]) => s === shape && m === method)?.[0];
}

/** Answer a request the route table does not serve; always throws or answers OPTIONS. */
function answer(req: FastifyRequest, reply: FastifyReply): Record<string, unknown> {
  const p = req.params as Params;
  const { model, portal } = resolvePath(p);
  const shape: RouteShape = p.id === undefined ? 'collection' : p.action === undefined ? 'record' : 'action';
  if (shape === 'action' && !model.actions?.some((a) => a.name === p.action)) {
    const known = model.actions?.map((a) => a.name) ?? [];
    throw httpError(
      404,
      `Unknown action "${p.action}" for ${model.name}.${known.length ? ` Actions: ${known.join(', ')}.` : ''}`,
    );
  }
  const allow = allowedMethods(model, portal, shape, p.action);
  if (req.method === 'OPTIONS') {
    reply.header('Allow', allow.join(', '));
    return { name: model.name, list_key: model.listKey, detail_key: model.detailKey, allowed_methods: allow };
  }
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  const op = operationOf(model, shape, method, p.action);
  // Methods the path never offers on any portal (PUT on a collection, GET on a PATCH action).
  if (!op) throw refuse(method, allow);
  // Operations the API does not offer for this model (POST on user: "only through the website Register form").
  if (!portalsFor(model, op)) throw refuse(method, allow, model.notSupported?.[op]);
  // Offered, but not on this portal: reads are not found there, writes are refused (the public portal is read-only).
  if (!allowsPortal(model, op, portal) && method === 'GET') {
    throw httpError(
      404,
      shape === 'action'
        ? `The "${op}" action of ${model.name} is not available on the ${portal} portal.`
        : `${model.name} is not available on the ${portal} portal.`,
    );
  }
  throw refuse(method, allow, `Method "${method}" not allowed on the ${portal} portal (read-only).`);
}

/** The catch-all routes (marked `config.unrouted`, so the OpenAPI coverage check knows they answer nothing). */
export function registerUnrouted(app: FastifyInstance, onSend?: onSendHookHandler): void {
  for (const url of [
    `${API_ROOT}:portal/:app/:model`,
    `${API_ROOT}:portal/:app/:model/:id`,
    `${API_ROOT}:portal/:app/:model/:id/:action`,
  ]) {
    app.route({
      method: ANY_METHOD.filter((m) => m !== 'HEAD'),
      url,
      config: { unrouted: true },
      ...(onSend ? { onSend } : {}),
      handler: async (req, reply) => answer(req, reply),
    });
  }
}
