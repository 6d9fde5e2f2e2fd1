import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

/**
 * The model registry (`packages/api-description/src/registry/models.ts`, a ~80 KB JSON-shaped literal) as
 * `JSON.parse('…')`: V8 parses JSON text several times faster than the same object literal in JavaScript, and
 * every command that touches a model pays for the registry on start-up. Same rows, same order.
 */
const registryAsJson: Plugin = {
  name: 'registry-as-json',
  setup(build) {
    build.onLoad({ filter: /[\\/]registry[\\/]models\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const start = source.indexOf('export const MODELS = ');
      const end = source.indexOf('] as const');
      if (start < 0 || end < 0) throw new Error(`${path}: expected \`export const MODELS = [...] as const\``);
      const rows: unknown = JSON.parse(source.slice(start + 'export const MODELS = '.length, end + 1));
      return { contents: `export const MODELS = JSON.parse(${JSON.stringify(JSON.stringify(rows))});\n`, loader: 'js' };
    });
  },
};

/**
 * The client's JSON data (the details schemas, ~150 KB, which `models <model>` and `import` load) as
 * `JSON.parse('…')` rather than esbuild's object literals, for the same reason as the registry. Only the client's
 * own files, imported by default (`import x from './x.json'`): a bundled dependency's `require('…json')` keeps
 * esbuild's loader.
 */
const clientJsonAsJsonParse: Plugin = {
  name: 'client-json-as-json-parse',
  setup(build) {
    build.onLoad({ filter: /[\\/]packages[\\/]api-description[\\/]src[\\/].*\.json$/ }, async ({ path }) => {
      const data: unknown = JSON.parse(await readFile(path, 'utf8'));
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});\n`, loader: 'js' };
    });
  },
};

/**
 * commander's `require('node:child_process')`, for executable subcommands the CLI never has, loaded on first use:
 * at start-up it would cost a few milliseconds (child_process pulls in dgram and more).
 */
const lazyChildProcessForCommander: Plugin = {
  name: 'lazy-child-process-for-commander',
  setup(build) {
    build.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) throw new Error(`${path}: expected \`${eager}\``);
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

/**
 * `node:fs` through `require`: an ES module import of it makes Node 20 build the module's ES namespace, which reads
 * every export, the lazy `ReadStream`/`WriteStream` getters included, and so loads the fs streams on every start.
 */
const fsThroughRequire: Plugin = {
  name: 'fs-through-require',
  setup(build) {
    build.onResolve({ filter: /^(node:)?fs$/ }, ({ namespace }) =>
      namespace === 'fs-through-require' ? undefined : { path: 'fs', namespace: 'fs-through-require' },
    );
    build.onLoad({ filter: /.*/, namespace: 'fs-through-require' }, () => ({
      contents: "module.exports = require('node:fs');\n",
      loader: 'js',
    }));
  },
};

// Bundled so `brainstem` starts fast: commander and the client are inlined, and split into chunks so each run
// loads only what it uses (`--version` loads nothing else; the proxy agent only when a proxy is configured).
// The root tsconfig's `paths` point `brainstem-api-tools` at the client's source, so the bundle never lags
// behind a stale client build.
export default defineConfig({
  entry: { brainstem: 'src/main.ts' },
  format: ['esm'],
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  tsconfig: '../../tsconfig.json',
  noExternal: [/.*/],
  splitting: true,
  minify: true,
  keepNames: true,
  // Keep `node:fs` for the plugin below to see (tsup would otherwise strip the prefix and mark it external first).
  removeNodeProtocol: false,
  esbuildPlugins: [registryAsJson, clientJsonAsJsonParse, lazyChildProcessForCommander, fsThroughRequire],
  // commander is CommonJS: give its bundled `require('events')` etc. a real require.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __brainstemCreateRequire } from 'node:module';\nconst require = __brainstemCreateRequire(import.meta.url);",
  },
});
