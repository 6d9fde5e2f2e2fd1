/**
 * The Node entry's transport without a proxy: the subset of `fetch` the client's transport uses, on `node:http` /
 * `node:https`. Node's global `fetch` loads undici (and its WebAssembly parser) on first use, which costs tens of
 * milliseconds of start-up and ~15 MB of memory; a CLI call or a long `iterate` pays neither with this.
 *
 * What it does: one request (no redirect following: the transport follows redirects itself), string bodies,
 * `AbortSignal`, gzip/deflate/br responses, keep-alive through Node's global agents. It answers an object with
 * `status`, `headers` (`get`/`has`/iteration), `text()` and `body.cancel()`.
 * @module
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { RequestOptions } from 'node:https';

/** Response headers with the read side of the `Headers` API (names are case-insensitive). */
class ResponseHeaders {
  readonly #map = new Map<string, string>();

  constructor(raw: IncomingMessage['headers']) {
    for (const [name, value] of Object.entries(raw)) {
      if (value !== undefined) this.#map.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
    }
  }
  get(name: string): string | null {
    return this.#map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.#map.has(name.toLowerCase());
  }
  forEach(fn: (value: string, name: string, parent: ResponseHeaders) => void): void {
    for (const [k, v] of this.#map) fn(v, k, this);
  }
  entries(): IterableIterator<[string, string]> {
    return this.#map.entries();
  }
  keys(): IterableIterator<string> {
    return this.#map.keys();
  }
  values(): IterableIterator<string> {
    return this.#map.values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.#map.entries();
  }
}

let https: Promise<typeof import('node:https')> | undefined;

/** Decodes a compressed response body. */
async function decode(body: Buffer, encoding: string | undefined): Promise<Buffer> {
  const enc = encoding?.trim().toLowerCase();
  if (!enc || enc === 'identity') return body;
  const zlib = await import('node:zlib');
  const { promisify } = await import('node:util');
  if (enc === 'gzip' || enc === 'x-gzip') return promisify(zlib.gunzip)(body);
  if (enc === 'deflate') return promisify(zlib.inflate)(body);
  if (enc === 'br') return promisify(zlib.brotliDecompress)(body);
  return body;
}

/**
 * A `fetch` for the transport's requests, on `node:http(s)`.
 *
 * @example
 * ```ts
 * const res = await httpFetch('http://127.0.0.1:8000/api/public/stem/project/', { headers: { Accept: 'application/json' } });
 * console.log(res.status, await res.text());
 * ```
 */
export async function httpFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  if (url.protocol === 'https:') https ??= import('node:https');
  const lib = url.protocol === 'https:' && https ? await https : { request: httpRequest };
  const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br' };
  for (const [k, v] of Object.entries((init.headers ?? {}) as Record<string, string>)) headers[k.toLowerCase()] = v;
  const body = typeof init.body === 'string' ? Buffer.from(init.body) : undefined;
  if (body) headers['content-length'] = String(body.length);
  const options: RequestOptions = { method: init.method ?? 'GET', headers };
  if (init.signal) options.signal = init.signal;
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = lib.request(url, options, resolve);
    req.on('error', reject);
    req.end(body);
  });
  const encoding = res.headers['content-encoding'];
  const compressed = encoding !== undefined && encoding.trim().toLowerCase() !== 'identity';
  // Uncompressed bodies are read as text straight away: strings live on the V8 heap, where a long walk's garbage
  // is collected promptly, rather than as Buffers in native memory.
  if (!compressed) res.setEncoding('utf8');
  let received: Promise<string | Buffer> | undefined;
  const read = () => {
    received ??= new Promise<string | Buffer>((resolve, reject) => {
      const parts: (string | Buffer)[] = [];
      res.on('data', (c: string | Buffer) => parts.push(c));
      res.on('end', () => resolve(compressed ? Buffer.concat(parts as Buffer[]) : (parts as string[]).join('')));
      res.on('error', reject);
      res.on('aborted', () => reject(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })));
    });
    return received;
  };
  const text = async () => {
    const body = await read();
    return typeof body === 'string' ? body : (await decode(body, encoding)).toString('utf8');
  };
  const response = {
    status: res.statusCode ?? 0,
    ok: (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300,
    statusText: res.statusMessage ?? '',
    url: url.href,
    headers: new ResponseHeaders(res.headers),
    body: {
      cancel: async () => {
        res.destroy();
      },
    },
    text,
    json: async () => JSON.parse(await text()),
  };
  return response as unknown as Response;
}
