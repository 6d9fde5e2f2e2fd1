/**
 * DRF-style API roots: `GET /api/`, `/api/{portal}/` and `/api/{portal}/{app}/` list endpoints as absolute URLs (`{"session": "http://host/api/private/stem/session/", …}`), derived from the registry. Models a
 * portal does not serve are not listed there; aliases are not listed (they name the same endpoint).
 */
import {
  API_ROOT,
  apiPath,
  DEFAULT_PORTAL,
  MODELS,
  type ModelSpec,
  PORTALS,
  type Portal,
} from 'brainstem-api-description';
import type { FastifyInstance } from 'fastify';
import { requestOrigin } from '../origin.js';
import { apiRouteTable } from './table.js';

/** A root path and what it lists. */
export interface ApiRoot {
  readonly url: string;
  readonly portal?: Portal;
  readonly app?: string;
}

const served = (m: ModelSpec, portal: Portal) =>
  apiRouteTable().some((r) => r.model === m && r.portal === portal && r.urlName === m.name);

/** Every root path: `/api/`, each portal, and each app on each portal that serves at least one model. */
export function apiRoots(): ApiRoot[] {
  const roots: ApiRoot[] = [{ url: API_ROOT }];
  for (const portal of PORTALS) {
    roots.push({ url: apiPath({ portal }), portal });
    const apps = new Set((MODELS as readonly ModelSpec[]).filter((m) => served(m, portal)).map((m) => m.app));
    for (const app of apps) roots.push({ url: apiPath({ portal, app }), portal, app });
  }
  return roots;
}

/**
 * The listing of one root: model name → collection URL. `/api/` lists the private portal's endpoints (the default
 * portal of the clients), `/api/{portal}/` that portal's, `/api/{portal}/{app}/` that app's.
 */
export function rootListing(root: ApiRoot, base: string): Record<string, string> {
  const portal = root.portal ?? DEFAULT_PORTAL;
  const models = (MODELS as readonly ModelSpec[]).filter(
    (m) => served(m, portal) && (root.app === undefined || m.app === root.app),
  );
  return Object.fromEntries(models.map((m) => [m.name, `${base}${apiPath({ portal, app: m.app, model: m.name })}`]));
}

/** Register the root routes (anonymous: they list URLs, no data). */
export async function rootRoutes(app: FastifyInstance): Promise<void> {
  for (const root of apiRoots()) {
    app.get(root.url, { config: { apiRoot: root } }, async (req) => rootListing(root, requestOrigin(req)));
  }
}
