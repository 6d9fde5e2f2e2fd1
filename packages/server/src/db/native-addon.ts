/**
 * better-sqlite3 is a native addon: `npm install` downloads a prebuilt binary for the running Node or, when none
 * can be downloaded (no network, or no binary for this Node), compiles one. When neither worked, or the addon was
 * built for another Node version, the first database open fails with a loader error; this turns that error into
 * one that says what the build needs.
 */
export class SqliteAddonError extends Error {
  constructor(cause: Error) {
    super(
      `better-sqlite3's native addon cannot be loaded under Node ${process.versions.node} (${firstLine(cause.message)}). ` +
        'When no prebuilt binary can be downloaded, npm compiles it from source, which needs a C++ toolchain ' +
        '(python3, make and g++: apt-get install -y python3 make g++) and the headers of this Node version ' +
        "(npm downloads them; without network, set npm_config_nodedir to a folder holding them, such as Node's " +
        'release tarball unpacked). Then run `npm rebuild better-sqlite3`.',
      { cause },
    );
    this.name = 'SqliteAddonError';
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}

/** Whether `error` comes from loading the addon (not from SQLite): a failed dlopen, or no addon file at all. */
export function isAddonLoadError(error: unknown): error is Error {
  if (!(error instanceof Error) || error.name === 'SqliteError') return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (
    code === 'ERR_DLOPEN_FAILED' ||
    /Could not locate the bindings file|NODE_MODULE_VERSION|better_sqlite3\.node/.test(error.message)
  );
}
