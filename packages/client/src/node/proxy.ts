/**
 * The Node entry's default `fetch`: when `HTTPS_PROXY`, `HTTP_PROXY` (or their lower-case forms) is set, requests
 * go through undici's `EnvHttpProxyAgent`, which also honours `NO_PROXY`. undici is loaded only then, on the first
 * request; without a proxy variable requests go out on `node:http(s)` (http-fetch.ts).
 *
 * As curl and browsers do, an `http://` target is sent to the proxy in absolute form (`GET http://host:port/path`,
 * undici's `proxyTunnel: false`) and an `https://` target through a `CONNECT` tunnel: a proxy that allows CONNECT
 * to port 443 only (Squid's default) still serves a server on plain http at any port. A refusal by the proxy
 * (a status other than 200 to CONNECT, or 407) becomes a {@link ConnectionError} naming the proxy, its status and
 * the variable it came from.
 * @module
 */
import { statusText } from '../error-body.js';
import { ConnectionError } from '../errors.js';
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
    // `proxyTunnel` is read by each ProxyAgent the EnvHttpProxyAgent makes; undici 6's types leave it out here.
    dispatcher = new undici.EnvHttpProxyAgent({ proxyTunnel: false } as ConstructorParameters<
      typeof undici.EnvHttpProxyAgent
    >[0]);
  } finally {
    process.emitWarning = emitWarning;
  }
  return ((input: string | URL | Request, init?: RequestInit) =>
    undici.fetch(input as string, { ...(init as object), dispatcher } as never).catch((err: unknown) => {
      throw proxyRefusal(err, input, init) ?? err;
    })) as unknown as typeof fetch;
}

/**
 * The proxy undici uses for `target`, with the variable that names it (lower-case first, as undici reads them;
 * an https target falls back to the http proxy).
 */
function proxyFor(target: URL): { url: string; variable: string } | undefined {
  const names =
    target.protocol === 'https:'
      ? ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']
      : ['http_proxy', 'HTTP_PROXY'];
  for (const variable of names) {
    const url = process.env[variable];
    if (url) return { url, variable };
  }
  return undefined;
}

/** A proxy URL for messages: scheme, host and port, never its credentials. */
function shownProxy(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(unparsable proxy URL)';
  }
}

/** The proxy's status when `err` is undici's report of a proxy refusing a request (CONNECT not 200, or 407). */
function refusedStatus(err: unknown): number | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string') {
      const m = /^Proxy response \((\d{3})\) !== 200 when HTTP Tunneling$/.exec(message);
      if (m) return Number(m[1]);
      if (message === 'Proxy Authentication Required (407)') return 407;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A {@link ConnectionError} saying which proxy refused and how, when `err` is such a refusal. */
function proxyRefusal(err: unknown, input: string | URL | Request, init?: RequestInit): ConnectionError | undefined {
  const status = refusedStatus(err);
  if (status === undefined) return undefined;
  const target = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  const method = init?.method ?? 'GET';
  const proxy = proxyFor(target);
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  const what = target.protocol === 'https:' ? `the tunnel to ${target.hostname}:${port} (CONNECT)` : 'the request';
  const by = proxy ? `The proxy ${shownProxy(proxy.url)} (from ${proxy.variable})` : 'The proxy';
  const advice =
    status === 407
      ? ` It wants credentials: add a user name and password to the proxy URL${proxy ? ` in ${proxy.variable}` : ''}.`
      : ` Check what the proxy allows, or list ${target.hostname} in NO_PROXY to reach it directly.`;
  const shown = new URL(target.href);
  shown.username = '';
  shown.password = '';
  return new ConnectionError(
    `${method} ${shown.href} failed: ${by} refused ${what}: ${status} ${statusText(status)}.${advice}`,
    { url: shown.href, method, cause: err },
  );
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
