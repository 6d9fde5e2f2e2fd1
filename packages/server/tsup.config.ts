import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', bin: 'src/bin.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  // The registry and Fastify with all its small CommonJS dependencies are bundled in: loading one file instead of
  // ~150 modules makes start-up much faster. better-sqlite3 stays external (native addon).
  noExternal: [/^(?!better-sqlite3)/],
  external: ['better-sqlite3'],
  // CommonJS code inside the ESM bundle calls require() for Node built-ins.
  banner: {
    js: "import { createRequire as __bstCreateRequire } from 'node:module'; const require = __bstCreateRequire(import.meta.url);",
  },
});
