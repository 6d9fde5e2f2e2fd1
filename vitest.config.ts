import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^brainstem-api-description$/, replacement: src('./packages/api-description/src/index.ts') },
      {
        find: /^brainstem-api-description\/schemas$/,
        replacement: src('./packages/api-description/src/schemas/index.ts'),
      },
      { find: /^brainstem-api-tools\/registry$/, replacement: src('./packages/client/src/registry.ts') },
      { find: /^brainstem-api-tools\/schemas$/, replacement: src('./packages/client/src/schemas.ts') },
      { find: /^brainstem-api-tools\/import$/, replacement: src('./packages/client/src/import/index.ts') },
      { find: /^brainstem-api-tools\/node$/, replacement: src('./packages/client/src/node.ts') },
      { find: /^brainstem-api-tools\/core$/, replacement: src('./packages/client/src/index.ts') },
      { find: /^brainstem-api-tools$/, replacement: src('./packages/client/src/node.ts') },
      { find: /^brainstem-server$/, replacement: src('./packages/server/src/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './test/summary-reporter.ts'],
    typecheck: { enabled: true, include: ['**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
