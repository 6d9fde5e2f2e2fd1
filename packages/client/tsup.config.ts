import { defineConfig } from 'tsup';

// Five entries: the portable core (no Node built-ins), the Node entry (token file, prompts, browser opening,
// .env) that re-exports the core with Node defaults wired in, the registry and the details schemas (re-exported
// from brainstem-api-description, a dependency) and the spreadsheet import engine (parsed rows in, per-row results
// out).
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node.ts',
    registry: 'src/registry.ts',
    schemas: 'src/schemas.ts',
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
