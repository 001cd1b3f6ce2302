import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

/** The benchmarks (suite.ts: `npm run bench`; match.ts: `npm run bench:match`; reads.ts: `npm run bench:reads`) run through vitest for swc's decorator metadata and the shared PostgreSQL set-up (see ../vitest.config.ts). */
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['bench/match.ts', 'bench/match-eval.ts', 'bench/reads.ts', 'bench/suite.ts', 'bench/subscriptions.ts', 'bench/session-check.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 1_800_000,
    hookTimeout: 1_800_000,
  },
});
