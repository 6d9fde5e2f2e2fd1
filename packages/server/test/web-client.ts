/**
 * A tiny cookie-keeping HTTP client for the page tests (what a browser does, minus rendering). Requests go out
 * through node:http so a test can choose the client's source address (`localAddress: '127.0.0.2'`): loopback
 * accepts any 127.x address, which lets throttling tests act as two machines.
 */
import { request } from 'node:http';

export interface PageResponse {
  status: number;
  headers: Headers;
  html: string;
  location: string | null;
}

export class WebClient {
  readonly cookies = new Map<string, string>();
  /** Raw Set-Cookie values received, newest last. */
  readonly setCookies: string[] = [];

  constructor(
    readonly base: string,
    readonly localAddress?: string,
  ) {}

  private send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<PageResponse> {
    return new Promise((resolve, reject) => {
      const req = request(
        this.base + path,
        { method, headers, ...(this.localAddress ? { localAddress: this.localAddress } : {}) },
        (res) => {
          let html = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => {
            html += d;
          });
          res.on('end', () => {
            const h = new Headers();
            for (const [k, v] of Object.entries(res.headers)) {
              for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) h.append(k, one);
            }
            const out = { status: res.statusCode ?? 0, headers: h, html, location: h.get('location') };
            this.remember(h);
            resolve(out);
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  private remember(headers: Headers): void {
    for (const c of headers.getSetCookie()) {
      this.setCookies.push(c);
      const [pair] = c.split(';');
      const eq = (pair ?? '').indexOf('=');
      const name = (pair ?? '').slice(0, eq);
      const value = (pair ?? '').slice(eq + 1);
      if (/max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  /** GET without following redirects. */
  get(path: string, headers: Record<string, string> = {}): Promise<PageResponse> {
    return this.send('GET', path, { ...headers, ...this.cookieHeader() });
  }

  /** POST a urlencoded form without following redirects. */
  post(path: string, fields: Record<string, string>): Promise<PageResponse> {
    const headers = { 'content-type': 'application/x-www-form-urlencoded', ...this.cookieHeader() };
    return this.send('POST', path, headers, new URLSearchParams(fields).toString());
  }

  /** Signs in through the form; returns the login POST response. */
  async signIn(email: string, password: string, next = '/private/users/tokens/'): Promise<PageResponse> {
    const form = await this.get(`/account/login/?next=${encodeURIComponent(next)}`);
    return this.post('/account/login/', { csrfmiddlewaretoken: csrfOf(form.html), email, password, next });
  }
}

/** The CSRF token embedded in a page's forms. */
export function csrfOf(html: string): string {
  const m = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no CSRF token on page');
  return m[1];
}

/** The text content of an element with the given id (first match, tags stripped). */
export function textOf(html: string, id: string): string | undefined {
  const m = new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</`).exec(html);
  return m?.[1];
}
