/**
 * The Web API Tool: every API endpoint as a browsable HTML page for browsers (`Accept: text/html` or
 * `?format=api`), with paging, a query builder, write forms and code snippets. The pages render what the API
 * routes answer (hook.ts); the routes here are the tool's own: its assets, the query builder's redirect and the
 * form posts, which are sent on to the same API routes.
 *
 * @module
 */
import type { FastifyInstance } from 'fastify';
import type { WebState } from '../visitor.js';
import { registerAssets } from './assets.js';
import { registerQueryBuilder } from './query-route.js';
import { registerSendRoute } from './send.js';

export { apiPageHook } from './hook.js';

/** Registers the tool's routes (inside the web pages' scope, which parses form posts). */
export function registerApiTool(app: FastifyInstance, state: WebState): void {
  registerAssets(app);
  registerQueryBuilder(app);
  registerSendRoute(app, state);
}
