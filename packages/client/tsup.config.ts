import { defineConfig } from 'tsup';

// Four entries: the portable core (no Node built-ins), the Node entry (token file, prompts, browser opening,
// .env) that re-exports the core with Node defaults wired in, the registry on its own, the details schemas
// (JSON data, kept out of the core bundle) and the spreadsheet import engine (parsed rows in, per-row results out).
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node.ts',
    registry: 'src/registry/index.ts',
    schemas: 'src/schemas/index.ts',
    import: 'src/import/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  external: [/^node:/],
  splitting: false,
  // Keep the `node:` prefix: Deno and Bun resolve built-ins by it.
  removeNodeProtocol: false,
});
