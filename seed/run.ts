import { getPayload } from 'payload'
import config from '../payload.config.js'
import { seed } from './index.js'

// `npm run seed`: seeds the database named by DATABASE_URL, then exits.
process.env.SEED_ON_START = 'false'
const payload = await getPayload({ config })
try {
  await seed(payload)
} finally {
  await payload.destroy()
}
process.exit(0)
