/**
 * `.env` loading (Node): the working directory's `.env` through `process.loadEnvFile` (Node ≥ 20.12), which never
 * overrides variables that are already set. Loaded at most once per process and directory.
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const loaded = new Set<string>();

/**
 * Loads `<cwd>/.env` if present. Returns whether a file was loaded now.
 *
 * @example
 * ```ts
 * loadDotEnv(); // BRAINSTEM_TOKEN=… in ./.env is now in process.env (unless already set)
 * ```
 */
export function loadDotEnv(cwd: string = process.cwd()): boolean {
  const file = join(cwd, '.env');
  if (loaded.has(file) || !existsSync(file)) return false;
  loaded.add(file);
  const load = (process as { loadEnvFile?: (path: string) => void }).loadEnvFile;
  if (typeof load !== 'function')
    throw new Error('process.loadEnvFile needs Node ≥ 20.12; set BRAINSTEM_TOKEN instead');
  load(file);
  return true;
}
