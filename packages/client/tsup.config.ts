import { defineConfig } from 'tsup';

// Three entries: the portable core (no Node built-ins), the Node entry (token file, prompts, browser opening,
// .env) that re-exports the core with Node defaults wired in, and the registry on its own.
export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node.ts', registry: 'src/registry/index.ts' },
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
