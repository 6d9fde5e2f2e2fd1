// Pulls the runnable examples out of a README: fenced `bash`/`sh`/`console` blocks (one command per line, `\`
// continues a line; in `console` blocks only `$ ` lines are commands) and `ts` blocks. A block right after
// `<!-- doc-test: skip (reason) -->` is left out: for flows a test cannot drive, such as a browser login.
// What a command line promises is read from its trailing comment: `# exits 5` (exit code, default 0),
// `# 2 demo projects` (a comment starting with a number: that many records printed) and `# prints: TEXT` (stdout
// holds TEXT). In a `console` block the lines under a `$ ` command are its output: each must be printed (stdout or
// stderr), with any UUID standing for any UUID.

export interface CommandExample {
  /** The shell command as written (without its trailing result comment). */
  command: string;
  /** README line number (1-based) of the command. */
  line: number;
  exitCode: number;
  /** Number of records the README says the command prints. */
  count?: number;
  /** Text the README says the command prints on stdout. */
  prints?: string;
  /** Output lines shown under the command in a `console` block (stdout or stderr). */
  output: string[];
}

export interface Block {
  lang: 'shell' | 'ts';
  /** README line number (1-based) of the opening fence. */
  line: number;
  code: string;
  commands: CommandExample[];
}

const SHELL = new Set(['bash', 'sh', 'shell', 'console']);
const SKIP = /<!--\s*doc-test:\s*skip\b/;

/** The trailing `# …` comment of a shell line (a `#` after whitespace, outside quotes), and the code before it. */
export function splitComment(line: string): { code: string; comment?: string } {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) {
      return { code: line.slice(0, i).trimEnd(), comment: line.slice(i + 1).trim() };
    }
  }
  return { code: line.trimEnd() };
}

function commandsOf(body: string[], firstLine: number, console: boolean): CommandExample[] {
  const out: CommandExample[] = [];
  let pending: { text: string; line: number } | undefined;
  body.forEach((raw, i) => {
    let text = raw;
    if (!pending) {
      if (console) {
        if (!text.startsWith('$ ')) {
          if (text.trim()) out.at(-1)?.output.push(text.trimEnd());
          return;
        }
        text = text.slice(2);
      }
      if (!text.trim() || text.trim().startsWith('#')) return;
    }
    const joined = pending ? `${pending.text}\n${text}` : text;
    const line = pending?.line ?? firstLine + i + 1;
    if (text.endsWith('\\')) {
      pending = { text: joined, line };
      return;
    }
    pending = undefined;
    const { code, comment } = splitComment(joined);
    const example: CommandExample = { command: code, line, exitCode: 0, output: [] };
    const exits = comment && /\bexits (\d+)/.exec(comment);
    if (exits) example.exitCode = Number(exits[1]);
    const count = comment && /^(\d+) [a-z]/i.exec(comment);
    if (count) example.count = Number(count[1]);
    const prints = comment && /\bprints: (.+)$/.exec(comment);
    if (prints) example.prints = (prints[1] as string).trim();
    out.push(example);
  });
  return out;
}

/** How many records a command printed: a JSON body's list, a JSON array, CSV rows or NDJSON/table lines. */
export function recordCount(stdout: string, command: string): number {
  const text = stdout.trim();
  if (!text) return 0;
  try {
    const body = JSON.parse(text) as unknown;
    if (Array.isArray(body)) return body.length;
    const list = Object.values(body as object).find(Array.isArray) as unknown[] | undefined;
    if (list) return list.length;
    return 1;
  } catch {
    const lines = text.split(/\r?\n/).length;
    if (/--format[ =]csv/.test(command)) return lines - 1;
    if (/--format[ =]table/.test(command)) return lines - 2; // header and rule
    return lines;
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Whether a printed line is the line a README shows, any UUID standing for any UUID. */
export function expectedLineMatches(expected: string, printed: string): boolean {
  const parts = expected
    .trimEnd()
    .split(UUID)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')}$`).test(
    printed.trimEnd(),
  );
}

/**
 * The runnable blocks of a README's text.
 *
 * @example
 * ```ts
 * readmeBlocks(readFileSync('README.md', 'utf8')).filter((b) => b.lang === 'ts');
 * ```
 */
export function readmeBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w+)\s*$/.exec(lines[i] ?? '');
    if (!open) {
      if (/^```/.test(lines[i] ?? '')) {
        // A block without a language (a synopsis): step over it.
        const end = lines.indexOf('```', i + 1);
        i = end < 0 ? lines.length : end;
      }
      continue;
    }
    const end = lines.indexOf('```', i + 1);
    const body = lines.slice(i + 1, end < 0 ? lines.length : end);
    let prev = i - 1;
    while (prev >= 0 && lines[prev]?.trim() === '') prev--;
    const skipped = prev >= 0 && SKIP.test(lines[prev] ?? '');
    const lang = open[1] as string;
    if (!skipped && (SHELL.has(lang) || lang === 'ts')) {
      blocks.push({
        lang: lang === 'ts' ? 'ts' : 'shell',
        line: i + 1,
        code: body.join('\n'),
        commands: lang === 'ts' ? [] : commandsOf(body, i + 1, lang === 'console'),
      });
    }
    i = end < 0 ? lines.length : end;
  }
  return blocks;
}

/** The outputs a TS block's `// → …` comments promise, in order. */
export function promisedOutputs(code: string): string[] {
  return [...code.matchAll(/\/\/ → (.+)$/gm)].map((m) => (m[1] as string).trim());
}

/**
 * The first promised output that is not printed, in order, each as a whole line of stdout: a line equals it once
 * trimmed and without a trailing comma (a line of an object or array `console.log` spread over lines). Answers
 * `undefined` when every one was printed.
 *
 * @example
 * ```ts
 * missingOutput('10 sessions\n{\n  name: [],\n}\n', ['10 sessions', 'name: []']); // undefined
 * ```
 */
export function missingOutput(stdout: string, promised: readonly string[]): string | undefined {
  const lines = stdout.split(/\r?\n/).map((l) => l.trim().replace(/,$/, ''));
  let from = 0;
  for (const want of promised) {
    const at = lines.indexOf(want, from);
    if (at < 0) return want;
    from = at + 1;
  }
  return undefined;
}
