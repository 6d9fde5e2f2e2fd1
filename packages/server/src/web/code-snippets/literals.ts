/**
 * Values written as source text: TypeScript and Python literals that evaluate back to the value, shell words that
 * reach the program unchanged, and a small layout that keeps a call on one line when it fits and breaks it one
 * item per line when it does not.
 *
 * @module
 */

/** Code written as it is (an expression such as `process.env.BRAINSTEM_TOKEN ?? 'YOUR_TOKEN'`). */
export class Code {
  constructor(readonly text: string) {}
}

/** A bracketed list of items (an object, an array, a call's arguments) that the layout may break over lines. */
export interface Group {
  open: string;
  close: string;
  items: { prefix: string; value: Node }[];
  /** A space inside the brackets when on one line (`{ a: 1 }`). */
  pad: boolean;
  /** When it breaks, keep the items before the last on the first line and break only the last (`f('a', {`). */
  hug?: boolean;
}

/** A piece of a layout: text that never breaks, or a group. */
export type Node = string | Group;

/** How wide a line may get before a group breaks. */
export const LINE_WIDTH = 100;

const flat = (n: Node): string => {
  if (typeof n === 'string') return n;
  if (n.items.length === 0) return `${n.open}${n.close}`;
  const pad = n.pad ? ' ' : '';
  return `${n.open}${pad}${n.items.map((i) => `${i.prefix}${flat(i.value)}`).join(', ')}${pad}${n.close}`;
};

/**
 * A node as text that starts `column` characters into a line indented by `indent`: on one line when it fits in
 * {@link LINE_WIDTH}, else one item per line (each with a trailing comma), indented by `step` more.
 */
export function layout(n: Node, opts: { indent: string; column: number; step: string }): string {
  const one = flat(n);
  if (typeof n === 'string' || opts.column + one.length <= LINE_WIDTH) return one;
  const last = n.items.at(-1);
  const head =
    n.hug && last && typeof last.value !== 'string'
      ? `${n.open}${n.items
          .slice(0, -1)
          .map((i) => `${i.prefix}${flat(i.value)}, `)
          .join('')}${last.prefix}`
      : undefined;
  // The last item opens on the first line only when what comes before it fits there.
  if (head !== undefined && last && opts.column + head.length + 1 <= LINE_WIDTH) {
    const tail = layout(last.value, { indent: opts.indent, column: opts.column + head.length, step: opts.step });
    return `${head}${tail}${n.close}`;
  }
  const inner = opts.indent + opts.step;
  const lines = n.items.map((i) => {
    const value = layout(i.value, { indent: inner, column: inner.length + i.prefix.length, step: opts.step });
    return `${inner}${i.prefix}${value},`;
  });
  return `${n.open}\n${lines.join('\n')}\n${opts.indent}${n.close}`;
}

const hex = (cp: number, digits: number) => cp.toString(16).toUpperCase().padStart(digits, '0');

/** Characters written as an escape: control, format, private-use, unassigned, lone surrogates, line separators. */
const INVISIBLE = /[\p{C}\u2028\u2029]/u;

function escaped(s: string, quote: string, named: Record<string, string>, wide: (cp: number) => string): string {
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (named[ch] !== undefined) out += named[ch];
    else if (INVISIBLE.test(ch)) out += cp <= 0xff ? `\\x${hex(cp, 2)}` : wide(cp);
    else out += ch;
  }
  return out + quote;
}

const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `preferred`, unless the text holds more of it than of the other quote (fewer escapes, as formatters choose). */
const quoteFor = (s: string, preferred: "'" | '"'): "'" | '"' => {
  const other = preferred === "'" ? '"' : "'";
  return s.split(preferred).length > s.split(other).length ? other : preferred;
};

/**
 * A TypeScript string literal that evaluates to `s`, lone surrogates included: single-quoted, or double-quoted
 * when that needs fewer escapes.
 *
 * @example
 * ```ts
 * tsString('a'); // "'a'"
 * tsString("it's"); // '"it\'s"'
 * ```
 */
export function tsString(s: string): string {
  return escaped(s, quoteFor(s, "'"), NAMED, (cp) => (cp <= 0xffff ? `\\u${hex(cp, 4)}` : `\\u{${hex(cp, 1)}}`));
}

/**
 * A Python string literal that evaluates to `s`: double-quoted, or single-quoted when that needs fewer escapes.
 *
 * @example
 * ```ts
 * pyString('a'); // '"a"'
 * pyString('say "hi"'); // `'say "hi"'`
 * ```
 */
export function pyString(s: string): string {
  return escaped(s, quoteFor(s, '"'), NAMED, (cp) => (cp <= 0xffff ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`));
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const tsKey = (k: string) =>
  // In a literal, `__proto__: v` (quoted or not) sets the prototype; a computed key makes it a property.
  k === '__proto__' ? `[${tsString(k)}]` : IDENTIFIER.test(k) ? k : tsString(k);

/**
 * A JSON value (leaves may be {@link Code}) as a TypeScript expression node.
 *
 * @example
 * ```ts
 * layout(tsNode({ name: 'x', tags: ['a'] }), { indent: '', column: 0, step: '  ' }); // "{ name: 'x', tags: ['a'] }"
 * ```
 */
export function tsNode(v: unknown): Node {
  if (v instanceof Code) return v.text;
  if (typeof v === 'string') return tsString(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (Array.isArray(v))
    return { open: '[', close: ']', pad: false, items: v.map((x) => ({ prefix: '', value: tsNode(x) })) };
  if (typeof v === 'object') {
    const items = Object.entries(v as object).map(([k, x]) => ({ prefix: `${tsKey(k)}: `, value: tsNode(x) }));
    return { open: '{', close: '}', pad: true, items };
  }
  throw new TypeError(`not a JSON value: ${typeof v}`);
}

/**
 * A JSON value (leaves may be {@link Code}) as a Python expression node: `None`, `True`, `False`, dicts, lists.
 *
 * @example
 * ```ts
 * layout(pyNode({ ok: true, n: null }), { indent: '', column: 0, step: '    ' }); // '{"ok": True, "n": None}'
 * ```
 */
export function pyNode(v: unknown): Node {
  if (v instanceof Code) return v.text;
  if (typeof v === 'string') return pyString(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null) return 'None';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v))
    return { open: '[', close: ']', pad: false, items: v.map((x) => ({ prefix: '', value: pyNode(x) })) };
  if (typeof v === 'object') {
    const items = Object.entries(v as object).map(([k, x]) => ({ prefix: `${pyString(k)}: `, value: pyNode(x) }));
    return { open: '{', close: '}', pad: false, items };
  }
  throw new TypeError(`not a JSON value: ${typeof v}`);
}

/** Words the shell passes on as written: no quoting needed (and none starting with `=`, which zsh expands). */
const PLAIN_WORD = /^[\w/.:@%+,-][\w/.:=@%+,-]*$/;

/**
 * A POSIX shell word that reaches the program as `s`: plain words as they are, the rest single-quoted (a quote
 * inside written `'\''`). A NUL cannot be passed in an argument at all; callers check for it.
 *
 * @example
 * ```ts
 * shellWord("name.icontains=it's"); // "'name.icontains=it'\\''s'"
 * ```
 */
export function shellWord(s: string): string {
  return PLAIN_WORD.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
}
