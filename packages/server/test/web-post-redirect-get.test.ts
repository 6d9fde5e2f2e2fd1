/**
 * Post/Redirect/Get on every HTML form: each successful form post answers 303 to a page, so reloading the page the
 * browser lands on repeats nothing. A created token is shown once, by the first GET after the post, from a one-time
 * message kept under the visitor's session (never in the URL, never in the database).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listTokens } from '../src/auth/index.js';
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

/** Posts a form and follows the 303 like a browser; returns the post's answer and the page landed on. */
async function submit(path: string, fields: Record<string, string>) {
  const posted = await web.post(path, fields);
  expect(posted.status).toBe(303);
  const landed = await web.get(posted.location ?? '');
  return { posted, landed };
}

describe('successful form posts redirect (303)', () => {
  it('creating a token: one token however often the page is reloaded; its plaintext is shown once', async () => {
    await web.signIn('alice@example.org', PASSWORD);
    const page = await web.get('/private/users/tokens/');
    const { posted, landed } = await submit('/private/users/tokens/', {
      csrfmiddlewaretoken: csrfOf(page.html),
      name: 'laptop',
    });
    expect(posted.location).toBe('/private/users/tokens/');
    expect(posted.location).not.toMatch(/bst_/);
    expect(posted.html).toBe('');
    const token = textOf(landed.html, 'new-token') ?? '';
    expect(token).toMatch(/^bst_/);
    expect(landed.headers.get('cache-control')).toBe('no-store');
    // The reload: a GET of the same page — no second token, and the plaintext is gone.
    const reloaded = await web.get('/private/users/tokens/');
    expect(reloaded.html).not.toContain(token);
    expect(reloaded.html).not.toContain('id="new-token"');
    expect(listTokens(h.ctx.db, h.alice.id)).toHaveLength(1);
  });

  it("a token's plaintext is only shown to the session that created it", async () => {
    await web.signIn('alice@example.org', PASSWORD);
    const other = new WebClient(h.url);
    await other.signIn('alice@example.org', PASSWORD);
    const page = await web.get('/private/users/tokens/');
    const posted = await web.post('/private/users/tokens/', { csrfmiddlewaretoken: csrfOf(page.html), name: 'x' });
    expect(posted.status).toBe(303);
    expect((await other.get('/private/users/tokens/')).html).not.toContain('id="new-token"');
    expect(textOf((await web.get('/private/users/tokens/')).html, 'new-token')).toMatch(/^bst_/);
  });

  it('revoking a token: the notice is shown once', async () => {
    await web.signIn('alice@example.org', PASSWORD);
    const page = await web.get('/private/users/tokens/');
    await web.post('/private/users/tokens/', { csrfmiddlewaretoken: csrfOf(page.html), name: 'old' });
    const listed = await web.get('/private/users/tokens/');
    const id = String(listTokens(h.ctx.db, h.alice.id)[0]?.id);
    const { landed } = await submit('/private/users/tokens/revoke/', {
      csrfmiddlewaretoken: csrfOf(listed.html),
      token_id: id,
    });
    expect(landed.html).toContain('Token revoked.');
    expect((await web.get('/private/users/tokens/')).html).not.toContain('Token revoked.');
  });

  it('approving or denying a device: the outcome page is a GET', async () => {
    const s = (await postJson(`${h.url}/api/auth/device/`, { client_name: 'brainstem CLI' })).body as {
      session_id: string;
    };
    await web.signIn('alice@example.org', PASSWORD);
    const page = await web.get(`/account/authorize/?session=${s.session_id}`);
    const { posted, landed } = await submit('/account/authorize/', {
      csrfmiddlewaretoken: csrfOf(page.html),
      session: s.session_id,
      decision: 'approve',
    });
    expect(posted.location).toBe(`/account/authorize/?session=${s.session_id}`);
    expect(landed.status).toBe(200);
    expect(landed.html).toContain('<h1>Device approved</h1>');
    // Reloading shows the same outcome and decides nothing again.
    expect((await web.get(posted.location ?? '')).html).toContain('<h1>Device approved</h1>');
  });

  it('signing in, typing a code and signing out were already redirects', async () => {
    const s = (await postJson(`${h.url}/api/auth/device/`, {})).body as { user_code: string };
    const signedIn = await web.signIn('alice@example.org', PASSWORD, '/account/authorize/');
    expect(signedIn.status).toBe(303);
    const form = await web.get('/account/authorize/');
    const { landed } = await submit('/account/authorize/code/', {
      csrfmiddlewaretoken: csrfOf(form.html),
      user_code: s.user_code,
    });
    expect(landed.html).toContain('value="approve"');
    const { posted } = await submit('/account/logout/', { csrfmiddlewaretoken: csrfOf(landed.html) });
    expect(posted.location).toBe('/account/login/');
  });
});
