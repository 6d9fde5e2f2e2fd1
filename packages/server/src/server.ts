import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { ServerContext } from './context.js';
import type { ServerOptions } from './options.js';

/** A listening server. `url` ends with a slash: `http://127.0.0.1:PORT/`. */
export interface RunningServer {
  url: string;
  port: number;
  host: string;
  app: FastifyInstance;
  ctx: ServerContext;
  /** Stop listening, close open connections and the database. */
  close(): Promise<void>;
}

export { isLoopback } from 'brainstem-api-description';

/**
 * Start the server and resolve once it listens.
 *
 * @example
 * ```ts
 * const server = await startServer({ port: 0, seed: 'demo' });
 * console.log(server.url); // http://127.0.0.1:54321/
 * await server.close();
 * ```
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { app, ctx } = await buildApp(options);
  const host = ctx.options.host;
  try {
    await app.listen({ host, port: ctx.options.port });
  } catch (e) {
    await app.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : ctx.options.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closed: Promise<void> | null = null;
  return {
    url: `http://${urlHost}:${port}/`,
    port,
    host,
    app,
    ctx,
    close() {
      closed ??= app.close();
      return closed;
    },
  };
}
