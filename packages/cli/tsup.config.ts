import { defineConfig } from 'tsup';

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
  // commander is CommonJS: give its bundled `require('events')` etc. a real require.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __brainstemCreateRequire } from 'node:module';\nconst require = __brainstemCreateRequire(import.meta.url);",
  },
});
