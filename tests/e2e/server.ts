import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserServer } from 'playwright-core'
import { freePort } from '../helpers/freePort.js'

// import.meta, not __dirname: the bench and screenshot scripts load this file as ESM too.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Debian's Chromium, headless; never a downloaded browser. */
export const chromiumOptions = () => ({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})

/** One Chromium for the whole run; each test file connects to it. */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(chromiumOptions())
}

export interface ProductionApp {
  url: string
  stop: () => Promise<void>
}

/** The secret the plugin signs its webhook to the portal with and the portal checks (config/pluginEnv.ts). */
export const WEBHOOK_SECRET = 'e2e-webhook-secret'

/** Environment for a production app on its own fresh SQLite file. */
export function productionEnv(
  dataDir: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    PAYLOAD_SECRET: `e2e-${crypto.randomBytes(16).toString('hex')}`,
    DATABASE_URL: `file:${path.join(dataDir, 'e2e.db')}`,
    ADMIN_EMAIL: 'admin@example.com',
    ADMIN_PASSWORD: 'admin-e2e-123',
    PORTAL_WEBHOOK_SECRET: WEBHOOK_SECRET,
    ...extra,
  }
}

/**
 * Builds the production app. `E2E_REUSE_BUILD=1` reuses an existing build (CI builds just before);
 * otherwise a stale `.next` could carry old migrations or code.
 */
export function ensureBuild(): void {
  if (process.env.E2E_REUSE_BUILD === '1' && fs.existsSync(path.join(root, '.next', 'BUILD_ID')))
    return
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('npm run build failed')
}

/** Seeds (running the migrations first) the database the environment names. */
export function seedDatabase(env: NodeJS.ProcessEnv): void {
  // No webhooks from the seed: no portal listens yet, and its pages are not rendered yet either.
  const result = spawnSync('npm', ['run', 'seed'], {
    cwd: root,
    env: { ...env, PORTAL_WEBHOOK_SECRET: '' },
    encoding: 'utf8',
  })
  if (result.status !== 0)
    throw new Error(
      `seed failed (exit ${result.status}, ${result.signal}, ${result.error}): ${result.stdout}\n${result.stderr}`,
    )
}

/** Starts `next start` on a free port and waits until the admin answers. */
export async function startProductionApp(
  env: NodeJS.ProcessEnv,
  logFile: string,
): Promise<ProductionApp> {
  const port = await freePort()
  const log = fs.openSync(logFile, 'a')
  const child: ChildProcess = spawn('npx', ['next', 'start', '-p', String(port)], {
    cwd: root,
    // PORT too: the plugin's webhook to the portal (config/pluginEnv.ts) is addressed by it.
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', log, log],
    detached: true,
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  for (;;) {
    try {
      const response = await fetch(`${url}/admin/login`)
      if (response.status === 200) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the app did not start on ${url}: see ${logFile}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return {
    url,
    stop: async () => {
      if (child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM')
        } catch {
          // already gone
        }
      }
      fs.closeSync(log)
    },
  }
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'news-portal-e2e-'))
}
