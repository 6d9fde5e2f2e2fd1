/** Token management page: `GET/POST /private/users/tokens/` and `POST /private/users/tokens/revoke/`. */
import { TOKENS_PAGE } from 'brainstem-api-description';
import type { FastifyInstance } from 'fastify';
import { createToken, listTokens, revokeToken } from '../auth/index.js';
import { charLength } from '../characters.js';
import { field } from './forms.js';
import { CSRF_FIELD, csrfFailedPage, tokensPage } from './pages.js';
import { seeOther, sendPage } from './respond.js';
import { cookieSid, visitor, type WebState } from './visitor.js';

/** Longest token name accepted from the form. */
export const TOKEN_NAME_MAX = 200;

const toLogin = `/account/login/?next=${encodeURIComponent(TOKENS_PAGE)}`;

export function registerTokenPages(app: FastifyInstance, state: WebState): void {
  app.get(TOKENS_PAGE, async (req, reply) => {
    const v = visitor(state, req, reply);
    if (!v.user) return seeOther(reply, toLogin);
    const flash = state.flash.take(v.sid) ?? {};
    const page = tokensPage({ email: v.user.email, csrf: v.csrf }, listTokens(state.ctx.db, v.user.id), flash);
    return sendPage(reply, 200, page);
  });

  app.post(TOKENS_PAGE, async (req, reply) => {
    if (!state.sessions.checkCsrf(cookieSid(state, req), field(req.body, CSRF_FIELD))) {
      return sendPage(reply, 403, csrfFailedPage());
    }
    const v = visitor(state, req, reply);
    if (!v.user) return seeOther(reply, toLogin);
    const user = { email: v.user.email, csrf: v.csrf };
    const name = field(req.body, 'name').trim();
    if (!name || charLength(name) > TOKEN_NAME_MAX) {
      const error = name
        ? `Token name: at most ${TOKEN_NAME_MAX} characters.`
        : 'Token name: enter a descriptive name.';
      return sendPage(reply, 400, tokensPage(user, listTokens(state.ctx.db, v.user.id), { error }));
    }
    const token = createToken(state.ctx.db, v.user.id, name);
    // Post/Redirect/Get: the plaintext waits in the session's one-time flash for the next GET (reloading that
    // page neither creates another token nor shows this one again).
    state.flash.put(v.sid, { created: { name, token } });
    return seeOther(reply, TOKENS_PAGE);
  });

  app.post(`${TOKENS_PAGE}revoke/`, async (req, reply) => {
    if (!state.sessions.checkCsrf(cookieSid(state, req), field(req.body, CSRF_FIELD))) {
      return sendPage(reply, 403, csrfFailedPage());
    }
    const v = visitor(state, req, reply);
    if (!v.user) return seeOther(reply, toLogin);
    const id = Number(field(req.body, 'token_id'));
    // revokeToken only deletes the caller's own token, so another user's id is simply "not found".
    if (!Number.isSafeInteger(id) || !revokeToken(state.ctx.db, v.user.id, id)) {
      const page = tokensPage({ email: v.user.email, csrf: v.csrf }, listTokens(state.ctx.db, v.user.id), {
        error: 'That token does not exist (it may already have been revoked).',
      });
      return sendPage(reply, 404, page);
    }
    state.flash.put(v.sid, { notice: 'Token revoked.' });
    return seeOther(reply, TOKENS_PAGE);
  });
}
