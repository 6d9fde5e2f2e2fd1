import { defineConfig } from 'tsup';

// Two entries: the description (registry and protocol; no Node built-ins, runs anywhere) and the details schemas
// (JSON data, kept apart so that a bundle that never validates `details` does not carry them).
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    schemas: 'src/schemas/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  splitting: false,
});
