import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Password hashes are stored as `scrypt$N$r$p$<salt base64>$<key base64>`:
 * scrypt (node:crypto) with a random 16-byte salt and a 32-byte key. The parameters travel with the hash so
 * they can be raised later without invalidating stored passwords.
 */
const N = 16384;
const R = 8;
const P = 1;
const KEY_LEN = 32;

/**
 * Hash a password for storage.
 *
 * @example
 * ```ts
 * const stored = hashPassword('brainstem-demo'); // 'scrypt$16384$8$1$…$…'
 * verifyPassword(stored, 'brainstem-demo'); // true
 * ```
 */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, KEY_LEN, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * Check a password against a stored hash in constant time. Malformed hashes never match.
 *
 * @example
 * ```ts
 * verifyPassword(user.password_hash, 'wrong'); // false
 * ```
 */
export function verifyPassword(stored: string, password: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const n = Number(parts[1]);
  const r = Number(parts[2]);
  const p = Number(parts[3]);
  if (!Number.isInteger(n) || !Number.isInteger(r) || !Number.isInteger(p)) return false;
  const salt = Buffer.from(parts[4] as string, 'base64');
  const expected = Buffer.from(parts[5] as string, 'base64');
  if (expected.length === 0) return false;
  let actual: Buffer;
  try {
    actual = scryptSync(String(password).normalize('NFC'), salt, expected.length, {
      N: n,
      r,
      p,
      maxmem: 256 * n * r + 1024 * 1024,
    });
  } catch {
    return false;
  }
  return timingSafeEqual(actual, expected);
}
