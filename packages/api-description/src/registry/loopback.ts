/**
 * Which hosts are this machine: where a token may travel over plain http and where a local server may listen
 * without warning.
 * @module
 */

/**
 * Whether `host` names the local machine: `localhost` (and `*.localhost`), any `127.0.0.0/8` address, or `::1`
 * (with or without brackets).
 *
 * @example
 * ```ts
 * isLoopback('127.0.0.2'); // true
 * isLoopback('[::1]'); // true
 * isLoopback('127.example.org'); // false
 * ```
 */
export function isLoopback(host: string): boolean {
  const h = host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return m?.slice(1).every((o) => Number(o) <= 255) ?? false;
}
