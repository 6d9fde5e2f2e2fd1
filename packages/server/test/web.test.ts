/**
 * Server-rendered pages over HTTP: sign-in, sign-out, CSRF, sign-in throttling, device approval and
 * the token page. The browser-driven versions are in browser.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticateToken, createToken, listTokens } from '../src/auth/index.js';
import { deviceStore } from '../src/device/index.js';
import { MAX_CODE_FAILURES } from '../src/web/index.js';
import { type Harness, PASSWORD, postJson, startHarness } from './device-harness.js';
import { csrfOf, textOf, WebClient } from './web-client.js';

let h: Harness;
let web: WebClient;
beforeEach(async () => {
  h = await startHarness({ deviceInterval: 1 });
  web = new WebClient(h.url);
});
afterEach(async () => {
  await h.close();
});

const startDevice = async (client_name = 'brainstem-python') =>
  (await postJson(`${h.url}/api/auth/device/`, { client_name })).body as {
    device_code: string;
    user_code: string;
    session_id: string;
  };

describe('sign-in page', () => {
  it('is plain accessible HTML with a session cookie (HttpOnly, SameSite=Lax, Path=/) and strict headers', async () => {
    const r = await web.get('/account/login/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.html).toMatch(/<label for="email">Email<\/label>\s*<input type="email" id="email"/);
    expect(r.html).toMatch(/<label for="password">Password<\/label>\s*<input type="password" id="password"/);
    expect(r.html).not.toMatch(/<script|src=|https?:\/\//i); // no scripts, no external assets
    expect(r.html.match(/<link[^>]*>/gi)).toEqual(['<link rel="stylesheet" href="/assets/pages.css">']);
    const cookie = web.setCookies[0] ?? '';
    expect(cookie).toMatch(/^brainstem_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('signs in with the right password, rotating the session cookie, and redirects to next', async () => {
    await web.get('/account/login/');
    const anonymous = web.cookies.get('brainstem_session');
    const r = await web.signIn('Alice@Example.org', PASSWORD, '/private/users/tokens/');
    expect(r.status).toBe(303);
    expect(r.location).toBe('/private/users/tokens/');
    expect(web.cookies.get('brainstem_session')).not.toBe(anonymous);
    expect(web.setCookies.at(-1)).toMatch(/HttpOnly; SameSite=Lax; Max-Age=1209600/);
    const page = await web.get('/private/users/tokens/');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Signed in as alice@example.org');
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const wrong = await web.signIn('alice@example.org', 'wrong password');
    const unknown = await new WebClient(h.url).signIn('nobody@example.org', 'wrong password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const message = (html: string) => textOf(html, 'main') ?? /<p class="error" role="alert">([^<]*)</.exec(html)?.[1];
    expect(message(wrong.html)).toBe('The email address or password is not correct.');
    expect(message(unknown.html)).toBe(message(wrong.html));
    expect(web.cookies.has('brainstem_session')).toBe(true);
    expect((await web.get('/private/users/tokens/')).status).toBe(303); // still signed out
  });

  it('never redirects off-site after sign-in', async () => {
    for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
      const c = new WebClient(h.url);
      const r = await c.signIn('alice@example.org', PASSWORD, next);
      expect(r.status).toBe(303);
      expect(r.location).toBe('/private/users/tokens/');
    }
  });

  it('rejects posts without a valid CSRF token (403)', async () => {
    await web.get('/account/login/');
    const none = await web.post('/account/login/', { email: 'alice@example.org', password: PASSWORD });
    expect(none.status).toBe(403);
    expect(none.html).toContain('CSRF verification failed');
    // A token from another visitor's session does not work either.
    const other = new WebClient(h.url);
    const foreign = csrfOf((await other.get('/account/login/')).html);
    const forged = await web.post('/account/login/', {
      csrfmiddlewaretoken: foreign,
      email: 'alice@example.org',
      password: PASSWORD,
    });
    expect(forged.status).toBe(403);
    // No cookie at all (a cross-site form post without SameSite cookies): refused.
    const bare = await new WebClient(h.url).post('/account/login/', {
      csrfmiddlewaretoken: foreign,
      email: 'a@b.c',
      password: 'x',
    });
    expect(bare.status).toBe(403);
  });

  it('rejects a token-creating post without the CSRF token even when signed in', async () => {
    await web.signIn('alice@example.org', PASSWORD);
    const r = await web.post('/private/users/tokens/', { name: 'sneaky' });
    expect(r.status).toBe(403);
    expect(listTokens(h.ctx.db, h.alice.id)).toHaveLength(0);
  });

  it('signs out: the cookie is cleared and the old session value no longer works', async () => {
    await web.signIn('alice@example.org', PASSWORD);
    const old = web.cookies.get('brainstem_session') ?? '';
    const page = await web.get('/private/users/tokens/');
    const out = await web.post('/account/logout/', { csrfmiddlewaretoken: csrfOf(page.html) });
    expect(out.status).toBe(303);
    expect(web.setCookies.at(-1)).toMatch(/^brainstem_session=; .*Max-Age=0/);
    const replay = await fetch(`${h.url}/private/users/tokens/`, {
      redirect: 'manual',
      headers: { cookie: `brainstem_session=${old}` },
    });
    expect(replay.status).toBe(303);
  });

  it('keeps passwords out of the server log', async () => {
    await web.signIn('alice@example.org', PASSWORD);
    await new WebClient(h.url).signIn('alice@example.org', 'hunter2-wrong');
    const log = h.logs.join('\n');
    expect(log).toContain('/account/login/');
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain('hunter2-wrong');
  });

  it('leaves the JSON API alone: a form-encoded body to an API route is 415', async () => {
    const r = await fetch(`${h.url}/api/auth/device/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'client_name=x',
    });
    expect(r.status).toBe(415);
  });
});

describe('/account/authorize/', () => {
  it('asks an anonymous visitor to sign in first, then shows the client with Approve and Deny', async () => {
    const s = await startDevice('<script>alert(1)</script> tool');
    const first = await web.get(`/account/authorize/?session=${s.session_id}`);
    expect(first.status).toBe(200);
    expect(first.html).toContain('<label for="password">');
    expect(first.html).toContain(`value="/account/authorize/?session=${s.session_id}"`);
    const signed = await web.post('/account/login/', {
      csrfmiddlewaretoken: csrfOf(first.html),
      email: 'alice@example.org',
      password: PASSWORD,
      next: `/account/authorize/?session=${s.session_id}`,
    });
    expect(signed.location).toBe(`/account/authorize/?session=${s.session_id}`);
    const page = await web.get(signed.location ?? '');
    expect(page.status).toBe(200);
    expect(textOf(page.html, 'client-name')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; tool');
    expect(page.html).not.toContain('<script>');
    expect(textOf(page.html, 'user-code')).toBe(s.user_code);
    expect(page.html).toContain('value="approve"');
    expect(page.html).toContain('value="deny"');
    const approved = await web.post('/account/authorize/', {
      csrfmiddlewaretoken: csrfOf(page.html),
      session: s.session_id,
      decision: 'approve',
    });
    expect(approved.status).toBe(303);
    expect(approved.location).toBe(`/account/authorize/?session=${s.session_id}`);
    expect((await web.get(approved.location ?? '')).html).toContain('Device approved');
    const polled = await postJson(`${h.url}/api/auth/device/token/`, { device_code: s.device_code });
    expect(polled.body.status).toBe('success');
    expect(authenticateToken(h.ctx.db, polled.body.token as string)?.email).toBe('alice@example.org');
  });

  it('denies: the poller gets access_denied and a second decision is refused (409)', async () => {
    const s = await startDevice();
    await web.signIn('bob@example.org', PASSWORD);
    const page = await web.get(`/account/authorize/?session=${s.session_id}`);
    const denied = await web.post('/account/authorize/', {
      csrfmiddlewaretoken: csrfOf(page.html),
      session: s.session_id,
      decision: 'deny',
    });
    expect(denied.status).toBe(303);
    expect((await web.get(denied.location ?? '')).html).toContain('was not given access');
    expect((await postJson(`${h.url}/api/auth/device/token/`, { device_code: s.device_code })).body).toEqual({
      error: 'access_denied',
    });
    const again = await web.post('/account/authorize/', {
      csrfmiddlewaretoken: csrfOf(page.html),
      session: s.session_id,
      decision: 'approve',
    });
    expect(again.status).toBe(409);
    // Bob, who decided, sees the outcome; anyone else sees that it was already handled.
    expect((await web.get(`/account/authorize/?session=${s.session_id}`)).status).toBe(200);
    const alice = new WebClient(h.url);
    await alice.signIn('alice@example.org', PASSWORD);
    expect((await alice.get(`/account/authorize/?session=${s.session_id}`)).status).toBe(409);
  });

  it('refuses an approval posted without the CSRF token', async () => {
    const s = await startDevice();
    await web.signIn('alice@example.org', PASSWORD);
    const r = await web.post('/account/authorize/', { session: s.session_id, decision: 'approve' });
    expect(r.status).toBe(403);
    expect(deviceStore(h.ctx).find(s.session_id)?.status).toBe('pending');
  });

  it('lets the user type the code (headless mode), forgiving case and the dash', async () => {
    const s = await startDevice();
    await web.signIn('alice@example.org', PASSWORD, '/account/authorize/');
    const form = await web.get('/account/authorize/');
    expect(form.html).toMatch(/<label for="user_code">Code<\/label>\s*<input type="text" id="user_code"/);
    const wrong = await web.post('/account/authorize/code/', {
      csrfmiddlewaretoken: csrfOf(form.html),
      user_code: 'BBBB-0000',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('not valid or has expired');
    const typed = s.user_code.toLowerCase().replace('-', ' ');
    const ok = await web.post('/account/authorize/code/', { csrfmiddlewaretoken: csrfOf(form.html), user_code: typed });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe(`/account/authorize/?session=${s.session_id}`);
    // A session id typed as a code is not accepted.
    const sid = await web.post('/account/authorize/code/', {
      csrfmiddlewaretoken: csrfOf(form.html),
      user_code: s.session_id,
    });
    expect(sid.status).toBe(400);
  });

  it(`throttles code guessing: after ${MAX_CODE_FAILURES} wrong codes even the right one waits (429)`, async () => {
    const s = await startDevice();
    await web.signIn('alice@example.org', PASSWORD, '/account/authorize/');
    const form = await web.get('/account/authorize/');
    const csrf = csrfOf(form.html);
    for (let i = 0; i < MAX_CODE_FAILURES; i++) {
      const guess = `BBBB-${String(i).padStart(4, '0')}`;
      expect((await web.post('/account/authorize/code/', { csrfmiddlewaretoken: csrf, user_code: guess })).status).toBe(
        400,
      );
    }
    const locked = await web.post('/account/authorize/code/', { csrfmiddlewaretoken: csrf, user_code: s.user_code });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    h.advance(15 * 60 * 1000 + 1000);
    const fresh = await startDevice(); // the first request has expired meanwhile
    const ok = await web.post('/account/authorize/code/', { csrfmiddlewaretoken: csrf, user_code: fresh.user_code });
    expect(ok.status).toBe(303);
  });

  it('explains expired (410) and unknown (404) requests', async () => {
    const s = await startDevice();
    await web.signIn('alice@example.org', PASSWORD);
    expect((await web.get('/account/authorize/?session=00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await web.get('/account/authorize/?session=junk')).status).toBe(404);
    const page = await web.get(`/account/authorize/?session=${s.session_id}`);
    h.advance(900_000);
    expect((await web.get(`/account/authorize/?session=${s.session_id}`)).status).toBe(410);
    const late = await web.post('/account/authorize/', {
      csrfmiddlewaretoken: csrfOf(page.html),
      session: s.session_id,
      decision: 'approve',
    });
    expect(late.status).toBe(410);
    expect((await postJson(`${h.url}/api/auth/device/token/`, { device_code: s.device_code })).body).toEqual({
      error: 'expired_token',
    });
  });
});

describe('/private/users/tokens/', () => {
  it('sends anonymous visitors to sign in', async () => {
    const r = await web.get('/private/users/tokens/');
    expect(r.status).toBe(303);
    expect(r.location).toBe('/account/login/?next=%2Fprivate%2Fusers%2Ftokens%2F');
  });

  it('creates a token shown once, lists it, and revokes it', async () => {
    await web.signIn('alice@example.org', PASSWORD);
    const empty = await web.get('/private/users/tokens/');
    expect(empty.html).toContain('You have no personal access tokens.');
    expect(empty.html).toMatch(/<label for="token-name">Token name<\/label>\s*<input type="text" id="token-name"/);
    const created = await web.post('/private/users/tokens/', {
      csrfmiddlewaretoken: csrfOf(empty.html),
      name: 'Data export <script>',
    });
    expect(created.status).toBe(303);
    expect(created.location).toBe('/private/users/tokens/');
    const shown = await web.get('/private/users/tokens/');
    expect(shown.headers.get('cache-control')).toBe('no-store');
    const token = textOf(shown.html, 'new-token') ?? '';
    expect(token).toMatch(/^bst_[A-Za-z0-9_-]+$/);
    expect(shown.html).toContain('Data export &lt;script&gt;');
    expect(authenticateToken(h.ctx.db, token)?.email).toBe('alice@example.org');
    const who = await fetch(`${h.url}/api/auth/whoami/`, { headers: { authorization: `Bearer ${token}` } });
    expect(who.status).toBe(200);

    const listed = await web.get('/private/users/tokens/');
    expect(listed.html).toContain('Data export &lt;script&gt;');
    expect(listed.html).not.toContain(token); // shown once only

    const [info] = listTokens(h.ctx.db, h.alice.id);
    const revoked = await web.post('/private/users/tokens/revoke/', {
      csrfmiddlewaretoken: csrfOf(listed.html),
      token_id: String(info?.id),
    });
    expect(revoked.status).toBe(303);
    expect(revoked.location).toBe('/private/users/tokens/');
    expect(authenticateToken(h.ctx.db, token)).toBeNull();
    expect((await fetch(`${h.url}/api/auth/whoami/`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      401,
    );
    expect((await web.get('/private/users/tokens/')).html).toContain('Token revoked.');
  });

  it("cannot revoke another user's token", async () => {
    const bobs = createToken(h.ctx.db, h.bob.id, 'bob laptop');
    const bobId = listTokens(h.ctx.db, h.bob.id)[0]?.id;
    await web.signIn('alice@example.org', PASSWORD);
    const page = await web.get('/private/users/tokens/');
    expect(page.html).not.toContain('bob laptop');
    const r = await web.post('/private/users/tokens/revoke/', {
      csrfmiddlewaretoken: csrfOf(page.html),
      token_id: String(bobId),
    });
    expect(r.status).toBe(404);
    expect(authenticateToken(h.ctx.db, bobs)?.email).toBe('bob@example.org');
  });

  it('requires a token name', async () => {
    await web.signIn('alice@example.org', PASSWORD);
    const page = await web.get('/private/users/tokens/');
    const r = await web.post('/private/users/tokens/', { csrfmiddlewaretoken: csrfOf(page.html), name: '   ' });
    expect(r.status).toBe(400);
    expect(r.html).toContain('Token name: enter a descriptive name.');
    expect(listTokens(h.ctx.db, h.alice.id)).toHaveLength(0);
  });
});
