/**
 * Owner-only files in the config directory, written atomically: directory 0700, file 0600, a temp file renamed
 * into place so a reader never sees half a file. `node:crypto` is imported on the first write, not at start-up:
 * most runs only read these files.
 * @module
 */
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` to `path` (mode 0600) through a temp file in the same directory (created 0700 if missing).
 *
 * @example
 * ```ts
 * await writePrivateFile('/home/alice/.config/brainstem/config.json', '{}\n');
 * ```
 */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const { randomBytes } = await import('node:crypto');
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, { mode: 0o600, flag: 'wx' });
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
