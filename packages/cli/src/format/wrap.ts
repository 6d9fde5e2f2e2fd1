/**
 * Text that fits the terminal: lines wrapped at spaces (never inside a word; a word wider than the room stays
 * whole on its own line).
 * @module
 */

/**
 * `text` as lines of at most `width` characters, broken at spaces. A word longer than `width` gets a line of its
 * own, unbroken.
 *
 * @example
 * ```ts
 * wrapWords('list detail: public private', 12); // ['list detail:', 'public', 'private']
 * ```
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    if (word === '') continue;
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * Help and report text fitted to `width` columns. A longer line is wrapped at spaces: continuation lines start
 * under its second column (the text after the first run of two or more spaces, as in `NAME   description`) when
 * that leaves room, else two spaces in. A shell example (`  $ brainstem …`) continues with ` \` so it still
 * pastes as one command.
 *
 * @example
 * ```ts
 * fitText('  BRAINSTEM_URL   server URL (when --url is not given)', 40);
 * // '  BRAINSTEM_URL   server URL (when\n                   --url is not given)'
 * ```
 */
export function fitText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => (line.length <= width ? line : fitLine(line, width)))
    .join('\n');
}

function fitLine(line: string, width: number): string {
  const lead = /^ */.exec(line)?.[0] ?? '';
  if (line.startsWith(`${lead}$ `)) {
    // A command: its comment moves to a line of its own; the command breaks between arguments, each continued
    // line ending in a backslash.
    const indent = `${lead}    `;
    const comment = / {2,}(# .*)$/.exec(line);
    if (comment) {
      const command = line.slice(0, comment.index);
      const note = wrapWords((comment[1] as string).slice(2), width - indent.length - 2);
      return [fitText(command, width), ...note.map((l) => `${indent}# ${l}`)].join('\n');
    }
    const first = wrapWords(line.slice(lead.length), width - lead.length - 2);
    const [head = '', ...rest] = first;
    const tail = rest.length ? wrapWords(rest.join(' '), width - indent.length - 2) : [];
    return [`${lead}${head}`, ...tail.map((l) => `${indent}${l}`)].join(' \\\n');
  }
  const column = /^ *\S.*? {2,}(?=\S)/.exec(line)?.[0].length;
  const hang = column !== undefined && width - column >= 20 ? column : lead.length + 2;
  const head = line.slice(0, hang);
  const body = wrapWords(line.slice(hang), width - hang);
  // The first line keeps its own start (the name column); the rest line up under the description.
  const firstRoom = width - hang;
  if (column !== undefined && hang === column) {
    return body.map((l, i) => (i === 0 ? head + l : ' '.repeat(hang) + l)).join('\n');
  }
  const words = wrapWords(line.slice(lead.length), width - lead.length);
  const [first = '', ...others] = words;
  const rest = others.length ? wrapWords(others.join(' '), firstRoom) : [];
  return [`${lead}${first}`, ...rest.map((l) => ' '.repeat(hang) + l)].join('\n');
}
