// A careless server (or proxy) that echoes what it was sent — request headers, the request body, the bare token —
// in its error bodies and headers. The BrainSTEM server never does this, so it cannot stand in: this small
// node:http server on 127.0.0.1 does. The status answered is the one the path names (`/api/private/stem/x401/` → 401)
// or the one of the model listed in ECHO_MODEL_STATUS (`/api/private/stem/session/` → 401); anything else is 500.
import { DEVICE_AUTHORIZATION_PATH, DEVICE_TOKEN_PATH, TOKEN_PATH } from 'brainstem-api-description';
import { json, type LocalServer, type Recorded, startHttp } from './http.js';

/** The statuses the echo server answers with a JSON body that quotes the request; 502 is plain text. */
export const ECHO_STATUSES = [400, 401, 403, 404, 500, 502] as const;

/** The model whose list each status answers (for callers that name models, like the CLI). */
export const ECHO_MODEL_STATUS: Readonly<Record<string, (typeof ECHO_STATUSES)[number]>> = {
  project: 400,
  session: 401,
  subject: 403,
  cohort: 404,
  collection: 500,
  breeding: 502,
};

/** The device code the echo server hands out (a credential: it must be redacted like a token). */
export const ECHO_DEVICE_CODE = 'devcode-7q2w9e4r1t';

function bareToken(req: Recorded): string {
  return String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
}

function echo(req: Recorded): Record<string, unknown> {
  const raw = bareToken(req);
  return {
    detail: `Rejected ${req.method} ${req.url}; headers were ${JSON.stringify(req.headers)}; body was ${req.body}`,
    non_field_errors: [`token ${raw} is not welcome here`, `raw: ${raw}`],
    name: [`sent with ${raw}`],
    seen: { deep: { deeper: { deepest: { way: { down: { token: raw, also: raw } } } } } },
    token: raw,
    request_body: req.body,
  };
}

function fail(req: Recorded, res: Parameters<typeof json>[0], status: number): void {
  const raw = bareToken(req);
  const headers = { 'x-echo-token': raw || 'none', 'x-echo-authorization': String(req.headers.authorization ?? '') };
  if (status === 502) {
    res.writeHead(502, { 'content-type': 'text/plain', ...headers });
    res.end(`Bad gateway. Upstream refused Authorization: ${req.headers.authorization}\ntoken=${raw}\n${req.body}`);
    return;
  }
  json(res, status, echo(req), headers);
}

/** Starts the echo server. Logins fail with a 400 that quotes the password; the device flow's poll fails with 403. */
export function startEchoServer(): Promise<LocalServer> {
  return startHttp((req, res) => {
    const path = req.url.replace(/\?.*$/, '');
    if (req.method === 'POST' && path === TOKEN_PATH) return fail(req, res, 400);
    if (req.method === 'POST' && path === DEVICE_AUTHORIZATION_PATH) {
      return json(res, 200, {
        device_code: ECHO_DEVICE_CODE,
        user_code: 'ABCD-EFGH',
        verification_uri: '/device/',
        expires_in: 60,
        interval: 0.01,
      });
    }
    if (req.method === 'POST' && path === DEVICE_TOKEN_PATH) return fail(req, res, 403);
    const named = /\/x(\d{3})\/$/.exec(path)?.[1];
    const model = /\/api\/\w+\/\w+\/(\w+)\//.exec(path)?.[1] ?? '';
    const status = named ? Number(named) : (ECHO_MODEL_STATUS[model] ?? 500);
    return fail(req, res, status);
  });
}
