/**
 * The documented exit codes of `brainstem` (README "Exit codes", `brainstem --help`).
 *
 * @example
 * ```ts
 * process.exitCode = EXIT.NOT_FOUND; // 4
 * ```
 */
export const EXIT = {
  OK: 0,
  /** Anything not listed below. */
  OTHER: 1,
  /** Bad command line: unknown command/option/model, invalid --data JSON, missing argument. */
  USAGE: 2,
  /** 401, or no token available (run `brainstem login`). */
  AUTH: 3,
  /** 404. */
  NOT_FOUND: 4,
  /** 400 validation errors and 403 permission denied. */
  REJECTED: 5,
  /** Network failure, timeout, 429 after retries, 5xx. */
  NETWORK: 6,
  /**
   * `load --all` with streamed output (ndjson, csv with --fields) stopped after writing some records: stdout holds
   * whole records up to the offset named on stderr, not the full set. JSON and table output are never partial.
   */
  INCOMPLETE: 7,
  /** Interrupted by Ctrl-C (SIGINT). */
  INTERRUPTED: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit-code table as shown in `--help` and the README. */
export const EXIT_CODE_HELP = `Exit codes:
  0    success
  1    other error
  2    usage error (unknown command, option or model; invalid --data)
  3    authentication failed (401) or not logged in
  4    not found (404)
  5    rejected: validation (400) or permission denied (403)
  6    network error, timeout, rate limited or server error (5xx)
  7    load --all stopped part-way: streamed output (ndjson, csv) is incomplete
  130  interrupted (Ctrl-C)`;
