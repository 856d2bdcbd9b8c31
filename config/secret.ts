import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

// One notice per process, even when Next.js loads this module more than once.
const announced = Symbol.for('news-portal.secret-announced')

/**
 * The Payload secret: `PAYLOAD_SECRET` when set. Production refuses to start without it;
 * development keeps a random one in `<dataDir>/.payload-secret` so logins survive restarts.
 */
export function resolveSecret(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.PAYLOAD_SECRET?.trim()
  if (fromEnv) return fromEnv
  // `next build` loads the config without serving anything: no secret is needed to compile.
  if (env.NEXT_PHASE === 'phase-production-build')
    return 'build-time-placeholder-never-used-to-sign'
  if (env.NODE_ENV === 'production') {
    throw new Error('PAYLOAD_SECRET must be set in production: use a long random string.')
  }
  const file = path.join(dataDir, '.payload-secret')
  let secret = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : ''
  if (!secret) {
    fs.mkdirSync(dataDir, { recursive: true })
    secret = crypto.randomBytes(32).toString('hex')
    fs.writeFileSync(file, secret, { mode: 0o600 })
  }
  if (!(globalThis as Record<symbol, unknown>)[announced]) {
    ;(globalThis as Record<symbol, unknown>)[announced] = true
    console.info(`PAYLOAD_SECRET is not set: using the random development secret kept in ${file}.`)
  }
  return secret
}
