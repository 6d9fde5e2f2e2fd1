// TLS in front of a local plain-http server, as `https://lab-server.example/` with the self-signed certificate in
// `tls/` (trusted by a child process through NODE_EXTRA_CA_CERTS). Each TLS connection is piped to the server's
// port, so the server sees the requests as they were sent inside the tunnel.
import { readFileSync } from 'node:fs';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { createServer } from 'node:tls';

/** The certificate a client must trust to reach the TLS front (a file path, for NODE_EXTRA_CA_CERTS). */
export const LAB_CERT = join(import.meta.dirname, 'tls', 'lab-server.example.crt');

export interface TlsFront {
  /** `127.0.0.1:<port>`: where a proxy maps `lab-server.example:443`. */
  address: string;
  close(): Promise<void>;
}

export async function startTlsFront(targetPort: number): Promise<TlsFront> {
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  const server = createServer(
    {
      key: readFileSync(join(import.meta.dirname, 'tls', 'lab-server.example.key')),
      cert: readFileSync(LAB_CERT),
    },
    (secure) => {
      const plain = connect(targetPort, '127.0.0.1');
      track(secure);
      track(plain);
      secure.pipe(plain).pipe(secure);
      plain.on('error', () => secure.destroy());
      secure.on('error', () => plain.destroy());
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
