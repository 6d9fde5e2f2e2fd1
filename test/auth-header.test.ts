// The token header of API requests, written by the client and read by the server from one rule.
import { authorizationHeader, parseBearer } from 'brainstem-api-description';
import { describe, expect, it } from 'vitest';

describe('Authorization: Bearer <token>', () => {
  it('reads back what it writes', () => {
    expect(parseBearer(authorizationHeader('bst_abc'))).toEqual({ token: 'bst_abc' });
    expect(parseBearer('  bearer   bst_abc  ')).toEqual({ token: 'bst_abc' });
  });

  it('tells no token from a malformed Bearer header', () => {
    expect(parseBearer(undefined)).toBeUndefined();
    expect(parseBearer('')).toBeUndefined();
    expect(parseBearer('Basic dXNlcg==')).toBeUndefined();
    expect(parseBearer('Bearerish x')).toBeUndefined();
    expect(parseBearer('Bearer')).toBe('malformed');
    expect(parseBearer('Bearer a b')).toBe('malformed');
  });
});
