/**
 * How the server treats connections: when a request that has not fully arrived is answered 408.
 *
 * Node checks for requests past their time on a timer (`connectionsCheckingInterval`, 30 s by default), so a 408
 * comes up to one interval late; the interval here is a sixtieth of the timeout, between 25 ms and 1 s, so the
 * documented 60 s holds to within a second.
 *
 * @example
 * ```ts
 * timeoutCheckInterval(60_000); // 1000
 * timeoutCheckInterval(1_500); // 25
 * ```
 */
export function timeoutCheckInterval(requestTimeout: number): number {
  return Math.min(1000, Math.max(25, Math.floor(requestTimeout / 60)));
}
