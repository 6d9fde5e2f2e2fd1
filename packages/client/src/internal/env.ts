/**
 * Reads an environment variable on any runtime (Node, Bun, Deno with --allow-env), never throwing: browsers and
 * sandboxed runtimes simply have none.
 */
export function readEnv(name: string): string | undefined {
  try {
    const g = globalThis as {
      process?: { env?: Record<string, string | undefined> };
      Deno?: { env?: { get(n: string): string | undefined } };
    };
    const v = g.process?.env?.[name] ?? g.Deno?.env?.get(name);
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  } catch {
    return undefined;
  }
}

/** Whether this looks like a browser page (then no User-Agent header, no Node-style prompts). */
export function isBrowser(): boolean {
  const g = globalThis as { window?: { document?: unknown }; document?: unknown };
  return typeof g.window !== 'undefined' && typeof g.window?.document !== 'undefined';
}

/**
 * The origin of the page this code runs in, when it runs in a browser page; `undefined` elsewhere (Node, Deno, Bun,
 * workers: `location` alone, as Deno's `--location` gives, is not a page).
 */
export function pageOrigin(): string | undefined {
  if (!isBrowser()) return undefined;
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin;
  return typeof origin === 'string' && origin !== 'null' ? origin : undefined;
}
