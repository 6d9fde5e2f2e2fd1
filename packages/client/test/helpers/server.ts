// Starts the real local BrainSTEM server (packages/server) on 127.0.0.1:0 with demo data, and builds clients.
import { DEMO_USERS, type RunningServer, type ServerOptions, startServer } from 'brainstem-server';
import { BrainstemClient, type ClientOptions } from '../../src/index.js';

export { DEMO_PROJECTS, DEMO_USERS } from 'brainstem-server';

export async function startDemo(opts: ServerOptions = {}): Promise<RunningServer> {
  return startServer({ port: 0, seed: 'demo', quiet: true, ...opts });
}

/** A core client (no token cache, no prompts) for a demo user, or anonymous with `null`. */
export function clientFor(
  server: { url: string },
  user: keyof typeof DEMO_USERS | null,
  extra: ClientOptions = {},
): BrainstemClient {
  return new BrainstemClient({
    url: server.url,
    ...(user ? { token: DEMO_USERS[user].token } : {}),
    tokenStore: null,
    interactive: false,
    logLevel: 'off',
    backoff: { initialMs: 10, maxMs: 50 },
    ...extra,
  });
}

/** A fetch that counts the requests it sends (the server sees exactly these). */
export function countingFetch(): { fetch: typeof fetch; count: () => number; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    count: () => urls.length,
    fetch: (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    },
  };
}
