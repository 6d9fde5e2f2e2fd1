import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', bin: 'src/bin.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  // The registry is bundled in (data only); native and framework deps stay external.
  noExternal: ['brainstem-api-tools'],
  external: ['better-sqlite3', 'fastify'],
});
