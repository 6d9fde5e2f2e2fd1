/** Test helpers: a demo server on 127.0.0.1:0 and a small JSON client. */
import { DEMO_USERS, type RunningServer, type ServerOptions, startServer } from '../src/index.js';

export type Who = keyof typeof DEMO_USERS | null;

export interface Res {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests index into arbitrary JSON responses
  body: any;
  text: string;
  headers: Headers;
}

export interface TestClient {
  server: RunningServer;
  url: string;
  req(
    method: string,
    path: string,
    opts?: { as?: Who; body?: unknown; raw?: string; contentType?: string },
  ): Promise<Res>;
  get(path: string, as?: Who): Promise<Res>;
  close(): Promise<void>;
}

/** Start a demo server and return a client for it. Paths are relative to the server root (no leading slash). */
export async function demoServer(options: ServerOptions = {}): Promise<TestClient> {
  const server = await startServer({ port: 0, seed: 'demo', quiet: true, ...options });
  const req: TestClient['req'] = async (method, path, opts = {}) => {
    const as = opts.as === undefined ? 'alice' : opts.as;
    const headers: Record<string, string> = {};
    if (as) headers.Authorization = `Bearer ${DEMO_USERS[as].token}`;
    let body: string | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['Content-Type'] = opts.contentType ?? 'application/json';
    const res = await fetch(server.url + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed, text, headers: res.headers };
  };
  return {
    server,
    url: server.url,
    req,
    get: (path, as) => req('GET', path, { as }),
    close: () => server.close(),
  };
}

export const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';
