/**
 * One-time messages for Post/Redirect/Get: a successful form post stores what the next page must show (a notice,
 * or a freshly created token) under the visitor's session and answers 303; the GET that follows takes it, so a
 * reload neither repeats the post nor shows the message (or the token) again.
 *
 * Kept in memory, keyed by the SHA-256 of the session cookie: a created token's plaintext is never written to the
 * database, lives at most `FLASH_TTL_MS`, and is gone after the first page that shows it.
 */
import { sha256Hex } from '../device/codes.js';

/** How long an untaken message waits for its page. */
export const FLASH_TTL_MS = 5 * 60 * 1000;
/** Messages kept at most (oldest dropped first), so abandoned ones cannot pile up. */
const MAX_ENTRIES = 10_000;

export interface FlashMessage {
  notice?: string;
  /** A token just created: shown once on the token page. */
  created?: { name: string; token: string };
  /** A Web API Tool write that the API refused: its answer and what was sent, shown with the form again. */
  write?: { status: number; body: unknown; content: string; form: string };
}

/**
 * @example
 * ```ts
 * const flash = new FlashStore();
 * flash.put(sid, { notice: 'Token revoked.' });
 * flash.take(sid); // { notice: 'Token revoked.' }
 * flash.take(sid); // undefined
 * ```
 */
export class FlashStore {
  private readonly entries = new Map<string, { message: FlashMessage; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Stores the message for the session (replacing an untaken one). */
  put(sid: string, message: FlashMessage): void {
    const key = sha256Hex(sid);
    this.entries.delete(key);
    this.entries.set(key, { message, expires: this.now() + FLASH_TTL_MS });
    for (const k of this.entries.keys()) {
      if (this.entries.size <= MAX_ENTRIES) break;
      this.entries.delete(k);
    }
  }

  /** The session's message, removed; `undefined` when there is none or it expired. */
  take(sid: string): FlashMessage | undefined {
    const key = sha256Hex(sid);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    return entry.expires > this.now() ? entry.message : undefined;
  }
}
