/**
 * `POST /api/token/` (email + password → a new personal access token) and the local
 * extension `GET /api/auth/whoami/` (who a token belongs to).
 */
import { nonFieldError, TOKEN_PATH, WHOAMI_PATH } from 'brainstem-api-description';
import type { FastifyInstance } from 'fastify';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { createToken } from '../auth/tokens.js';
import { passwordHashOf } from '../auth/users.js';
import { sliceChars } from '../characters.js';
import type { ServerContext } from '../context.js';
import { fieldErrors, httpError } from '../errors.js';
import { webState } from '../web/index.js';
import { requireUser } from './hooks.js';

/** A hash nobody's password matches: unknown emails still pay the scrypt cost (no timing oracle). */
let dummyHash: string | undefined;
const unmatchableHash = () => {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`);
  return dummyHash;
};

/**
 * A required text field as DRF's `CharField` reads it (the token serializer's `username`, and `password` with
 * `trim_whitespace=False`): missing is required, `null` may not be null, a number reads as its text, anything else
 * that is not text is not a valid string, and text that is empty (after trimming, where trimmed) is blank.
 */
function charField(value: unknown, trim: boolean): string | { problem: string } {
  if (value === undefined) return { problem: 'This field is required.' };
  if (value === null) return { problem: 'This field may not be null.' };
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return { problem: 'Not a valid string.' };
  const text = trim ? value.trim() : value;
  return text === '' ? { problem: 'This field may not be blank.' } : text;
}

export async function tokenRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.post(TOKEN_PATH, async (req, reply) => {
    const body = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw fieldErrors(nonFieldError('Expected a JSON object with "username" and "password".'));
    }
    const fields = body as Record<string, unknown>;
    const errors: Record<string, string[]> = {};
    const username = charField(fields.username, true);
    const password = charField(fields.password, false);
    if (typeof username !== 'string' || typeof password !== 'string') {
      if (typeof username !== 'string') errors.username = [username.problem];
      if (typeof password !== 'string') errors.password = [password.problem];
      throw fieldErrors(errors);
    }
    // Same throttle as the web sign-in form (per account and address, slowed by the address's failures; see
    // web/ratelimit.ts), checked before the password so a locked-out guesser learns nothing; the account key
    // exists whether or not the email does.
    const { limiter } = webState(ctx);
    const wait = limiter.blockedFor(username, req.ip);
    if (wait > 0) {
      throw httpError(429, 'Too many failed sign-in attempts. Try again later.', { 'Retry-After': String(wait) });
    }
    const found = passwordHashOf(ctx.db, username);
    const ok = verifyPassword(found?.hash || unmatchableHash(), password) && found !== null && found.hash !== '';
    if (!ok || !found) {
      limiter.fail(username, req.ip);
      throw httpError(401, 'Unable to log in with provided credentials.');
    }
    limiter.succeed(username, req.ip);
    const name =
      typeof (body as Record<string, unknown>).name === 'string'
        ? String((body as Record<string, unknown>).name)
        : 'password login';
    const token = createToken(ctx.db, found.user.id, sliceChars(name, 100));
    reply.code(200);
    return { token };
  });

  app.get(WHOAMI_PATH, async (req) => {
    const user = requireUser(ctx, req.headers.authorization);
    return { user: { id: user.id, email: user.email, first_name: user.first_name, last_name: user.last_name } };
  });
}
