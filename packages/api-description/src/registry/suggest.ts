/**
 * Suggestions for unknown names: models, fields, operators, relations. One edit-distance ranking and one
 * "did you mean" wording for the client, the CLI and the server.
 * @module
 */

/**
 * `candidates` ordered by closeness to `name` (edit distance; prefix and substring matches first), at most `count`.
 *
 * @example
 * ```ts
 * closest('nme', ['name', 'description', 'tags'], 1); // ['name']
 * ```
 */
export function closest(name: string, candidates: Iterable<string>, count = 5): string[] {
  const q = name.toLowerCase();
  const scored = [...new Set(candidates)].map((c) => {
    const lc = c.toLowerCase();
    let score = editDistance(q, lc);
    if (lc.startsWith(q) || q.startsWith(lc)) score -= 2;
    else if (lc.includes(q) || q.includes(lc)) score -= 1;
    return { c, score };
  });
  scored.sort((a, b) => a.score - b.score || a.c.localeCompare(b.c));
  return scored.slice(0, count).map((s) => s.c);
}

/**
 * The message for an unknown name: `unknown field \`nme\` on session; did you mean \`name\`?`. Suggests the single
 * closest candidate when it is near (edit distance at most half the name, at least 2), else lists a few.
 *
 * @example
 * ```ts
 * didYouMean('field', 'nme', ['name', 'tags'], 'on session'); // 'unknown field `nme` on session; did you mean `name`?'
 * ```
 */
export function didYouMean(kind: string, name: string, candidates: readonly string[], where?: string): string {
  const head = `unknown ${kind} \`${name}\`${where ? ` ${where}` : ''}`;
  if (candidates.length === 0) return `${head} (there are none)`;
  const [best] = closest(name, candidates, 1);
  if (best !== undefined && editDistance(name.toLowerCase(), best.toLowerCase()) <= Math.max(2, name.length / 2)) {
    return `${head}; did you mean \`${best}\`?`;
  }
  const some = closest(name, candidates, 8);
  return `${head}; expected one of: ${some.join(', ')}${candidates.length > some.length ? ', …' : ''}`;
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min((prev[j] as number) + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}

/**
 * `noun` with its indefinite article, for messages built from model and field names: `an equipment`, `a session`.
 * A vowel letter makes `an`, but a `u` read as "you" (`a user`, `a unit`, `a UUID`), `eu` and `one` make `a`.
 *
 * @example
 * ```ts
 * withArticle('equipment'); // 'an equipment'
 * withArticle('user'); // 'a user'
 * ```
 */
export function withArticle(noun: string): string {
  const vowelSound = /^[aeiou]/i.test(noun) && !/^(u[^aeiou][aeiou]|uu|eu|one)/i.test(noun);
  return `${vowelSound ? 'an' : 'a'} ${noun}`;
}
