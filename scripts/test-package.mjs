// `npm run test:package`: packs the plugin and the SDK, installs both tarballs in a new Payload site
// in a temporary folder, builds and starts it, and proves over HTTP that the portal works there.
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeThrowawayApp } from './test-package/app-files.mjs'
import { checks } from './test-package/checks.mjs'
import { waitFor200 } from './test-package/http.mjs'

const scriptsDir = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(scriptsDir, '..')
const tempDirs = []
const children = new Set()

/** Stops every command still running and removes the temporary folders (in parallel: far faster than one by one). */
async function cleanUp() {
  for (const child of children) stopProcessGroup(child)
  children.clear()
  // Listed until gone, so the exit handler finishes whatever an interrupted removal left.
  await Promise.allSettled(
    tempDirs.map((dir) => fs.promises.rm(dir, { recursive: true, force: true })),
  )
  tempDirs.splice(0)
}

/** The last resort when the process exits some other way: what is left, synchronously. */
function cleanUpNow() {
  for (const child of children) stopProcessGroup(child)
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
}

function stopProcessGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

process.on('exit', cleanUpNow)
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    console.error(`test:package: ${signal}, removing the throwaway site`)
    await cleanUp()
    process.exit(130)
  })
}

function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  tempDirs.push(dir)
  return dir
}

/** The environment without what `npm run` adds, so npm and the site see none of this repository. */
function cleanEnv(extra) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm_|INIT_CWD$|NODE_OPTIONS$)/i.test(key)),
  )
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', ...extra }
}

/** Runs a command within `timeoutMs`, its output appended to `log`; answers that output or fails with its end. */
function run(command, args, { cwd, env, timeoutMs, log }) {
  return new Promise((resolve, reject) => {
    // Read back through the descriptor: the log is still readable if an interruption removed the folder.
    const out = fs.openSync(log, 'a+')
    fs.writeSync(out, `\n$ ${command} ${args.join(' ')}\n`)
    const from = fs.fstatSync(out).size
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out], detached: true })
    children.add(child)
    child.on('error', reject)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      stopProcessGroup(child)
    }, timeoutMs)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      children.delete(child)
      const output = Buffer.alloc(fs.fstatSync(out).size - from)
      fs.readSync(out, output, 0, output.length, from)
      fs.closeSync(out)
      if (code === 0) return resolve(output.toString('utf8'))
      const tail = output.toString('utf8').split('\n').slice(-40).join('\n')
      const how = timedOut
        ? `took over ${timeoutMs / 1000} s`
        : `ended (${signal ?? `exit ${code}`})`
      reject(new Error(`${path.basename(command)} ${args.join(' ')} ${how}\n${tail}`))
    })
  })
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function phase(name, work) {
  const started = Date.now()
  try {
    return await work()
  } finally {
    console.log(`test:package: ${name} ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
}

/** `npm pack --json` of one package into `destination`: the tarball's path and its file list. */
function pack(args, destination) {
  const result = spawnSync('npm', ['pack', ...args, '--json', '--pack-destination', destination], {
    cwd: root,
    env: cleanEnv(),
    encoding: 'utf8',
    timeout: 180_000,
  })
  if (result.status !== 0) throw new Error(`npm pack ${args.join(' ')} failed:\n${result.stderr}`)
  // Lifecycle scripts (the builds) print before the JSON.
  const [info] = JSON.parse(result.stdout.slice(result.stdout.indexOf('[\n')))
  return { tarball: path.join(destination, info.filename), files: info.files }
}

async function main() {
  const packDir = tempDir('news-portal-tarballs-')
  const appDir = tempDir('news-portal-site-')
  const log = path.join(appDir, 'test-package.log')
  const bin = (name) => path.join(appDir, 'node_modules', '.bin', name)
  const siteEnv = cleanEnv({
    PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
    DATABASE_URL: `file:${path.join(appDir, 'site.db')}`,
    NODE_OPTIONS: '--no-deprecation',
  })
  // On Node 20 the payload CLI at times quits early (exit 0 or 13) on Lexical's top-level await; the condition skips it.
  const cliEnv = {
    ...siteEnv,
    NODE_ENV: 'production',
    NODE_OPTIONS: '--no-deprecation --conditions=production',
  }
  const site = (timeoutMs, env = siteEnv) => ({ cwd: appDir, env, timeoutMs, log })
  const payloadCli = (args) => run(bin('payload'), args, site(60_000, cliEnv))

  const packs = await phase('pack', () => ({
    plugin: pack([], packDir),
    sdk: pack(['-w', 'sdk'], packDir),
  }))
  await phase('install', async () => {
    writeThrowawayApp(appDir, {
      lockFile: path.join(root, 'package-lock.json'),
      pluginTarball: packs.plugin.tarball,
      sdkTarball: packs.sdk.tarball,
      sdkReader: path.join(scriptsDir, 'test-package', 'read-article.mjs'),
    })
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], site(240_000))
  })
  await phase('import map', async () => {
    await payloadCli(['generate:importmap'])
    const importMap = fs.readFileSync(path.join(appDir, 'app/(payload)/admin/importMap.js'), 'utf8')
    if (!importMap.includes('payload-plugin-news-portal'))
      throw new Error('payload generate:importmap wrote no import map')
  })
  await phase('schema', async () => {
    await payloadCli(['migrate:create', 'initial'])
    if (
      !fs.readdirSync(path.join(appDir, 'migrations')).some((name) => /_initial\.ts$/.test(name))
    ) {
      throw new Error('payload migrate:create wrote no migration')
    }
    const output = await payloadCli(['migrate'])
    if (!/Migrated: +\S+_initial/.test(output)) throw new Error('payload migrate ran no migration')
  })
  await phase('next build', () => run(bin('next'), ['build'], site(240_000)))

  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const serverLog = fs.openSync(path.join(appDir, 'server.log'), 'a')
  const server = spawn(bin('next'), ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: appDir,
    env: siteEnv,
    stdio: ['ignore', serverLog, serverLog],
    detached: true,
  })
  children.add(server)
  let serverGone = false
  server.on('exit', () => (serverGone = true))
  await phase('next start', () =>
    waitFor200(base, '/admin/login', { timeoutMs: 60_000, isGone: () => serverGone }),
  )

  let passed = 0
  let failed = 0
  const state = {}
  await phase('checks', async () => {
    for (const check of checks) {
      try {
        await check.run({ base, appDir, packs, state })
        passed += 1
        console.log(`  ✓ ${check.name}`)
      } catch (error) {
        failed += 1
        console.log(`  ✗ ${check.name}\n    ${error.message.replaceAll('\n', '\n    ')}`)
      }
    }
  })
  if (failed) console.log(fs.readFileSync(path.join(appDir, 'server.log'), 'utf8').slice(-4000))
  return { passed, failed }
}

const started = Date.now()
let result
try {
  result = await main()
} catch (error) {
  console.error(`test:package: ${error.stack ?? error}`)
  result = { passed: 0, failed: checks.length }
}
await phase('clean up', () => cleanUp())
console.log(`test:package: total ${((Date.now() - started) / 1000).toFixed(1)} s`)
console.log(`test:package: ${result.passed} passed, ${result.failed} failed`)
process.exit(result.failed === 0 ? 0 : 1)
