/**
 * Logging: a `logger` option (console-like) filtered by `logLevel` (default from `BRAINSTEM_LOG`, else `warn`).
 * Credentials are redacted from every message and argument by the rule of redact.ts.
 * @module
 */

import { readEnv } from './internal/env.js';
import { redact, redactValue } from './redact.js';

/**
 * Log levels, quietest first.
 *
 * @example
 * ```ts
 * new BrainstemClient({ logLevel: 'debug' }); // or BRAINSTEM_LOG=debug
 * ```
 */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/**
 * Where log lines go. `console` fits; the default writes everything to `console.error` (stderr), so stdout stays
 * clean for data.
 *
 * @example
 * ```ts
 * new BrainstemClient({ logger: pino(), logLevel: 'debug' });
 * ```
 */
export interface Logger {
  /** Failures. */
  error(message: string, ...args: unknown[]): void;
  /** Things the user should know (e.g. a count mismatch after `loadAll`). */
  warn(message: string, ...args: unknown[]): void;
  /** Retries and recoveries. */
  info(message: string, ...args: unknown[]): void;
  /** Every request and response line. */
  debug(message: string, ...args: unknown[]): void;
}

const ORDER: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

function isLevel(v: string | undefined): v is LogLevel {
  return v !== undefined && v in ORDER;
}

/** A level-filtering, redacting wrapper around a {@link Logger}. */
export class LogSink {
  readonly level: LogLevel;
  private readonly target: Logger;
  private readonly secrets: () => readonly (string | undefined)[];

  constructor(opts: { logger?: Logger; logLevel?: LogLevel; secrets: () => readonly (string | undefined)[] }) {
    const env = readEnv('BRAINSTEM_LOG')?.toLowerCase();
    this.level = opts.logLevel ?? (isLevel(env) ? env : 'warn');
    this.secrets = opts.secrets;
    const c = (globalThis as { console?: Console }).console;
    const toStderr = (m: string, ...a: unknown[]) => c?.error(m, ...a);
    this.target = opts.logger ?? { error: toStderr, warn: toStderr, info: toStderr, debug: toStderr };
  }

  /** Whether a level is enabled (to skip building expensive messages). */
  enabled(level: Exclude<LogLevel, 'off'>): boolean {
    return ORDER[level] <= ORDER[this.level];
  }

  private emit(level: Exclude<LogLevel, 'off'>, message: string, args: unknown[]): void {
    if (!this.enabled(level)) return;
    const secrets = this.secrets();
    this.target[level](`[brainstem] ${redact(message, secrets)}`, ...args.map((a) => redactValue(a, secrets)));
  }

  error(message: string, ...args: unknown[]): void {
    this.emit('error', message, args);
  }
  warn(message: string, ...args: unknown[]): void {
    this.emit('warn', message, args);
  }
  info(message: string, ...args: unknown[]): void {
    this.emit('info', message, args);
  }
  debug(message: string, ...args: unknown[]): void {
    this.emit('debug', message, args);
  }
}
