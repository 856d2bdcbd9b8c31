import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { freePort } from '../tests/helpers/freePort.js'

export { freePort }

/** Runs a command to its end; rejects with the tail of its output when it fails. */
export function run(
  command: string,
  args: string[],
  { cwd, env, label }: { cwd: string; env: NodeJS.ProcessEnv; label: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-20_000)))
    child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-20_000)))
    child.on('exit', (code) => {
      if (code !== 0)
        return reject(new Error(`${label} failed (exit ${code}):\n${output.slice(-4000)}`))
      console.log(`${label}: done in ${Math.round((Date.now() - started) / 1000)} s`)
      resolve()
    })
  })
}

/**
 * The production seed into a fresh SQLite file: it runs the committed migrations first (as .ci/run
 * does), so `next start` finds the schema it expects. On a busy machine the seed process has been
 * seen to exit early (code 13) once in a while: one retry on a new file.
 */
export async function seedProduction(cwd: string, env: NodeJS.ProcessEnv, dbFile: string) {
  const seed = () => run('npm', ['run', 'seed'], { cwd, env, label: 'seed' })
  await seed().catch((error: Error) => {
    console.log(`seed: ${error.message.split('\n')[0]}; retrying once`)
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${dbFile}${suffix}`, { force: true })
    return seed()
  })
}

/** `next start` of the existing production build on a free port; resolves once it answers. */
export async function startServer(
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ base: string; stop: () => void }> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const server: ChildProcess = spawn(
    'npx',
    ['next', 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd,
      env: { ...env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    },
  )
  const stop = () => {
    try {
      // SIGKILL: a server inside a long synchronous SQLite query never runs its SIGTERM handler.
      if (server.pid) process.kill(-server.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`)
    try {
      const response = await fetch(`${base}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      })
      if (response.ok) return { base, stop }
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  stop()
  throw new Error('the server did not answer within 180 s')
}
