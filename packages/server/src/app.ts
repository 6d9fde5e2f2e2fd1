/**
 * Build the Fastify app and its context (database, options, auth) without listening: used by `startServer` and
 * by socket-free tests (`app.inject`).
 *
 * @example
 * ```ts
 * const { app } = await buildApp({ seed: 'demo' });
 * const res = await app.inject({ url: '/api/public/stem/project/' });
 * ```
 */
import type { IncomingMessage } from 'node:http';
import { detailError, parseBearer } from 'brainstem-api-description';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { authenticateToken } from './auth/tokens.js';
import { capConnectionsPerAddress, timeoutCheckInterval } from './connections.js';
import type { ServerContext } from './context.js';
import { installCors } from './cors.js';
import { openDatabase } from './db/open.js';
import { deviceRoutes } from './device/index.js';
import { HttpError, httpError, UnreadableBody } from './errors.js';
import { installFaults } from './faults.js';
import { parseJsonBody } from './json-body.js';
import { openApiRoutes } from './openapi/routes.js';
import { resolveOptions, type ServerOptions } from './options.js';
import { apiRoutes } from './routes/api.js';
import { collectRoutes } from './routes/registered.js';
import { rootRoutes } from './routes/root.js';
import { tokenRoutes } from './routes/token.js';
import { seedDemo } from './seed/demo.js';
import { webRoutes } from './web/index.js';

function errorBody(err: unknown): { status: number; body: Record<string, unknown>; headers?: Record<string, string> } {
  if (err instanceof HttpError) return { status: err.status, body: err.body, headers: err.headers };
  const e = err as { code?: string; statusCode?: number; message?: string };
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: detailError('Unsupported media type in request: send JSON (Content-Type: application/json).'),
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: detailError('JSON parse error - empty body with Content-Type application/json.') };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, body: detailError(`JSON parse error - ${e.message ?? 'invalid JSON'}`) };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: detailError('Request body is too large.') };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: detailError('Invalid Content-Length.') };
    default:
      break;
  }
  if (err instanceof SyntaxError || (e.statusCode === 400 && e.message)) {
    return { status: 400, body: detailError(`JSON parse error - ${e.message}`) };
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, body: detailError(e.message ?? 'Bad request.') };
  }
  return { status: 500, body: detailError('Internal server error.') };
}

/**
 * Routes a HEAD request as the GET it asks about; Node's response to a HEAD request leaves out the body (the
 * headers, `Content-Length` included, are the GET's). Fastify would otherwise register a HEAD route beside every
 * GET route, which doubles the router's work at start-up for the same answers.
 */
function headAsGet(req: IncomingMessage): string {
  if (req.method === 'HEAD') req.method = 'GET';
  return req.url ?? '/';
}

/** Build the app (routes registered, database open and seeded) and its context. */
export async function buildApp(options: ServerOptions = {}): Promise<{ app: FastifyInstance; ctx: ServerContext }> {
  const resolved = resolveOptions(options);
  const db = openDatabase(resolved.db);
  const ctx: ServerContext = {
    db,
    options: resolved,
    generation: 0,
    invalidateCaches() {
      this.generation++;
      this.memo.clear();
    },
    authenticate(header) {
      const bearer = parseBearer(header);
      return typeof bearer === 'object' ? authenticateToken(db, bearer.token) : null;
    },
    memo: new Map(),
  };
  if (resolved.seed === 'demo') seedDemo(ctx, { sessions: resolved.seedSessions });

  const app = Fastify({
    logger: false,
    // HEAD is routed as GET (see headAsGet) rather than by a HEAD route beside every GET route.
    exposeHeadRoutes: false,
    rewriteUrl: headAsGet,
    bodyLimit: 10 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: 500 },
    forceCloseConnections: true,
    requestTimeout: resolved.requestTimeout,
    // Node looks for requests past their time only every `connectionsCheckingInterval` (30 s by default): a 408
    // comes at most that interval late (connections.ts).
    http:
      resolved.requestTimeout > 0
        ? {
            connectionsCheckingInterval: timeoutCheckInterval(resolved.requestTimeout),
            headersTimeout: Math.min(60_000, resolved.requestTimeout),
          }
        : {},
    // Router errors (bad %-encoding in the path, over-long parameters) in the DRF shape, not Fastify's own.
    frameworkErrors: (err, _req, reply) => {
      const code = (err as { code?: string }).code;
      const detail =
        code === 'FST_ERR_BAD_URL'
          ? 'Malformed URL: the path contains an invalid percent-encoding.'
          : code === 'FST_ERR_MAX_PARAM_LENGTH'
            ? 'URL path segment is too long.'
            : 'Bad request.';
      (reply as unknown as FastifyReply).code(code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400).send({ detail });
    },
    // Errors Node's HTTP parser raises before any route runs (431 for a request line/headers over the limit).
    clientErrorHandler: (err, socket) => {
      if ((err as { code?: string }).code === 'ECONNRESET' || socket.destroyed) return;
      const [status, reason, detail] =
        (err as { code?: string }).code === 'HPE_HEADER_OVERFLOW'
          ? [
              431,
              'Request Header Fields Too Large',
              'The request line or headers are too large (16 KB at most): use fewer or shorter query parameters.',
            ]
          : (err as { code?: string }).code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? [408, 'Request Timeout', 'The request took too long to arrive.']
            : [400, 'Bad Request', 'Malformed HTTP request.'];
      const body = JSON.stringify({ detail });
      if (socket.writable) {
        socket.write(
          `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
      }
      socket.destroy(err);
    },
  });
  capConnectionsPerAddress(app.server, resolved.maxConnectionsPerAddress);
  collectRoutes(app);
  app.addHook('onClose', async () => {
    db.close();
  });
  // CORS first, so preflights skip latency/faults and injected faults still carry the CORS headers.
  installCors(app, resolved.cors);
  installFaults(app, resolved);
  // JSON only (other media types get 415). An empty body is no body: `PATCH …/accept/` and DELETE requests
  // often carry a JSON content type with nothing in it.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(/^application\/([\w.+-]+\+)?json(\s*;.*)?$/i, { parseAs: 'buffer' }, (_req, bytes, done) => {
    try {
      done(null, parseJsonBody(bytes as Buffer));
    } catch (e) {
      done(
        null,
        new UnreadableBody(e instanceof HttpError ? e : httpError(400, `JSON parse error - ${(e as Error).message}`)),
      );
    }
  });
  app.addHook('preValidation', (req, _reply, done) => {
    const deferred = (req.routeOptions.config as { deferBodyErrors?: boolean } | undefined)?.deferBodyErrors;
    if (req.body instanceof UnreadableBody && !deferred) done(req.body.error);
    else done();
  });
  app.setErrorHandler((err, req, reply) => {
    const { status, body, headers } = errorBody(err);
    if (status >= 500 && !resolved.quiet) console.error(`brainstem-server: ${req.method} ${req.url} failed:`, err);
    if (headers) reply.headers(headers);
    reply.code(status).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(detailError(`Not found: ${req.method} ${req.url.split('?')[0]}`));
  });
  await tokenRoutes(app, ctx);
  await rootRoutes(app);
  await openApiRoutes(app);
  await apiRoutes(app, ctx);
  await deviceRoutes(app, ctx);
  await webRoutes(app, ctx);
  return { app, ctx };
}
