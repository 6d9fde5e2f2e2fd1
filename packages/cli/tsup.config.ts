import { defineConfig } from 'tsup';

// One bundled file so `brainstem` starts fast: commander and the client are inlined.
export default defineConfig({
  entry: { brainstem: 'src/main.ts' },
  format: ['esm'],
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  noExternal: [/.*/],
  banner: { js: '#!/usr/bin/env node' },
});
