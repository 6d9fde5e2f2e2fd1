/**
 * Device sessions: the server side of the CLI device authorization flow (the API docs, "CLI Device Authorization
 * Flow"; RFC 8628). Pure storage and state machine — no HTTP here (see routes.ts) — so tests and other helpers can
 * drive it directly.
 *
 * States: `pending` → `approved` (a user clicked Approve) → `used` (the poller collected its token), or
 * `pending` → `denied`. Any unfinished session expires `DEVICE_EXPIRES_IN` seconds after creation.
 * The token is created only when the poller collects it, so no plaintext token is ever stored.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  generateDeviceCode,
  generateSessionId,
  generateUserCode,
  isSessionId,
  normalizeUserCode,
  sha256Hex,
} from './codes.js';

/** Lifetime of a device session in seconds (docs: "15-minute window"). */
export const DEVICE_EXPIRES_IN = 900;
/**
 * Polls closer together than this get `slow_down`. The official MATLAB tool polls every 3 s whatever `interval`
 * says and treats unknown errors as fatal, so anything ≥ 1 s must be accepted. A 50 ms allowance absorbs timer
 * jitter of clients that sleep exactly 1 s (setTimeout may fire a millisecond early relative to Date.now()).
 */
export const MIN_POLL_INTERVAL_MS = 1000;
export const POLL_JITTER_MS = 50;

/** Longest accepted `client_name` (it is shown on the approval page). */
export const CLIENT_NAME_MAX = 200;
/** Shown when a client sends no `client_name` (the MATLAB tool posts `{}`). */
export const DEFAULT_CLIENT_NAME = 'Unnamed API client';

export type DeviceStatus = 'pending' | 'approved' | 'denied' | 'used';

/** A device session as the authorize page sees it (never includes the device code). */
export interface DeviceSession {
  sessionId: string;
  userCode: string;
  clientName: string;
  status: DeviceStatus;
  userId: number | null;
  createdAt: number;
  expiresAt: number;
  /** `true` when the 15-minute window has passed (at the store's clock). */
  expired: boolean;
}

/** What `POST /api/auth/device/` returns apart from the URIs (which need the request's origin). */
export interface StartedDeviceSession {
  deviceCode: string;
  userCode: string;
  sessionId: string;
  expiresIn: number;
}

/** Body of a `POST /api/auth/device/token/` answer (always HTTP 200). */
export type PollResult =
  | { status: 'authorization_pending' }
  | { status: 'success'; token: string }
  | { error: 'access_denied' | 'expired_token' | 'already_used' | 'slow_down' | 'invalid_grant' };

/** Creates the personal access token handed to the poller; returns its plaintext (shown once). */
export type TokenIssuer = (userId: number, name: string) => string;

/** Outcome of an approve/deny decision. */
export type DecisionResult = 'ok' | 'not_found' | 'expired' | 'already_decided';

