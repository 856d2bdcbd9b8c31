import fs from 'node:fs'
import path from 'node:path'
import { productionEnv, seedDatabase, startProductionApp, tempDir } from '../tests/e2e/server.js'

/** The seed article's address on the portal. */
export const SEED_ARTICLE_PATH =
  '/tin-tuc-su-kien/hoi-thao-chia-se-kinh-nghiem-thuc-hien-cac-tieu-du-an-cong-dong'

/**
 * The portal to measure: `BASE_URL` when set (a running app), else the production build (`npm run
 * build` first) started on a freshly seeded SQLite file of its own.
 */
export async function portalUnderTest(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.BASE_URL)
    return { url: process.env.BASE_URL.replace(/\/$/, ''), stop: async () => {} }
  const root = path.resolve(import.meta.dirname, '..')
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID')))
    throw new Error(
      'No production build: run `npm run build` first, or set BASE_URL to a running portal.',
    )
  const dir = tempDir()
  const env = productionEnv(dir)
  seedDatabase(env)
  const app = await startProductionApp(env, path.join(dir, 'app.log'))
  return {
    url: app.url,
    stop: async () => {
      await app.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Renders a page once so a measurement sees the static page, not its first render. */
export async function warm(url: string): Promise<void> {
  for (let i = 0; i < 2; i++) await (await fetch(url)).text()
}
