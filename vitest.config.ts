import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const require = createRequire(import.meta.url)

export default defineConfig({
  resolve: {
    // One graphql instance: Payload and codegen load its CommonJS build through Node, so tests must too.
    alias: [
      { find: /^graphql$/, replacement: require.resolve('graphql') },
      // The SDK's own source, so tests never depend on a stale sdk/dist.
      {
        find: /^news-portal-sdk$/,
        replacement: fileURLToPath(new URL('./sdk/src/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // e2e: a real browser; cluster: production instances (`npm run test:cluster`).
    exclude: ['tests/e2e/**', 'tests/cluster/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: {
      PAYLOAD_SECRET: 'test-secret-not-for-production',
    },
  },
})
