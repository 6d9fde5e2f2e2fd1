/**
 * Opens a URL in the user's browser (Node): `open` on macOS, `start` on Windows, `xdg-open` elsewhere. Resolves
 * `false` when that is impossible (no display, command missing), so the caller prints the URL instead.
 * `node:child_process` is imported when a browser is opened, so start-up does not pay for it.
 * @module
 */

/**
 * @example
 * ```ts
 * if (!(await openBrowser(url))) console.error(`Open ${url}`);
 * ```
 */
export async function openBrowser(url: string): Promise<boolean> {
  if (!/^https?:\/\//.test(url)) return false;
  if (process.env.BRAINSTEM_NO_BROWSER || process.env.CI) return false;
  const platform = process.platform;
  if (platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  const [cmd, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  const { spawn } = await import('node:child_process');
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
