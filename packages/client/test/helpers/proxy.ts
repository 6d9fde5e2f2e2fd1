// A tiny forward proxy on loopback, configured like Squid's default: absolute-form requests (`GET http://host/path`)
// are forwarded, CONNECT opens a tunnel to port 443 only (any other port: 403). It records what passed through, so
// tests can tell proxied requests from direct ones and see that a refused request never reached the server.
//
// Nothing leaves the machine: `hosts` maps names (`lab-server.example:8000`) to loopback addresses, and a request
// for any other non-loopback host is answered 502 by the proxy itself.
import { createServer, request } from 'node:http';
import { type AddressInfo, connect, isIP, type Socket } from 'node:net';

export interface ForwardProxy {
  url: string;
  /** `GET http://…` for forwarded requests, `CONNECT host:port` for tunnels (refused ones included). */
  seen: string[];
  close(): Promise<void>;
}

export interface ProxyOptions {
  /** `host:port` → `127.0.0.1:port`: names the proxy resolves itself, as a proxy with its own DNS would. */
  hosts?: Record<string, string>;
  /** Answer every request, CONNECT included, with this status instead (407: credentials required; 502). */
  refuseAll?: number;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Where the proxy connects for `host:port`: a mapped name, a loopback address, else nowhere. */
function upstream(hostPort: string, hosts: Record<string, string>): { host: string; port: number } | undefined {
  const mapped = hosts[hostPort.toLowerCase()] ?? hostPort;
  const at = mapped.lastIndexOf(':');
  const host = mapped.slice(0, at).replace(/^\[|\]$/g, '');
  const port = Number(mapped.slice(at + 1));
  const loopback = LOOPBACK_NAMES.has(host) || (isIP(host) === 4 && host.startsWith('127.'));
  return loopback && Number.isInteger(port) ? { host, port } : undefined;
}

const REASONS: Record<number, string> = { 403: 'Forbidden', 407: 'Proxy Authentication Required', 502: 'Bad Gateway' };

export async function startProxy(opts: ProxyOptions = {}): Promise<ForwardProxy> {
  const hosts = Object.fromEntries(Object.entries(opts.hosts ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const deny = (status: number) => {
      const headers: Record<string, string> = { 'Content-Type': 'text/plain' };
      if (status === 407) headers['Proxy-Authenticate'] = 'Basic realm="proxy"';
      res.writeHead(status, REASONS[status], headers).end(`proxy: ${REASONS[status]}\n`);
    };
    if (opts.refuseAll) return deny(opts.refuseAll);
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      return deny(403); // origin-form: this is a proxy, not a server
    }
    const to = upstream(`${target.hostname}:${target.port || 80}`, hosts);
    if (!to) return deny(502);
    const up = request(
      { host: to.host, port: to.port, path: target.pathname + target.search, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req, client: Socket, head) => {
    seen.push(`CONNECT ${req.url}`);
    const refuse = (status: number) => {
      const extra = status === 407 ? 'Proxy-Authenticate: Basic realm="proxy"\r\n' : '';
      client.end(`HTTP/1.1 ${status} ${REASONS[status]}\r\n${extra}Content-Length: 0\r\n\r\n`);
    };
    if (opts.refuseAll) return refuse(opts.refuseAll);
    const hostPort = req.url ?? '';
    if (!hostPort.endsWith(':443')) return refuse(403); // Squid: CONNECT only to SSL ports
    const to = upstream(hostPort, hosts);
    if (!to) return refuse(502);
    const up = connect(to.port, to.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      up.write(head);
      up.pipe(client);
      client.pipe(up);
    });
    sockets.add(up);
    up.on('close', () => sockets.delete(up));
    up.on('error', () => client.destroy());
    client.on('error', () => up.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
