// Credentials in URLs: a server URL with `user:password@` is refused without echoing the password, and nothing the
// client logs or throws quotes URL credentials (a redirect to `user:pass@…` comes from a scripted loopback server:
// the BrainSTEM server never sends one).
import { afterEach, describe, expect, it } from 'vitest';
import { BrainstemClient, ConnectionError, InvalidArgumentError, redactUrlCredentials } from '../../src/index.js';
import { type LocalServer, startHttp } from '../helpers/http.js';

const SECRET = 'bst_secret_in_url_9f8e7d';
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  delete process.env.BRAINSTEM_URL;
});

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('server URLs with credentials', () => {
  it('are refused, naming the url option and showing the URL without the password', () => {
    const err = thrown(() => new BrainstemClient({ url: `http://alice:${SECRET}@127.0.0.1:8000/`, tokenStore: null }));
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect(err.message).toContain('url must not contain a user name or password');
    expect(err.message).toContain('http://***@127.0.0.1:8000/');
    expect(err.message).not.toContain(SECRET);
    expect(err.message).not.toContain('alice');
  });

  it('are refused from BRAINSTEM_URL too', () => {
    process.env.BRAINSTEM_URL = `https://${SECRET}@example.org/`;
    const err = thrown(() => new BrainstemClient({ tokenStore: null }));
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect(err.message).not.toContain(SECRET);
  });

  it('are not echoed when the URL does not even parse', () => {
    const err = thrown(() => new BrainstemClient({ url: `http://alice:${SECRET}@[bad/`, tokenStore: null }));
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect(err.message).toContain('http://***@[bad/');
    expect(err.message).not.toContain(SECRET);
  });
});

describe('messages that quote other URLs', () => {
  it('a redirect to a URL with credentials fails without printing them, in the error and the debug log', async () => {
    const srv = await startHttp((_req, res) => {
      res.writeHead(302, { location: `http://bob:${SECRET}@127.0.0.1:1/elsewhere/` });
      res.end();
    });
    servers.push(srv);
    const lines: string[] = [];
    const log = (m: string, ...a: unknown[]) => void lines.push([m, ...a.map(String)].join(' '));
    const client = new BrainstemClient({
      url: srv.url,
      token: 'tok_x',
      tokenStore: null,
      interactive: false,
      maxRetries: 0,
      logLevel: 'debug',
      logger: { error: log, warn: log, info: log, debug: log },
    });
    const err = await client.load('project').catch((e: Error) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as Error).message).not.toContain(SECRET);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('redactUrlCredentials hides the whole userinfo, up to the last @ of the authority', () => {
    expect(redactUrlCredentials(`GET http://alice:${SECRET}@127.0.0.1:8000/api/?a=b@c`)).toBe(
      'GET http://***@127.0.0.1:8000/api/?a=b@c',
    );
    expect(redactUrlCredentials('http://a:b@c@host/x')).toBe('http://***@host/x');
    expect(redactUrlCredentials('mail me at alice@example.org')).toBe('mail me at alice@example.org');
  });
});
