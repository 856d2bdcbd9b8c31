import { defineConfig } from 'vitest/config'

// `npm run test:cluster`: several production instances (`next start`) on one shared database.
// Needs `npm run build` (done by the suite unless CLUSTER_REUSE_BUILD=1 and .next exists) and
// PostgreSQL server binaries (or CLUSTER_POSTGRES_URL naming a server it may create databases on).
export default defineConfig({
  test: {
    include: ['tests/cluster/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 900_000,
  },
})
