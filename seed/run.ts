import { getPayload } from 'payload'
import config from '../payload.config.js'
import { seed } from './index.js'

// `npm run seed`: seeds the database named by DATABASE_URL (the Than Uyên site and two communes), then exits.
process.env.SEED_ON_START = 'false'
const payload = await getPayload({ config })
try {
  await seed(payload, { communes: true })
} finally {
  await payload.destroy()
}
process.exit(0)
