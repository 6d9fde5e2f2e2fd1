/**
 * Opens a URL in the user's browser (Node): `open` on macOS, `start` on Windows, `xdg-open` elsewhere. Resolves
 * `false` when that is impossible (no display, command missing), so the caller prints the URL instead.
 * @module
 */
import { spawn } from 'node:child_process';

/**
 * @example
 * ```ts
 * if (!(await openBrowser(url))) console.error(`Open ${url}`);
 * ```
 */
export function openBrowser(url: string): Promise<boolean> {
  if (!/^https?:\/\//.test(url)) return Promise.resolve(false);
  if (process.env.BRAINSTEM_NO_BROWSER || process.env.CI) return Promise.resolve(false);
  const platform = process.platform;
  if (platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return Promise.resolve(false);
  const [cmd, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  return new Promise((resolve) => {
    try {
      const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
