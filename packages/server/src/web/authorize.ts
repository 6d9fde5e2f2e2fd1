/**
 * The device-approval pages: `GET /account/authorize/[?session=…]`, `POST /account/authorize/code/` (typed user
 * code) and `POST /account/authorize/` (Approve / Deny).
 */
import { DEVICE_APPROVAL_PAGE } from 'brainstem-api-description';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { normalizeUserCode } from '../device/codes.js';
import type { DeviceSession } from '../device/store.js';
import { field } from './forms.js';
import { html, type PageUser } from './html.js';
import { approvePage, CSRF_FIELD, csrfFailedPage, enterCodePage, messagePage, signInPage } from './pages.js';
import { seeOther, sendPage } from './respond.js';
import { cookieSid, type Visitor, visitor, type WebState } from './visitor.js';

/** Page for a session that cannot be decided any more (or never existed). */
function unavailable(reply: FastifyReply, v: Visitor, s: DeviceSession | undefined): FastifyReply {
  const user = v.user ? { email: v.user.email, csrf: v.csrf } : undefined;
  if (!s) {
    return sendPage(
      reply,
      404,
      messagePage(
        'Request not found',
        'This sign-in request does not exist. Start the sign-in again from your application.',
        user,
        'alert',
      ),
    );
  }
  if (s.status === 'pending' && s.expired) {
    return sendPage(
      reply,
      410,
      messagePage(
        'Request expired',
        'This sign-in request has expired. Start the sign-in again from your application.',
        user,
        'alert',
      ),
    );
  }
  const what = s.status === 'denied' ? 'denied' : 'approved';
  return sendPage(
    reply,
    409,
    messagePage('Already handled', `This sign-in request was already ${what}.`, user, 'alert'),
  );
}

/** The outcome of a decision, shown to the user who made it. */
function decidedPage(s: DeviceSession, user: PageUser): string {
  if (s.status === 'denied') return messagePage('Request denied', `${s.clientName} was not given access.`, user);
  return messagePage(
    'Device approved',
    `${s.clientName} is now signed in as ${user.email}. You can close this window and return to it.`,
    user,
  );
}

export function registerAuthorizePages(app: FastifyInstance, state: WebState): void {
  app.get(DEVICE_APPROVAL_PAGE, async (req, reply) => {
    const v = visitor(state, req, reply);
    const q = req.query as Record<string, unknown>;
    const session = typeof q['session'] === 'string' ? q['session'] : '';
    // A link may carry the code to type (`?user_code=WXYZ-1234`, RFC 8628's verification_uri_complete style):
    // the form is filled in, and the user still compares it and presses Continue.
    const typed = typeof q['user_code'] === 'string' ? q['user_code'] : '';
    const prefill = normalizeUserCode(typed) ?? '';
    if (!v.user) {
      const next = session
        ? `${DEVICE_APPROVAL_PAGE}?session=${encodeURIComponent(session)}`
        : prefill
          ? `${DEVICE_APPROVAL_PAGE}?user_code=${encodeURIComponent(prefill)}`
          : DEVICE_APPROVAL_PAGE;
      const intro = html`<p class="notice">An application is asking to sign in to your BrainSTEM account.
Sign in to review the request.</p>`;
      return sendPage(reply, 200, signInPage({ csrf: v.csrf, next, intro }));
    }
    const user = { email: v.user.email, csrf: v.csrf };
    if (!session) return sendPage(reply, 200, enterCodePage(user, undefined, prefill));
    const s = state.devices.find(session);
    // The page a decision redirects to: its outcome, for the user who decided.
    if (s && s.status !== 'pending' && s.userId === v.user.id) return sendPage(reply, 200, decidedPage(s, user));
    if (!s || s.status !== 'pending' || s.expired) return unavailable(reply, v, s);
    return sendPage(reply, 200, approvePage(user, s));
  });

  app.post(`${DEVICE_APPROVAL_PAGE}code/`, async (req, reply) => {
    if (!state.sessions.checkCsrf(cookieSid(state, req), field(req.body, CSRF_FIELD))) {
      return sendPage(reply, 403, csrfFailedPage());
    }
    const v = visitor(state, req, reply);
    if (!v.user) return seeOther(reply, `/account/login/?next=${encodeURIComponent(DEVICE_APPROVAL_PAGE)}`);
    const wait = state.limiter.codeBlockedFor(v.user.id, req.ip);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      const msg = `Too many wrong codes. Please wait ${wait === 1 ? '1 second' : `${wait} seconds`} and try again.`;
      return sendPage(reply, 429, enterCodePage({ email: v.user.email, csrf: v.csrf }, msg));
    }
    const typed = field(req.body, 'user_code');
    // Only a well-formed code of a live, pending session is accepted here (never a session id).
    const code = normalizeUserCode(typed);
    const s = code ? state.devices.find(code) : undefined;
    if (!s || s.status !== 'pending' || s.expired) {
      state.limiter.codeFail(v.user.id, req.ip);
      const error = 'That code is not valid or has expired. Check it and try again.';
      return sendPage(reply, 400, enterCodePage({ email: v.user.email, csrf: v.csrf }, error, typed.slice(0, 20)));
    }
    return seeOther(reply, `${DEVICE_APPROVAL_PAGE}?session=${encodeURIComponent(s.sessionId)}`);
  });

  app.post(DEVICE_APPROVAL_PAGE, async (req, reply) => {
    if (!state.sessions.checkCsrf(cookieSid(state, req), field(req.body, CSRF_FIELD))) {
      return sendPage(reply, 403, csrfFailedPage());
    }
    const v = visitor(state, req, reply);
    const session = field(req.body, 'session');
    if (!v.user) {
      return seeOther(
        reply,
        `/account/login/?next=${encodeURIComponent(`${DEVICE_APPROVAL_PAGE}?session=${session}`)}`,
      );
    }
    const user = { email: v.user.email, csrf: v.csrf };
    const decision = field(req.body, 'decision');
    if (decision !== 'approve' && decision !== 'deny') {
      return sendPage(reply, 400, messagePage('Bad request', 'Choose Approve or Deny.', user, 'alert'));
    }
    const s = session ? state.devices.find(session) : undefined;
    if (!s || s.sessionId !== session.toLowerCase()) return unavailable(reply, v, undefined);
    const result =
      decision === 'approve'
        ? state.devices.approve(s.sessionId, v.user.id)
        : state.devices.deny(s.sessionId, v.user.id);
    if (result !== 'ok') return unavailable(reply, v, state.devices.find(s.sessionId));
    req.log.info(
      { event: `device_${decision}`, session: s.sessionId },
      `device session ${decision === 'approve' ? 'approved' : 'denied'}`,
    );
    // Post/Redirect/Get: the outcome is shown by the GET, so a reload does not post the decision again.
    return seeOther(reply, `${DEVICE_APPROVAL_PAGE}?session=${encodeURIComponent(s.sessionId)}`);
  });
}
