/**
 * The documented API: `/api/{portal}/{app}/{model}/`, `/{id}/`, `/{id}/{action}/`, with or without the trailing
 * slash, for every registry model and alias. Each row of the route table (table.ts, derived from the registry)
 * becomes one Fastify route with its schemas (schemas.ts), its authentication (`onRequest`) and permission
 * (`preHandler`) hooks, and the hook that raises schema errors after the permission check (schema-errors.ts); the
 * catch-alls of unrouted.ts answer OPTIONS, 404 and 405 for everything else under those shapes.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { apiPageHook } from '../web/api-tool/index.js';
import { authenticationHook, permissionHook } from './hooks.js';
import { operationHandler } from './operations.js';
import { idErrorHook, schemaErrorHook } from './schema-errors.js';
import { routeSchemas, validatorCompiler } from './schemas.js';
import { apiRouteTable } from './table.js';
import { registerUnrouted } from './unrouted.js';

/** Register the model routes. */
export async function apiRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  // A browser's request gets the answer inside the Web API Tool's page; everyone else the answer's bytes.
  const page = apiPageHook(ctx);
  for (const route of apiRouteTable()) {
    const handler = operationHandler(route);
    const permission = permissionHook(ctx, route);
    const schemaErrors = schemaErrorHook(route);
    app.route({
      method: route.method,
      url: route.url,
      config: { api: route, deferBodyErrors: true },
      schema: routeSchemas(route),
      validatorCompiler,
      attachValidation: true,
      onRequest: authenticationHook(ctx, route),
      onSend: page,
      preHandler: [
        ...(route.shape === 'collection' ? [] : [idErrorHook(route)]),
        ...(permission ? [permission] : []),
        schemaErrors,
      ],
      handler: async (req, reply) => handler(ctx, route, req, reply),
    });
  }
  registerUnrouted(app, page);
}
