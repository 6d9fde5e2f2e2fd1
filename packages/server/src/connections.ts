/**
 * How the server treats connections: when a request that has not fully arrived is answered 408
 * ({@link timeoutCheckInterval}), and how many connections one address may hold open
 * ({@link capConnectionsPerAddress}).
 * @module
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * How often Node looks for requests past `requestTimeout`. Node checks on a timer (`connectionsCheckingInterval`,
 * 30 s by default), so a 408 comes up to one interval late; the interval here is a sixtieth of the timeout,
 * between 25 ms and 1 s, so the documented 60 s holds to within a second.
 *
 * @example
 * ```ts
 * timeoutCheckInterval(60_000); // 1000
 * timeoutCheckInterval(1_500); // 25
 * ```
 */
export function timeoutCheckInterval(requestTimeout: number): number {
  return Math.min(1000, Math.max(25, Math.floor(requestTimeout / 60)));
}

/**
 * Open connections one remote address may hold by default. Every local client is 127.0.0.1, so this is shared by
 * all of them: far above what one keep-alive client keeps (the client library runs at most 8 requests at a time;
 * a browser opens 6 connections per host).
 */
export const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 256;

interface Tracked {
  address: string;
  /** Requests being answered on the socket; 0 means it is idle (kept alive, or never sent a whole request). */
  busy: number;
}

/**
 * Keep at most `max` open connections per remote address: when a new one would pass it, the address's connection
 * that has been idle longest is closed; when none is idle, the new one is. A connection that has not yet sent a
 * whole request counts as idle. `max` 0 turns the cap off.
 *
 * @example
 * ```ts
 * capConnectionsPerAddress(app.server, 256);
 * ```
 */
export function capConnectionsPerAddress(server: Server, max: number): void {
  if (max <= 0) return;
  // Per address, its sockets from longest idle to most recently busy (a Map keeps insertion order).
  const byAddress = new Map<string, Map<Socket, Tracked>>();
  const tracked = new WeakMap<Socket, Tracked>();
  const forget = (socket: Socket, t: Tracked) => {
    const sockets = byAddress.get(t.address);
    if (!sockets?.delete(socket)) return;
    if (sockets.size === 0) byAddress.delete(t.address);
  };
  server.on('connection', (socket: Socket) => {
    const t: Tracked = { address: socket.remoteAddress ?? '', busy: 0 };
    let sockets = byAddress.get(t.address);
    if (!sockets) {
      sockets = new Map();
      byAddress.set(t.address, sockets);
    }
    if (sockets.size >= max) {
      let idle: Socket | undefined;
      for (const [s, st] of sockets) {
        if (st.busy === 0) {
          idle = s;
          break;
        }
      }
      if (!idle) {
        socket.destroy();
        return;
      }
      forget(idle, tracked.get(idle) as Tracked);
      idle.destroy();
    }
    sockets.set(socket, t);
    tracked.set(socket, t);
    socket.once('close', () => forget(socket, t));
  });
  server.on('request', (req, res) => {
    const socket = req.socket as Socket;
    const t = tracked.get(socket);
    if (!t) return;
    t.busy++;
    res.once('close', () => {
      t.busy--;
      // Now the most recently used: move it to the end of its address's order.
      const sockets = byAddress.get(t.address);
      if (sockets?.delete(socket)) sockets.set(socket, t);
    });
  });
}
