/**
 * Cross-origin access for listed web origins (off by default: without `cors` no CORS header is ever sent), per
 * the Fetch standard's CORS protocol, on `/api/…` paths:
 * - every response varies on `Origin`;
 * - a request from a listed origin gets `Access-Control-Allow-Origin: <that origin>` and
 *   `Access-Control-Expose-Headers` (the headers clients act on: Retry-After, Allow, WWW-Authenticate, …);
 * - a preflight (`OPTIONS` with `Access-Control-Request-Method`) from a listed origin is answered 204 with the
 *   methods, the request headers the client sends (`Authorization`, `Content-Type`) and `Access-Control-Max-Age`,
 *   before authentication (preflights carry no token). From any other origin it gets no CORS headers, so the
 *   browser blocks the request.
 * Tokens travel in the `Authorization` header, never in cookies, so credentials mode is not needed.
 *
 * @example
 * ```ts
 * installCors(app, ['http://localhost:5173']);
 * normaliseOrigin('HTTP://LocalHost:5173/'); // 'http://localhost:5173'
 * ```
 */
import { API_ROOT, TRUNCATED_INCLUDES_HEADER } from 'brainstem-api-description';
import type { FastifyInstance } from 'fastify';

export const CORS_ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE';
export const CORS_ALLOW_HEADERS = 'Authorization, Content-Type';
/** Seconds a browser may cache a preflight answer (Chromium caps this at 7200). */
export const CORS_MAX_AGE = 7200;
export const CORS_EXPOSE_HEADERS = `Allow, Retry-After, WWW-Authenticate, X-Brainstem-Fault, ${TRUNCATED_INCLUDES_HEADER}`;

/**
 * The serialised origin (`scheme://host[:port]`, as browsers send it in `Origin`) of a configured value.
 * Throws a `TypeError` naming the value when it is not an http(s) origin (a path, `*`, `null`, …).
 */
export function normaliseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new TypeError(`Invalid CORS origin "${value}": expected scheme://host[:port], e.g. http://localhost:5173`);
  }
  const bare = value.trim().replace(/\/$/, '');
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin.toLowerCase() !== bare.toLowerCase()) {
    throw new TypeError(
      `Invalid CORS origin "${value}": expected scheme://host[:port] with no path, e.g. http://localhost:5173`,
    );
  }
  return url.origin;
}

/** Add the CORS hook for `origins` (already normalised); nothing at all when the list is empty. */
export function installCors(app: FastifyInstance, origins: readonly string[]): void {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith(API_ROOT)) return;
    reply.header('Vary', 'Origin');
    const origin = req.headers.origin;
    if (typeof origin !== 'string' || !allowed.has(origin)) return;
    reply.header('Access-Control-Allow-Origin', origin);
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
      reply
        .header('Access-Control-Allow-Methods', CORS_ALLOW_METHODS)
        .header('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS)
        .header('Access-Control-Max-Age', String(CORS_MAX_AGE));
      return reply.code(204).send();
    }
    reply.header('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS);
  });
}
