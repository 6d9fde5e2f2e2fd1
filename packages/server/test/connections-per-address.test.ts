/**
 * One remote address holds at most `maxConnectionsPerAddress` open connections: past it the connection idle
 * longest is closed (one in the middle of a request is not), other addresses are untouched, and a keep-alive
 * client far below the cap never has a connection closed under it. A second "machine" is the loopback alias
 * 127.0.0.2.
 */
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_CONNECTIONS_PER_ADDRESS } from '../src/connections.js';
import { DEMO_USERS, type RunningServer, startServer } from '../src/index.js';

async function withServer(max: number | undefined, run: (s: RunningServer) => Promise<void>): Promise<void> {
  const s = await startServer({
    port: 0,
    seed: 'demo',
    quiet: true,
    ...(max === undefined ? {} : { maxConnectionsPerAddress: max }),
  });
  try {
    await run(s);
  } finally {
    await s.close();
  }
}

interface Opened {
  socket: Socket;
  closed: boolean;
}

/** Opens a TCP connection from `localAddress` and resolves once the server has handled (accepted or closed) it. */
async function open(s: RunningServer, localAddress = '127.0.0.1'): Promise<Opened> {
  // The server's listeners run in order: once this one has seen the connection, the cap has been applied to it.
  const handled = new Set<number | undefined>();
  let wake = () => {};
  const seen = (server: Socket) => {
    handled.add(server.remotePort);
    wake();
  };
  s.app.server.on('connection', seen);
  const socket = connect({ port: s.port, host: '127.0.0.1', localAddress });
  const o: Opened = { socket, closed: false };
  socket.on('close', () => {
    o.closed = true;
  });
  socket.on('error', () => {});
  await new Promise((r) => socket.once('connect', r));
  while (!handled.has(socket.localPort)) await new Promise<void>((r) => (wake = r));
  s.app.server.off('connection', seen);
  return o;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const connections = (s: RunningServer) =>
  new Promise<number>((resolve, reject) => s.app.server.getConnections((e, n) => (e ? reject(e) : resolve(n))));

/** Waits until the closes the server sent have reached the client side. */
async function settled(sockets: readonly Opened[], closed: number): Promise<void> {
  for (let i = 0; i < 200 && sockets.filter((o) => o.closed).length < closed; i++) await pause(5);
}

/** A request whose headers arrive and whose body never does: busy until the request timeout. */
function startBusy(o: Opened): void {
  o.socket.write(
    `POST /api/private/stem/project/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${DEMO_USERS.alice.token}\r\n` +
      'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"name":',
  );
}

describe('connections per address', () => {
  it('past the cap, the connections idle longest are closed first', async () => {
    await withServer(10, async (s) => {
      const sockets: Opened[] = [];
      for (let i = 0; i < 15; i++) sockets.push(await open(s));
      await settled(sockets, 5);
      expect(sockets.map((o) => o.closed)).toEqual([...Array(5).fill(true), ...Array(10).fill(false)]);
      for (const o of sockets) o.socket.destroy();
    });
  });

  it('a connection in the middle of a request is kept; the oldest idle one goes instead', async () => {
    await withServer(3, async (s) => {
      const busy = await open(s);
      startBusy(busy);
      await pause(50);
      const idle1 = await open(s);
      const idle2 = await open(s);
      const next = await open(s);
      await settled([idle1], 1);
      expect([busy.closed, idle1.closed, idle2.closed, next.closed]).toEqual([false, true, false, false]);
      for (const o of [busy, idle1, idle2, next]) o.socket.destroy();
    });
  });

  it('when every connection of the address is busy, the new one is closed', async () => {
    await withServer(2, async (s) => {
      const a = await open(s);
      const b = await open(s);
      startBusy(a);
      startBusy(b);
      await pause(50);
      const c = await open(s);
      await settled([c], 1);
      expect([a.closed, b.closed, c.closed]).toEqual([false, false, true]);
      for (const o of [a, b, c]) o.socket.destroy();
    });
  });

  it('other addresses are not affected', async () => {
    await withServer(4, async (s) => {
      const elsewhere = await open(s, '127.0.0.2');
      const here: Opened[] = [];
      for (let i = 0; i < 10; i++) here.push(await open(s));
      await settled(here, 6);
      expect(here.filter((o) => o.closed)).toHaveLength(6);
      expect(elsewhere.closed).toBe(false);
      for (const o of [elsewhere, ...here]) o.socket.destroy();
    });
  });

  it(`by default an address keeps at most ${DEFAULT_MAX_CONNECTIONS_PER_ADDRESS} idle connections`, async () => {
    await withServer(undefined, async (s) => {
      const sockets: Opened[] = [];
      for (let i = 0; i < DEFAULT_MAX_CONNECTIONS_PER_ADDRESS + 20; i++) sockets.push(await open(s));
      await settled(sockets, 20);
      expect(sockets.slice(0, 20).every((o) => o.closed)).toBe(true);
      expect(sockets.slice(20).some((o) => o.closed)).toBe(false);
      expect(await connections(s)).toBe(DEFAULT_MAX_CONNECTIONS_PER_ADDRESS);
      for (const o of sockets) o.socket.destroy();
    });
  });

  it('a keep-alive client running 8 requests at a time under a cap of 16 never has a connection closed', async () => {
    await withServer(16, async (s) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 8 });
      let serverClosed = 0;
      const seen = new Set<Socket>();
      const get = () =>
        new Promise<number>((resolve, reject) => {
          const req = request(
            `${s.url}api/private/stem/session/?limit=5`,
            { agent, headers: { Authorization: `Bearer ${DEMO_USERS.alice.token}` } },
            (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode ?? 0));
            },
          );
          req.on('socket', (socket: Socket) => {
            if (seen.has(socket)) return;
            seen.add(socket);
            socket.on('end', () => serverClosed++); // the server's FIN: it closed the connection
          });
          req.on('error', reject);
          req.end();
        });
      const statuses: number[] = [];
      for (let round = 0; round < 25; round++) statuses.push(...(await Promise.all(Array.from({ length: 8 }, get))));
      expect(statuses).toEqual(Array(200).fill(200));
      expect(seen.size).toBeLessThanOrEqual(8);
      expect(serverClosed).toBe(0);
      agent.destroy();
    });
  });
});
