/**
 * Files of this server under `packages/server/assets/<folder>/`, each served under a URL prefix with its media
 * type: no CDN and nothing inline, so the pages' Content-Security-Policy allows 'self' only. The server-rendered
 * pages' style sheet is served here; the Web API Tool registers its own folder the same way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { httpError } from '../errors.js';

/** Route config of asset routes: files of the server's pages, not part of the API (the OpenAPI document leaves them out). */
export const ASSET_ROUTE = { undocumented: true } as const;

/** The URL prefix of the server-rendered pages' assets. */
export const PAGE_ASSETS_PATH = '/assets/';
/** The style sheet of the server-rendered pages (landing, sign-in, account, tokens, device approval). */
export const PAGE_STYLESHEET = `${PAGE_ASSETS_PATH}pages.css`;

/** One folder of served files. */
export interface AssetFolder {
  /** The URL prefix, ending in `/`. */
  path: string;
  /** The folder under `packages/server/assets/`. */
  folder: string;
  /** The files served, with their media types; any other name is a 404. */
  types: Readonly<Record<string, string>>;
}

/** The folder on disk: beside `dist/` in a build (one bundle), two levels up from this source file under vitest. */
function assetDir({ folder, types }: AssetFolder): string {
  const probe = Object.keys(types)[0] ?? '';
  for (const rel of [`../assets/${folder}/`, `../../assets/${folder}/`]) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir + probe)) return dir;
  }
  throw new Error(`brainstem-server: the assets in assets/${folder}/ are missing`);
}

/** Registers `GET <path>:file` for the folder's files, read once and cached. */
export function registerAssetFolder(app: FastifyInstance, assets: AssetFolder): void {
  const dir = assetDir(assets);
  const cache = new Map<string, Buffer>();
  app.get(`${assets.path}:file`, { config: ASSET_ROUTE }, async (req, reply) => {
    const file = (req.params as { file: string }).file;
    const type = assets.types[file];
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

/** Registers the server-rendered pages' assets (`GET /assets/pages.css`). */
export function registerPageAssets(app: FastifyInstance): void {
  registerAssetFolder(app, {
    path: PAGE_ASSETS_PATH,
    folder: 'pages',
    types: { 'pages.css': 'text/css; charset=utf-8' },
  });
}
