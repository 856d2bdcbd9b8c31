import fs from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import {
  ensureBuild,
  launchBrowserServer,
  productionEnv,
  seedDatabase,
  startProductionApp,
  tempDir,
} from './server.js'

/**
 * Builds the production app if needed, seeds a fresh SQLite file and starts two instances on it:
 * the main one, and one with 20-second tokens for the idle-warning scenario.
 */
export default async function setup(project: TestProject) {
  ensureBuild()
  const dir = tempDir()
  const env = productionEnv(dir)
  seedDatabase(env)
  const app = await startProductionApp(env, path.join(dir, 'app.log'))
  const shortTokens = await startProductionApp(
    { ...env, TOKEN_EXPIRATION_SECONDS: '20' },
    path.join(dir, 'short.log'),
  )
  fs.mkdirSync(path.resolve(__dirname, 'screenshots'), { recursive: true })
  const browser = await launchBrowserServer()
  project.provide('browserWSEndpoint', browser.wsEndpoint())
  project.provide('baseURL', app.url)
  project.provide('shortTokenURL', shortTokens.url)
  project.provide('adminPassword', env.ADMIN_PASSWORD!)
  return async () => {
    await browser.close()
    await app.stop()
    await shortTokens.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    shortTokenURL: string
    adminPassword: string
    browserWSEndpoint: string
  }
}
