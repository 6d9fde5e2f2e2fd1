/** `GET /api-tool/query/`: the query builder's form, redirected to the API query it asks for. */
import { API_ROOT, parseApiPath } from 'brainstem-api-description';
import type { FastifyInstance } from 'fastify';
import { httpError } from '../../errors.js';
import { seeOther } from '../respond.js';
import { TOOL_ROUTE } from './assets.js';
import { builtQuery, QUERY_BUILDER_PATH } from './query-builder.js';

/** Registers the builder's redirect. */
export function registerQueryBuilder(app: FastifyInstance): void {
  app.get(QUERY_BUILDER_PATH, { config: TOOL_ROUTE }, async (req, reply) => {
    const q = req.url.indexOf('?');
    const form = new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1));
    const endpoint = form.get('endpoint') ?? '';
    // Only a list of this server's API: the redirect can lead nowhere else.
    const parts = parseApiPath(endpoint);
    if (!endpoint.startsWith(API_ROOT) || !parts?.model || parts.id !== undefined) {
      throw httpError(400, 'endpoint must be the path of an API list, e.g. /api/private/stem/session/');
    }
    const query = builtQuery(form);
    return seeOther(reply, query ? `${endpoint}?${query}` : endpoint);
  });
}
