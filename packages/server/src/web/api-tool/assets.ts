/**
 * The Web API Tool's own files (style sheet and script), served from `packages/server/assets/api-tool/` under
 * `/api-tool/assets/`: no CDN, nothing inline, so the pages' Content-Security-Policy allows only 'self'.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { httpError } from '../../errors.js';

/** Route config of the tool's own routes: pages of a tool, not part of the API (the OpenAPI document leaves them out). */
export const TOOL_ROUTE = { undocumented: true } as const;

/** The URL prefix of the tool's assets. */
export const ASSETS_PATH = '/api-tool/assets/';

const TYPES: Readonly<Record<string, string>> = {
  'api-tool.css': 'text/css; charset=utf-8',
  'api-tool.js': 'application/javascript; charset=utf-8',
};

/** The assets folder: beside `dist/` in a build, three levels up from this source file under vitest. */
function assetDir(): string {
  for (const rel of ['../assets/api-tool/', '../../../assets/api-tool/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}api-tool.css`)) return dir;
  }
  throw new Error('brainstem-server: the Web API Tool assets (assets/api-tool/) are missing');
}

/** Registers `GET /api-tool/assets/:file`. */
export function registerAssets(app: FastifyInstance): void {
  const dir = assetDir();
  const cache = new Map<string, Buffer>();
  app.get(`${ASSETS_PATH}:file`, { config: TOOL_ROUTE }, async (req, reply) => {
    const file = (req.params as { file: string }).file;
    const type = TYPES[file];
    if (!type) throw httpError(404, `No such asset: ${file}`);
    let data = cache.get(file);
    if (!data) {
      data = readFileSync(dir + file);
      cache.set(file, data);
    }
    return reply
      .type(type)
      .header('cache-control', 'public, max-age=300')
      .header('x-content-type-options', 'nosniff')
      .send(data);
  });
}
