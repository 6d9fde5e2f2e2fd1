/** The server's own origin as the client reached it: the one base of every absolute URL in a response. */
import type { FastifyRequest } from 'fastify';

/** Host header shapes we echo back: a DNS name or IPv4 (optionally with port), or a bracketed IPv6 literal. */
const SAFE_HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/;

/**
 * `http://host:port` from the request's Host header, so `verification_uri`, the API roots' listings and a list's
 * `next`/`previous` point at this server however it was reached (127.0.0.1, localhost, a LAN name). A Host header that is not a plain host[:port] (header injection,
 * junk) falls back to the socket's local address. X-Forwarded-* is not trusted (the app does not set trustProxy).
 *
 * @example
 * ```ts
 * requestOrigin(req); // 'http://127.0.0.1:8000'
 * ```
 */
export function requestOrigin(req: FastifyRequest): string {
  const protocol = req.protocol === 'https' ? 'https' : 'http';
  const host = req.headers.host;
  if (host && SAFE_HOST.test(host)) return `${protocol}://${host}`;
  const addr = req.socket.localAddress ?? '127.0.0.1';
  const shown = addr.includes(':') ? `[${addr}]` : addr;
  return `${protocol}://${shown}:${req.socket.localPort}`;
}
