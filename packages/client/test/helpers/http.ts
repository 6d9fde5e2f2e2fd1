// A tiny loopback HTTP server for behaviour the BrainSTEM server cannot produce on demand (pagination styles
// without count, redirects, exact Retry-After values, hung responses). Real sockets, no fetch mocking.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface LocalServer {
  url: string;
  port: number;
  requests: Recorded[];
  close(): Promise<void>;
}

export async function startHttp(
  handler: (req: Recorded, res: ServerResponse) => unknown,
  host = '127.0.0.1',
): Promise<LocalServer> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const rec = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body };
      requests.push(rec);
      Promise.resolve(handler(rec, res)).catch((err) => {
        res.statusCode = 500;
        res.end(String(err));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

/** Whether nothing listens on `port` of 127.0.0.1 right now. */
function isFree(port: number): Promise<boolean> {
  const probe = createTcpServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * A loopback URL whose connections are refused at once. Its port is free and below the range the kernel picks
 * `listen(0)` ports from (Linux 32768–60999, macOS 49152–65535), so a server that another test starts meanwhile
 * cannot take it, as it could a port that was just freed. (Not a "well-known" port such as 9: fetch refuses those
 * itself, before any connection.)
 */
export async function refusedUrl(): Promise<string> {
  for (let tries = 0; tries < 100; tries++) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    if (await isFree(port)) return `http://127.0.0.1:${port}/`;
  }
  throw new Error('no free loopback port between 20000 and 30000');
}
