import { buildAppConfig } from './config/buildAppConfig'
import { seedIfEmpty } from './seed'

// The demo app. `npm run dev` seeds an empty database on first start.
export default buildAppConfig({
  onInit: async (payload) => {
    if (process.env.NODE_ENV === 'development' && process.env.SEED_ON_START !== 'false') {
      await seedIfEmpty(payload)
    }
  },
})
