/** A tiny cookie-keeping HTTP client for the page tests (what a browser does, minus rendering). */

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

  constructor(readonly base: string) {}

  private remember(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
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

  async get(path: string): Promise<PageResponse> {
    const res = await fetch(this.base + path, { redirect: 'manual', headers: this.cookieHeader() });
    this.remember(res);
    return { status: res.status, headers: res.headers, html: await res.text(), location: res.headers.get('location') };
  }

  async post(path: string, fields: Record<string, string>): Promise<PageResponse> {
    const res = await fetch(this.base + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...this.cookieHeader() },
      body: new URLSearchParams(fields).toString(),
    });
    this.remember(res);
    return { status: res.status, headers: res.headers, html: await res.text(), location: res.headers.get('location') };
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
