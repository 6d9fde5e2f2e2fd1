import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  authenticateToken,
  createToken,
  createUser,
  ensureAuthSchema,
  findUserByEmail,
  hashPassword,
  listTokens,
  revokeToken,
  verifyPassword,
} from '../src/auth/index.js';

function db() {
  const d = new Database(':memory:');
  ensureAuthSchema(d);
  return d;
}

describe('passwords', () => {
  it('hashes with scrypt and a random salt, verifies only the right password', () => {
    const a = hashPassword('brainstem-demo');
    const b = hashPassword('brainstem-demo');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[^$]+\$[^$]+$/);
    expect(a).not.toBe(b);
    expect(verifyPassword(a, 'brainstem-demo')).toBe(true);
    expect(verifyPassword(a, 'brainstem-demo ')).toBe(false);
    expect(verifyPassword('garbage', 'x')).toBe(false);
    expect(verifyPassword('scrypt$1$1$1$$', 'x')).toBe(false);
  });
});

describe('tokens', () => {
  it('stores only the hash, authenticates, lists and revokes', () => {
    const d = db();
    const u = createUser(d, { email: 'Dave@Example.org', password: 'pw', first_name: 'Dave' });
    expect(findUserByEmail(d, 'dave@example.org')?.id).toBe(u.id);
    const t = createToken(d, u.id, 'laptop');
    const stored = d.prepare('SELECT token_hash FROM tokens').all() as { token_hash: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(d.prepare('SELECT * FROM tokens').all())).not.toContain(t);
    expect(authenticateToken(d, t)?.email).toBe('dave@example.org');
    expect(authenticateToken(d, `${t}x`)).toBeNull();
    expect(authenticateToken(d, '')).toBeNull();
    const list = listTokens(d, u.id);
    expect(list).toHaveLength(1);
    expect(list[0]?.name).toBe('laptop');
    expect(list[0]?.last_used).not.toBeNull();
    const other = createUser(d, { email: 'eve@example.org' });
    expect(revokeToken(d, other.id, list[0]?.id as number)).toBe(false);
    expect(revokeToken(d, u.id, list[0]?.id as number)).toBe(true);
    expect(authenticateToken(d, t)).toBeNull();
  });

  it('rejects expired tokens and slides the expiry of used ones', () => {
    const d = db();
    const u = createUser(d, { email: 'f@example.org' });
    const t = createToken(d, u.id, 'x');
    d.prepare('UPDATE tokens SET expires = ?').run(new Date(Date.now() - 1000).toISOString());
    expect(authenticateToken(d, t)).toBeNull();
    d.prepare('UPDATE tokens SET expires = ?, last_used = NULL').run(new Date(Date.now() + 1000).toISOString());
    expect(authenticateToken(d, t)?.id).toBe(u.id);
    const exp = (d.prepare('SELECT expires FROM tokens').get() as { expires: string }).expires;
    expect(Date.parse(exp) - Date.now()).toBeGreaterThan(364 * 24 * 3600 * 1000);
  });
});
