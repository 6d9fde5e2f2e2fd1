import { tokenCachePath } from 'brainstem-api-tools';

/** A user's display name: `Alice Smith <alice@example.org>`, falling back to whatever the server sent. */
export function userLabel(user: unknown): string {
  if (!user || typeof user !== 'object') return 'an unknown user';
  const u = user as { email?: string; first_name?: string; last_name?: string; username?: string; id?: unknown };
  const name = [u.first_name, u.last_name].filter(Boolean).join(' ');
  const email = u.email ?? u.username;
  if (name && email) return `${name} <${email}>`;
  return name || email || `user ${String(u.id ?? '?')}`;
}

/** Where the token cache lives (never the token). */
export function cachePath(): string {
  return tokenCachePath();
}

/** Human description of where a client's token came from. */
export function describeSource(source: string | undefined): string {
  switch (source) {
    case undefined:
      return 'no token';
    case 'option':
      return '--token';
    case 'function':
      return 'a token function';
    case 'env:BRAINSTEM_TOKEN':
      return 'environment variable BRAINSTEM_TOKEN';
    case 'env:BRAINSTEM_API_TOKEN':
      return 'environment variable BRAINSTEM_API_TOKEN';
    case '.env':
      return '.env file in the working directory';
    case 'cache':
      return `token cache ${cachePath()}`;
    case 'python-cache':
      return "the official Python tool's token file (~/.config/brainstem/token)";
    case 'login':
      return 'a login just now';
    default:
      return source;
  }
}
