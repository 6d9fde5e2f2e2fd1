/**
 * Random codes of the device authorization flow and the hashing used to store them.
 *
 * - device code: 32 random bytes, base64url — the secret the polling client holds; only its SHA-256 is stored.
 * - user code: `WXYZ-1234` — four consonants and four digits the user types on the authorize page
 *   (RFC 8628 §6.1: a small alphabet without vowels avoids accidental words and look-alike characters).
 * - session id: a UUID, the public handle that appears in `verification_uri_complete`.
 */
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { UUID_PATTERN } from 'brainstem-api-description';

/** Consonants without look-alikes (no vowels, no Y); RFC 8628's suggested 20-character set. */
const USER_CODE_LETTERS = 'BCDFGHJKLMNPQRSTVWXZ';

/**
 * A fresh user code in display form.
 *
 * @example
 * ```ts
 * generateUserCode(); // 'KZTB-4071'
 * ```
 */
export function generateUserCode(): string {
  let letters = '';
  for (let i = 0; i < 4; i++) letters += USER_CODE_LETTERS[randomInt(USER_CODE_LETTERS.length)];
  const digits = String(randomInt(10_000)).padStart(4, '0');
  return `${letters}-${digits}`;
}

/**
 * Canonical form of a typed user code (upper case, dash in the middle), or `undefined` when it cannot be one.
 * Spaces, dashes and case are forgiven: `wxyz 1234`, `WXYZ1234` and `wxyz-1234` all give `WXYZ-1234`.
 *
 * @example
 * ```ts
 * normalizeUserCode(' kztb4071 '); // 'KZTB-4071'
 * normalizeUserCode('nope'); // undefined
 * ```
 */
export function normalizeUserCode(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[A-Z]{4}[0-9]{4}$/.test(compact)) return undefined;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** A fresh device code (43 base64url characters, 256 bits). */
export function generateDeviceCode(): string {
  return randomBytes(32).toString('base64url');
}

/** A fresh public session id (UUID v4). */
export function generateSessionId(): string {
  return randomUUID();
}

/** Whether a string has the shape of a session id we issue (lets lookups reject junk before touching SQL). */
export function isSessionId(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/**
 * SHA-256 of a secret, hex. Device codes and web session ids are stored this way so a copy of the database
 * cannot be replayed; high-entropy secrets need no salt or slow hash.
 */
export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time string equality (length is not secret: both sides are fixed-length digests or tokens). */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  if (ab.length !== bb.length) return false;
  return timingSafeEqual(ab, bb);
}
