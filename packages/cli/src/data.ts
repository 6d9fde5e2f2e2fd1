import { readFile } from 'node:fs/promises';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

/**
 * Read `--data`: inline JSON, `@path/to/file.json`, or `-` for stdin. The result must be a JSON object
 * (one record) or an array of objects (bulk); anything else is a usage error naming `--data`.
 *
 * @example
 * ```ts
 * await readData('{"name":"x"}', io); // { name: 'x' }
 * await readData('@payload.json', io); // contents of payload.json
 * ```
 */
export async function readData(
  spec: string,
  io: Io,
  flag = '--data',
): Promise<Record<string, unknown> | Record<string, unknown>[]> {
  let text: string;
  let source: string;
  if (spec === '-') {
    if (io.stdinIsTTY) io.err('Reading JSON from stdin (end with Ctrl-D)…\n');
    text = await io.readStdin();
    source = 'stdin';
  } else if (spec.startsWith('@')) {
    const path = spec.slice(1);
    if (!path) throw new UsageError(`${flag} @: missing file name after "@"`);
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(`${flag} ${spec}: cannot read file (${code ?? (e as Error).message})`);
    }
    source = path;
  } else {
    text = spec;
    source = 'the argument';
  }
  if (!text.trim()) throw new UsageError(`${flag}: no JSON in ${source}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${flag}: invalid JSON in ${source}: ${(e as Error).message}`);
  }
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(value)) return value as Record<string, unknown>;
  if (Array.isArray(value)) {
    if (value.length === 0) throw new UsageError(`${flag}: the array in ${source} is empty; nothing to save`);
    const bad = value.findIndex((v) => !isObject(v));
    if (bad >= 0) throw new UsageError(`${flag}: item ${bad} in ${source} is not a JSON object`);
    return value as Record<string, unknown>[];
  }
  throw new UsageError(`${flag}: expected a JSON object or an array of objects in ${source}, got ${typeof value}`);
}
