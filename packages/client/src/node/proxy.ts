/**
 * The Node entry's default `fetch`: when `HTTPS_PROXY`, `HTTP_PROXY` (or their lower-case forms) is set, requests
 * go through undici's `EnvHttpProxyAgent`, which also honours `NO_PROXY`. undici is loaded only then, on the first
 * request; without a proxy variable requests go out on `node:http(s)` (http-fetch.ts).
 * @module
 */
import { httpFetch } from './http-fetch.js';

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const;

/**
 * Whether the environment names a proxy.
 *
 * @example
 * ```ts
 * proxyConfigured({ HTTPS_PROXY: 'http://proxy:3128' }); // true
 * ```
 */
export function proxyConfigured(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return PROXY_VARIABLES.some((name) => Boolean(env[name]));
}

/** The proxy-aware fetch, built once per set of proxy variables. */
let proxied: { key: string; fetch: Promise<typeof fetch> } | undefined;

function proxyKey(): string {
  return [...PROXY_VARIABLES, 'NO_PROXY', 'no_proxy'].map((name) => process.env[name] ?? '').join('\n');
}

async function proxiedFetch(): Promise<typeof fetch> {
  const loaded = await import('undici');
  // Bundlers may hand the CommonJS module over as `default` only.
  const undici = (
    'EnvHttpProxyAgent' in loaded ? loaded : (loaded as unknown as { default: typeof loaded }).default
  ) as typeof loaded;
  // undici flags the agent as experimental with a process warning; the CLI's stderr is for the user's messages.
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const code = (rest[0] as { code?: string } | undefined)?.code;
    if (code !== 'UNDICI-EHPA') (emitWarning as (...a: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  let dispatcher: InstanceType<typeof undici.EnvHttpProxyAgent>;
  try {
    dispatcher = new undici.EnvHttpProxyAgent();
  } finally {
    process.emitWarning = emitWarning;
  }
  return ((input: string | URL | Request, init?: RequestInit) =>
    undici.fetch(input as string, { ...(init as object), dispatcher } as never)) as unknown as typeof fetch;
}

/**
 * The transport's `fetch` on Node: through the proxy named by the environment (read at each request), else
 * {@link httpFetch}. Redirects are not followed (the transport follows them itself).
 *
 * @example
 * ```ts
 * process.env.HTTPS_PROXY = 'http://127.0.0.1:3128';
 * await nodeFetch('https://www.brainstem.org/api/', { redirect: 'manual' });
 * ```
 */
export const nodeFetch: typeof fetch = (input, init) => {
  if (!proxyConfigured()) return httpFetch(input, init);
  const key = proxyKey();
  if (proxied?.key !== key) proxied = { key, fetch: proxiedFetch() };
  return proxied.fetch.then((f) => f(input, init));
};
