/**
 * The website's sign-in cookie on the API (DRF's `SessionAuthentication`): when a request sends no
 * `Authorization` header, a signed-in session cookie names the caller. Unsafe methods must also pass the CSRF
 * check of the API description (`csrfCheck`: same-origin `Origin`/`Referer` and the session's token in the
 * `X-CSRFToken` header); a failure is 403 in DRF's words. No cookie, or one of a session that is not signed in,
 * names nobody.
 */
import { CSRF_HEADER, csrfCheck, csrfFailed, needsCsrf } from 'brainstem-api-description';
import type { FastifyRequest } from 'fastify';
import { findUserById, type User } from '../auth/index.js';
import type { ServerContext } from '../context.js';
import { forbidden } from '../errors.js';
import { requestOrigin } from '../origin.js';
import { webState } from '../web/state.js';
import { cookieSid } from '../web/visitor.js';

const header = (req: FastifyRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * The signed-in user of the request's session cookie, or `null`; throws 403 when the session is signed in but an
 * unsafe request fails the CSRF check.
 */
export function sessionUser(ctx: ServerContext, req: FastifyRequest): User | null {
  if (!req.headers.cookie) return null;
  const state = webState(ctx);
  const sid = cookieSid(state, req);
  const userId = state.sessions.userId(sid);
  if (typeof userId !== 'number') return null;
  const user = findUserById(ctx.db, userId);
  if (!user) return null;
  if (needsCsrf(req.method)) {
    const failure = csrfCheck({
      origin: requestOrigin(req),
      originHeader: header(req, 'origin'),
      referer: header(req, 'referer'),
      token: header(req, CSRF_HEADER),
      tokenValid: (token) => state.sessions.checkCsrf(sid, token),
    });
    if (failure) throw forbidden(csrfFailed(failure));
  }
  return user;
}
