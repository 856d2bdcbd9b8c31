import { buildAppConfig } from './config/buildAppConfig.js'
import { seedIfEmpty } from './seed/index.js'

// The demo app. `npm run dev` seeds an empty database on first start.
export default buildAppConfig({
  onInit: async (payload) => {
    if (process.env.NODE_ENV === 'development' && process.env.SEED_ON_START !== 'false') {
      await seedIfEmpty(payload)
    }
  },
})
