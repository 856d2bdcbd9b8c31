import { parseArgs } from 'node:util'

// `npm run seed:archive -- --articles 100000 [--sites N] [--database-url URL] [--seed N]`:
// seeds the demo (idempotent) then adds a ten-year archive by bulk INSERTs (docs/scale.md).
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    sites: { type: 'string' },
    'database-url': { type: 'string' },
    seed: { type: 'string', default: '17' },
  },
})
const whole = (name: string, value: string | undefined) => {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number; got "${value}".`)
  return Number(value)
}
const articles = whole('articles', values.articles)!
const sites = whole('sites', values.sites)
const seedNumber = whole('seed', values.seed)
if (values['database-url']) process.env.DATABASE_URL = values['database-url']
process.env.SEED_ON_START = 'false'

// The configuration reads DATABASE_URL when imported: after the options above.
const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config.js')
const { seed } = await import('./index.js')
const { generateArchive } = await import('./archive/generate.js')
const { bulkWriter } = await import('./archive/bulk.js')

const payload = await getPayload({ config })
let failed = false
try {
  bulkWriter(payload) // refuses MongoDB before the demo seed writes anything
  await seed(payload, { communes: true, log: false })
  const result = await generateArchive(payload, {
    articles,
    sites,
    seed: seedNumber,
    log: (message) => payload.logger.info(message),
  })
  payload.logger.info(`seed:archive: ${JSON.stringify(result)}`)
} catch (error) {
  failed = true
  payload.logger.error((error as Error).message)
} finally {
  await payload.destroy()
}
process.exit(failed ? 1 : 0)
