/**
 * Text measured and checked as Django does: lengths in characters (Unicode code points, not UTF-16 code units),
 * no NUL characters, no lone surrogates.
 *
 * @example
 * ```ts
 * charLength('🐭🐭'); // 2 (String#length says 4)
 * sliceChars('🐭🐭🐭', 2); // '🐭🐭'
 * textProblem('a\u0000b'); // 'Null characters are not allowed.'
 * ```
 */

/**
 * JSON Schema `pattern` (Unicode regular expression) of text Django stores: no NUL character and no lone surrogate.
 * {@link textProblem} names which of the two a refused text has.
 */
export const PLAIN_TEXT_PATTERN = '^[^\\u0000\\p{Cs}]*$';

/** Number of characters (code points) in `s`. */
export function charLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The first `max` characters (code points) of `s`, never splitting a surrogate pair. */
export function sliceChars(s: string, max: number): string {
  return charLength(s) <= max ? s : [...s].slice(0, max).join('');
}

/** Why `s` cannot be stored as text (DRF's wording for NUL), or null when it can. */
export function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'Null characters are not allowed.';
  if (/\p{Cs}/u.test(s)) return 'Invalid text: lone surrogate characters are not allowed.';
  return null;
}
