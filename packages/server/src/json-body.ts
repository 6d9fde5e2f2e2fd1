/**
 * Request bodies with a JSON content type, read as DRF's JSONParser reads them: bytes decoded as strict UTF-8
 * (an invalid byte sequence is a parse error, never silently replaced by U+FFFD) and parsed as JSON. Nesting is
 * limited to {@link MAX_JSON_DEPTH} arrays/objects, checked on the text before parsing, so a hostile body
 * (`[[[[…` thousands deep) is a 400 instead of exhausting the stack of whatever walks the parsed value.
 *
 * @example
 * ```ts
 * parseJsonBody(Buffer.from('{"name":"S1"}')); // { name: 'S1' }
 * parseJsonBody(Buffer.from([0x7b, 0xff, 0x7d])); // throws HttpError 400 "JSON parse error - Invalid UTF-8 …"
 * ```
 */
import { type HttpError, httpError } from './errors.js';

/** Deepest nesting of arrays and objects a request body may have (docs/api-decisions.md, "Hostile input"). */
export const MAX_JSON_DEPTH = 64;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function parseError(message: string): HttpError {
  return httpError(400, `JSON parse error - ${message}`);
}

/**
 * Deepest array/object nesting in JSON text, stopping as soon as it passes `limit`. Brackets inside strings do
 * not count. Malformed text is left to `JSON.parse` to report.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Decode and parse a JSON request body; `undefined` for an empty one. Throws HttpError 400 (DRF wording). */
export function parseJsonBody(bytes: Buffer): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw parseError('Invalid UTF-8: the body must be UTF-8 encoded JSON.');
  }
  if (text.trim() === '') return undefined;
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    throw parseError(`Nesting too deep: arrays and objects may be nested at most ${MAX_JSON_DEPTH} levels.`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw parseError((e as Error).message);
  }
}
