/**
 * Users, passwords and personal access tokens.
 *
 * @example
 * ```ts
 * import { createUser, createToken, authenticateToken } from './auth/index.js';
 * const u = createUser(db, { email: 'dave@example.org', password: 'pw' });
 * const token = createToken(db, u.id, 'laptop');
 * authenticateToken(db, token)?.id === u.id; // true
 * ```
 * @module
 */
export { hashPassword, verifyPassword } from './passwords.js';
export { ensureAuthSchema } from './schema.js';
export {
  authenticateToken,
  createToken,
  hashToken,
  insertToken,
  listTokens,
  revokeToken,
  TOKEN_LIFETIME_MS,
  type TokenInfo,
} from './tokens.js';
export { createUser, findUserByEmail, findUserById, type NewUser, passwordHashOf, type User } from './users.js';
