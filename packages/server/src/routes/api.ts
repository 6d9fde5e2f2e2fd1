/**
 * The documented API: `/api/{portal}/{app}/{model}/`, `/{id}/`, `/{id}/{action}/`, with or without the trailing
 * slash, for every registry model and alias. Each row of the route table (table.ts, derived from the registry)
 * becomes one Fastify route with its authentication (`onRequest`) and permission (`preHandler`) hooks; the
 * catch-alls of unrouted.ts answer OPTIONS, 404 and 405 for everything else under those shapes.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { authenticationHook, permissionHook } from './hooks.js';
import { operationHandler } from './operations.js';
import { apiRouteTable } from './table.js';
import { registerUnrouted } from './unrouted.js';

/** Register the model routes. */
export async function apiRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  for (const route of apiRouteTable()) {
    const handler = operationHandler(route);
    const preHandler = permissionHook(ctx, route);
    app.route({
      method: route.method,
      url: route.url,
      config: { api: route, deferBodyErrors: true },
      onRequest: authenticationHook(ctx, route),
      ...(preHandler ? { preHandler } : {}),
      handler: async (req, reply) => handler(ctx, route, req, reply),
    });
  }
  registerUnrouted(app);
}
