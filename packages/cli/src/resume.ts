/**
 * The command that fetches the rest of a `load --all` that stopped part-way: the user's own command line with
 * `--offset` set to where the output stopped, quoted for a POSIX shell so it pastes as is. `--token` and its value
 * are left out (a credential is never printed); the caller says so when one was given.
 * @module
 */

/** Options whose value is a credential: never echoed in a printed command. */
const SECRET_OPTIONS = new Set(['--token']);

/**
 * `argv` (without `node` and the script) as a `brainstem …` command with `--offset offset`, placed right after
 * `--all` (or at the end), replacing any `--offset` given. `hadSecret` says whether a credential was left out.
 *
 * @example
 * ```ts
 * resumeCommand(['load', 'session', '--all', '--offset=5', '--format', 'ndjson'], 200);
 * // { command: 'brainstem load session --all --offset 200 --format ndjson', hadSecret: false }
 * ```
 */
export function resumeCommand(argv: readonly string[], offset: number): { command: string; hadSecret: boolean } {
  const kept: string[] = [];
  let hadSecret = false;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === '--') {
      kept.push(...argv.slice(i));
      break;
    }
    const name = word.startsWith('--') ? word.split('=', 1)[0] : word;
    const takesNext = !word.includes('=');
    if (name === '--offset' || SECRET_OPTIONS.has(name as string)) {
      if (SECRET_OPTIONS.has(name as string)) hadSecret = true;
      if (takesNext) i++;
      continue;
    }
    kept.push(word);
  }
  const all = kept.findIndex((w) => w === '--all' || w === '-a');
  const at = all < 0 ? kept.length : all + 1;
  kept.splice(at, 0, '--offset', String(offset));
  return { command: ['brainstem', ...kept].map(shellWord).join(' '), hadSecret };
}

/**
 * A word as a POSIX shell reads it back: unchanged when it holds only safe characters, else in single quotes.
 *
 * @example
 * ```ts
 * shellWord('name.icontains=rat'); // 'name.icontains=rat'
 * shellWord('a b'); // "'a b'"
 * ```
 */
export function shellWord(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
