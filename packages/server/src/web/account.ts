/** Sign-in and sign-out: `GET/POST /account/login/`, `POST /account/logout/`. */
import type { FastifyInstance } from 'fastify';
import { hashPassword, passwordHashOf, verifyPassword } from '../auth/index.js';
import { field, safeNext } from './forms.js';
import { CSRF_FIELD, csrfFailedPage, rateLimitedPage, signInPage } from './pages.js';
import { seeOther, sendPage } from './respond.js';
import { cookieSid, endSession, startSession, visitor, type WebState } from './visitor.js';

/** The one message for every failed sign-in: it never says whether the email exists. */
export const SIGN_IN_FAILED = 'The email address or password is not correct.';

let dummyHash: string | undefined;
/**
 * A real scrypt hash to verify against when the email is unknown (or has no password), so a failed sign-in takes
 * the same time whether or not the account exists.
 */
function decoyHash(): string {
  dummyHash ??= hashPassword('decoy password that matches nothing');
  return dummyHash;
}

export function registerAccountPages(app: FastifyInstance, state: WebState): void {
  app.get('/account/login/', async (req, reply) => {
    const v = visitor(state, req, reply);
    const next = safeNext((req.query as Record<string, unknown>)['next'] as string | undefined);
    if (v.user) return seeOther(reply, next);
    return sendPage(reply, 200, signInPage({ csrf: v.csrf, next }));
  });

  app.post('/account/login/', async (req, reply) => {
    const sid = cookieSid(state, req);
    if (!state.sessions.checkCsrf(sid, field(req.body, CSRF_FIELD))) return sendPage(reply, 403, csrfFailedPage());
    const v = visitor(state, req, reply);
    const next = safeNext(field(req.body, 'next'));
    const email = field(req.body, 'email').trim();
    const password = field(req.body, 'password');
    if (!email || !password) {
      return sendPage(
        reply,
        400,
        signInPage({ csrf: v.csrf, next, email, error: 'Enter your email address and password.' }),
      );
    }
    const wait = state.limiter.blockedFor(email, req.ip);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return sendPage(reply, 429, rateLimitedPage());
    }
    const rec = passwordHashOf(state.ctx.db, email);
    const hash = rec?.hash.startsWith('scrypt$') ? rec.hash : undefined;
    const ok = verifyPassword(hash ?? decoyHash(), password) && hash !== undefined;
    if (!ok || !rec) {
      state.limiter.fail(email, req.ip);
      req.log.info({ event: 'sign_in_failed' }, 'web sign-in failed');
      return sendPage(reply, 401, signInPage({ csrf: v.csrf, next, email, error: SIGN_IN_FAILED }));
    }
    state.limiter.succeed(email, req.ip);
    startSession(state, req, reply, rec.user);
    return seeOther(reply, next);
  });

  app.post('/account/logout/', async (req, reply) => {
    const sid = cookieSid(state, req);
    if (!state.sessions.checkCsrf(sid, field(req.body, CSRF_FIELD))) return sendPage(reply, 403, csrfFailedPage());
    endSession(state, req, reply);
    return seeOther(reply, '/account/login/');
  });
}
