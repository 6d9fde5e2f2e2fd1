/**
 * The API's route table, derived from the registry: one row per (model or alias, portal, operation or action)
 * the docs offer. The router registers exactly these rows; the OpenAPI document describes exactly these rows;
 * OPTIONS and 405 `Allow` headers list the methods of these rows.
 *
 * @example
 * ```ts
 * apiRouteTable().find((r) => r.model.name === 'subjectlog' && r.op === 'add_entry');
 * // { method: 'PATCH', url: '/api/private/modules/subjectlog/:id/add_entry', portal: 'private', … }
 * ```
 */
import { apiPath, MODELS, type ModelOperation, type ModelSpec, PORTALS, type Portal } from 'brainstem-api-description';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Where an operation lives: the collection, one record, or an action on a record. */
export type RouteShape = 'collection' | 'record' | 'action';

export interface ApiRoute {
  readonly method: HttpMethod;
  /** Fastify path without the trailing slash (the router accepts both). */
  readonly url: string;
  readonly model: ModelSpec;
  /** The URL name: the model's name or one of its aliases. */
  readonly urlName: string;
  readonly portal: Portal;
  /** A CRUD operation (`list`, `detail`, `add`, `change`, `delete`) or an action name (`add_entry`). */
  readonly op: string;
  readonly shape: RouteShape;
}

/** The HTTP methods of each CRUD operation (change is PUT and PATCH), in the order `Allow` lists them. */
export const CRUD_METHODS: readonly (readonly [ModelOperation, RouteShape, HttpMethod])[] = [
  ['list', 'collection', 'GET'],
  ['add', 'collection', 'POST'],
  ['detail', 'record', 'GET'],
  ['change', 'record', 'PUT'],
  ['change', 'record', 'PATCH'],
  ['delete', 'record', 'DELETE'],
];

/** The collection path of a model on a portal (`/api/private/stem/session`). */
export function collectionUrl(portal: Portal, app: string, urlName: string): string {
  return apiPath({ portal, app, model: urlName }).slice(0, -1);
}

function routesOf(model: ModelSpec, urlName: string, portal: Portal): ApiRoute[] {
  const base = collectionUrl(portal, model.app, urlName);
  const out: ApiRoute[] = [];
  for (const [op, shape, method] of CRUD_METHODS) {
    if (!model.portals[op]?.includes(portal)) continue;
    out.push({ method, url: shape === 'collection' ? base : `${base}/:id`, model, urlName, portal, op, shape });
  }
  for (const a of model.actions ?? []) {
    if (!a.portals.includes(portal)) continue;
    out.push({ method: a.method, url: `${base}/:id/${a.name}`, model, urlName, portal, op: a.name, shape: 'action' });
  }
  return out;
}

let table: readonly ApiRoute[] | undefined;

/** Every API route: each model under its name and its aliases, on each portal the docs allow. */
export function apiRouteTable(): readonly ApiRoute[] {
  table ??= (MODELS as readonly ModelSpec[]).flatMap((m) =>
    [m.name, ...(m.aliases ?? [])].flatMap((urlName) => PORTALS.flatMap((portal) => routesOf(m, urlName, portal))),
  );
  return table;
}

/**
 * The methods a path answers on a portal, as `Allow` lists them (HEAD with GET; OPTIONS always).
 *
 * @example
 * ```ts
 * allowedMethods(getModel('project'), 'public', 'collection'); // ['GET', 'HEAD', 'OPTIONS']
 * ```
 */
export function allowedMethods(model: ModelSpec, portal: Portal, shape: RouteShape, action?: string): string[] {
  const methods = routesOf(model, model.name, portal)
    .filter((r) => r.shape === shape && (shape !== 'action' || r.op === action))
    .map((r) => r.method as string);
  if (methods.includes('GET')) methods.push('HEAD');
  methods.push('OPTIONS');
  return methods;
}