interface Row {
  session_id: string;
  user_code: string;
  client_name: string;
  status: DeviceStatus;
  user_id: number | null;
  created_at: number;
  expires_at: number;
  last_poll_at: number | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS device_sessions (
  session_id       TEXT PRIMARY KEY,
  device_code_hash TEXT NOT NULL UNIQUE,
  user_code        TEXT NOT NULL,
  client_name      TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'used')),
  user_id          INTEGER,
  created_at       INTEGER NOT NULL,
  expires_at       INTEGER NOT NULL,
  last_poll_at     INTEGER,
  decided_at       INTEGER
);
CREATE INDEX IF NOT EXISTS device_sessions_user_code ON device_sessions (user_code, expires_at);
`;

/**
 * Device-session storage on the server's SQLite database.
 *
 * @example
 * ```ts
 * const store = new DeviceStore(db, { now: Date.now, issueToken: (uid, name) => createToken(db, uid, name).token });
 * const s = store.start('brainstem-python');
 * store.approve(s.userCode, 1);
 * store.poll(s.deviceCode); // { status: 'success', token: '…' }
 * ```
 */
export class DeviceStore {
  /** The clock (ms since epoch). Replaceable so tests can move time forward past the 15-minute window. */
  now: () => number;
  private readonly issueToken: TokenIssuer;

  constructor(
    private readonly db: BetterSqlite3.Database,
    opts: { now?: () => number; issueToken: TokenIssuer },
  ) {
    this.now = opts.now ?? Date.now;
    this.issueToken = opts.issueToken;
    db.exec(SCHEMA);
  }

  /** Opens a pending session for `clientName` (already validated). */
  start(clientName: string): StartedDeviceSession {
    const t = this.now();
    const deviceCode = generateDeviceCode();
    const sessionId = generateSessionId();
    // User codes are short, so make sure no live session already has this one.
    let userCode = generateUserCode();
    const clash = this.db.prepare('SELECT 1 FROM device_sessions WHERE user_code = ? AND expires_at > ?');
    for (let i = 0; i < 10 && clash.get(userCode, t); i++) userCode = generateUserCode();
    this.db
      .prepare(
        `INSERT INTO device_sessions (session_id, device_code_hash, user_code, client_name, status, created_at, expires_at)
         VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
      )
      .run(sessionId, sha256Hex(deviceCode), userCode, clientName, t, t + DEVICE_EXPIRES_IN * 1000);
    this.prune(t);
    return { deviceCode, userCode, sessionId, expiresIn: DEVICE_EXPIRES_IN };
  }

  /**
   * Finds a session by its public session id or by a typed user code (any case/spacing). For a user code only
   * live (unexpired) sessions match, since codes may be reused after expiry.
   */
  find(sessionIdOrUserCode: string): DeviceSession | undefined {
    const key = sessionIdOrUserCode.trim();
    let row: Row | undefined;
    if (isSessionId(key)) {
      row = this.db.prepare('SELECT * FROM device_sessions WHERE session_id = ?').get(key.toLowerCase()) as
        | Row
        | undefined;
    } else {
      const code = normalizeUserCode(key);
      if (code) {
        row = this.db
          .prepare('SELECT * FROM device_sessions WHERE user_code = ? AND expires_at > ? ORDER BY created_at DESC')
          .get(code, this.now()) as Row | undefined;
      }
    }
    return row && this.toSession(row);
  }

  /** Marks a pending session approved by `userId`. */
  approve(sessionIdOrUserCode: string, userId: number): DecisionResult {
    return this.decide(sessionIdOrUserCode, 'approved', userId);
  }

  /** Marks a pending session denied (the poller then gets `access_denied`). */
  deny(sessionIdOrUserCode: string, userId: number | null = null): DecisionResult {
    return this.decide(sessionIdOrUserCode, 'denied', userId);
  }

  /** One poll of `POST /api/auth/device/token/`. */
  poll(deviceCode: string): PollResult {
    const t = this.now();
    const run = this.db.transaction((): PollResult => {
      const row = this.db
        .prepare('SELECT * FROM device_sessions WHERE device_code_hash = ?')
        .get(sha256Hex(deviceCode)) as Row | undefined;
      if (!row) return { error: 'invalid_grant' };
      if (row.status === 'used') return { error: 'already_used' };
      if (row.status === 'denied') return { error: 'access_denied' };
      if (t >= row.expires_at) return { error: 'expired_token' };
      if (row.status === 'approved' && row.user_id !== null) {
        const claimed = this.db
          .prepare(
            "UPDATE device_sessions SET status = 'used', last_poll_at = ? WHERE session_id = ? AND status = 'approved'",
          )
          .run(t, row.session_id);
        if (claimed.changes !== 1) return { error: 'already_used' };
        const token = this.issueToken(row.user_id, `${row.client_name} (device login)`);
        return { status: 'success', token };
      }
      const tooSoon = row.last_poll_at !== null && t - row.last_poll_at < MIN_POLL_INTERVAL_MS - POLL_JITTER_MS;
      this.db.prepare('UPDATE device_sessions SET last_poll_at = ? WHERE session_id = ?').run(t, row.session_id);
      return tooSoon ? { error: 'slow_down' } : { status: 'authorization_pending' };
    });
    return run();
  }

  private decide(key: string, status: 'approved' | 'denied', userId: number | null): DecisionResult {
    const s = this.find(key);
    if (!s) return 'not_found';
    if (s.status !== 'pending') return 'already_decided';
    if (s.expired) return 'expired';
    const res = this.db
      .prepare(
        "UPDATE device_sessions SET status = ?, user_id = ?, decided_at = ? WHERE session_id = ? AND status = 'pending'",
      )
      .run(status, userId, this.now(), s.sessionId);
    return res.changes === 1 ? 'ok' : 'already_decided';
  }

  /** Drops sessions that ended more than a day ago (keeps the table small on long-running servers). */
  private prune(t: number): void {
    this.db.prepare('DELETE FROM device_sessions WHERE expires_at < ?').run(t - 86_400_000);
  }

  private toSession(row: Row): DeviceSession {
    return {
      sessionId: row.session_id,
      userCode: row.user_code,
      clientName: row.client_name,
      status: row.status,
      userId: row.user_id,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      expired: this.now() >= row.expires_at,
    };
  }
}
