// A request-level 400 names the query parameter it is about, whichever spelling of the wire format the URL uses.
import { describe, expect, it } from 'vitest';
import { queryParamHint } from '../../src/hints.js';

const at = (query: string) => `http://127.0.0.1:1/api/private/stem/session/?${query}`;

describe('query parameter hints', () => {
  it('reads sort and include without brackets and comma lists, and names them in the canonical form', () => {
    const url = at('sort=name,-nmoe&include=sesions');
    expect(queryParamHint(url, "Invalid sort field 'nmoe'")).toBe(' Check the query parameter sort[]=-nmoe.');
    expect(queryParamHint(url, 'Unknown relation sesions')).toBe(' Check the query parameter include[]=sesions.*.');
  });

  it('names a repeated .in filter once, and nothing when the message names no sent field', () => {
    const url = at('filter%7Bprojcts.in%7D=a&filter%7Bprojcts.in%7D=b&filter%7Bname%7D=x');
    expect(queryParamHint(url, 'Unknown field projcts')).toBe(' Check the query parameter filter{projcts.in}.');
    expect(queryParamHint(url, 'Not allowed in this project')).toBe('');
  });
});
