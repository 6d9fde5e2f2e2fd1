/**
 * The routes an app registered (method, URL, config, schemas), collected by an `onRoute` hook: what the server
 * answers and what it validates with.
 */
import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
  readonly config: Readonly<Record<string, unknown>>;
  /** The route's `schema` option (`params`, `querystring`, `body`), if it has one. */
  readonly schema?: Readonly<Record<string, unknown>>;
}

const byApp = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Start collecting; call before any route is registered. */
export function collectRoutes(app: FastifyInstance): void {
  const list: RegisteredRoute[] = [];
  byApp.set(app, list);
  app.addHook('onRoute', (r) => {
    for (const method of Array.isArray(r.method) ? r.method : [r.method]) {
      list.push({
        method,
        url: r.url,
        config: (r.config ?? {}) as Record<string, unknown>,
        ...(r.schema ? { schema: r.schema as Record<string, unknown> } : {}),
      });
    }
  });
}

/** The routes `app` registered (empty when {@link collectRoutes} was not called on it). */
export function registeredRoutes(app: FastifyInstance): readonly RegisteredRoute[] {
  return byApp.get(app) ?? [];
}
