// The browser-session rules of the API description: which requests need the CSRF check, what it refuses (in
// DRF's words) and who gets the Web API Tool page instead of the JSON.

import { acceptsHtml, csrfCheck, csrfFailed, needsCsrf, wantsApiPage } from 'brainstem-api-description';
import { describe, expect, it } from 'vitest';

const ORIGIN = 'http://127.0.0.1:8000';
const ok = (token: string) => token === 'good';

describe('csrfCheck', () => {
  it('needs the check on unsafe methods only', () => {
    for (const m of ['GET', 'head', 'OPTIONS', 'TRACE']) expect(needsCsrf(m)).toBe(false);
    for (const m of ['POST', 'put', 'PATCH', 'DELETE']) expect(needsCsrf(m)).toBe(true);
  });

  it('passes a same-origin Origin, or a Referer under the origin, with the right token', () => {
    expect(csrfCheck({ origin: ORIGIN, originHeader: ORIGIN, token: 'good', tokenValid: ok })).toBeUndefined();
    expect(csrfCheck({ origin: ORIGIN, referer: `${ORIGIN}/api/x/`, token: 'good', tokenValid: ok })).toBeUndefined();
  });

  it('checks the origin first, then the token', () => {
    const cases: [Parameters<typeof csrfCheck>[0], string][] = [
      [
        { origin: ORIGIN, originHeader: 'http://evil.example', token: 'good', tokenValid: ok },
        'CSRF Failed: Origin checking failed - http://evil.example does not match any trusted origins.',
      ],
      [
        { origin: ORIGIN, originHeader: 'http://127.0.0.1:8001', token: 'bad', tokenValid: ok },
        'CSRF Failed: Origin checking failed - http://127.0.0.1:8001 does not match any trusted origins.',
      ],
      [
        { origin: ORIGIN, referer: 'http://127.0.0.1:8000.evil.example/', token: 'good', tokenValid: ok },
        'CSRF Failed: Referer checking failed - http://127.0.0.1:8000.evil.example/ does not match any trusted origins.',
      ],
      [{ origin: ORIGIN, token: 'good', tokenValid: ok }, 'CSRF Failed: Referer checking failed - no Referer.'],
      [{ origin: ORIGIN, originHeader: ORIGIN, tokenValid: ok }, 'CSRF Failed: CSRF token missing.'],
      [{ origin: ORIGIN, originHeader: ORIGIN, token: 'bad', tokenValid: ok }, 'CSRF Failed: CSRF token incorrect.'],
    ];
    for (const [request, message] of cases) {
      const failure = csrfCheck(request);
      expect(failure && csrfFailed(failure)).toBe(message);
    }
  });
});

describe('wantsApiPage', () => {
  it('gives browsers the page and everyone else the JSON, and format decides over Accept', () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    expect(acceptsHtml(browser)).toBe(true);
    for (const accept of [
      undefined,
      '',
      '*/*',
      'application/json',
      'text/html;q=0',
      'application/json, text/html;q=0.0',
    ]) {
      expect(acceptsHtml(accept), String(accept)).toBe(false);
      expect(wantsApiPage(accept, undefined)).toBe(false);
      expect(wantsApiPage(accept, 'api')).toBe(true);
    }
    expect(wantsApiPage(browser, undefined)).toBe(true);
    expect(wantsApiPage(browser, 'json')).toBe(false);
  });
});
