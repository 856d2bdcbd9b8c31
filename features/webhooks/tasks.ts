import type { TaskConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { COUNTERS_QUEUE, WEBHOOK_PRUNE_TASK } from '../../core/constants.js'
import { pruneDeliveries } from './deliveries.js'
import { resumePending } from './queue.js'

const DAY_MS = 86_400_000

export const webhooksTasks = (options: ResolvedNewsPortalOptions): TaskConfig[] => [
  {
    slug: WEBHOOK_PRUNE_TASK,
    label: 'Prune the webhook delivery log',
    schedule: [{ cron: options.webhooks.pruneCron, queue: COUNTERS_QUEUE }],
    retries: 0,
    handler: async ({ req }) => {
      const { payload } = req
      const webhooks = options.webhooks
      await pruneDeliveries(payload, new Date(Date.now() - webhooks.keepDeliveriesDays * DAY_MS))
      // Rows another instance leased and never finished (it stopped) are overdue: take them here.
      await resumePending(payload, webhooks, new Date(Date.now() - webhooks.timeoutMs))
      return { output: {} }
    },
  },
]
