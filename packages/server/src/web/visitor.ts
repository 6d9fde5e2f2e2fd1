/** Who is looking at a page: the session cookie, the signed-in user (if any) and the CSRF token for forms. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findUserById, type User } from '../auth/index.js';
import type { ServerContext } from '../context.js';
import type { DeviceStore } from '../device/store.js';
import { parseCookies, serializeCookie } from './cookies.js';
import type { FlashStore } from './flash.js';
import type { SignInLimiter } from './ratelimit.js';
import { SESSION_COOKIE, SESSION_MAX_AGE_S, type WebSessions } from './sessions.js';

/** Everything the page handlers share. */
export interface WebState {
  ctx: ServerContext;
  sessions: WebSessions;
  limiter: SignInLimiter;
  devices: DeviceStore;
  /** One-time messages shown by the page a successful form post redirects to. */
  flash: FlashStore;
}

export interface Visitor {
  /** The session cookie value (a fresh one was set on the reply when the request had none). */
  sid: string;
  user: User | null;
  /** CSRF token to embed in this visitor's forms. */
  csrf: string;
}

/** The request's session cookie value, if it has a well-formed one. */
export function cookieSid(state: WebState, req: FastifyRequest): string | undefined {
  const sid = parseCookies(req.headers.cookie)[SESSION_COOKIE];
  return state.sessions.isWellFormed(sid) ? sid : undefined;
}

/**
 * Resolves the visitor, issuing an anonymous session cookie when there is none so the forms on the page can
 * carry a CSRF token bound to it.
 */
export function visitor(state: WebState, req: FastifyRequest, reply: FastifyReply): Visitor {
  let sid = cookieSid(state, req);
  if (!sid) {
    sid = state.sessions.newSid();
    reply.header('set-cookie', serializeCookie(SESSION_COOKIE, sid, { secure: req.protocol === 'https' }));
  }
  const userId = state.sessions.userId(sid);
  const user = typeof userId === 'number' ? findUserById(state.ctx.db, userId) : null;
  return { sid, user, csrf: state.sessions.csrfToken(sid) };
}

/** Starts a signed-in session for `user` with a fresh cookie value (the anonymous one is discarded). */
export function startSession(state: WebState, req: FastifyRequest, reply: FastifyReply, user: User): void {
  const sid = state.sessions.signIn(user.id);
  reply.header(
    'set-cookie',
    serializeCookie(SESSION_COOKIE, sid, { maxAge: SESSION_MAX_AGE_S, secure: req.protocol === 'https' }),
  );
}

/** Ends the visitor's session and deletes the cookie. */
export function endSession(state: WebState, req: FastifyRequest, reply: FastifyReply): void {
  state.sessions.signOut(cookieSid(state, req));
  reply.header('set-cookie', serializeCookie(SESSION_COOKIE, '', { maxAge: 0, secure: req.protocol === 'https' }));
}
