import type { TaskConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { pruneSessions } from './store.js'
import { syncDueDossierWidgets } from './sync.js'
import { COUNTERS_QUEUE, DOSSIER_SYNC_TASK, PRUNE_TASK } from '../../core/constants.js'

export const countersTasks = (options: ResolvedNewsPortalOptions): TaskConfig[] => [
  {
    slug: PRUNE_TASK,
    label: 'Prune stale visit sessions',
    schedule: [{ cron: options.counters.pruneSessionsCron, queue: COUNTERS_QUEUE }],
    retries: 0,
    handler: async ({ req }) => {
      const { now, sessionIdleMinutes, onlineWindowMinutes } = options.counters
      // A row idle past both windows affects nothing: it would start a new window anyway.
      const keepMs = Math.max(sessionIdleMinutes, onlineWindowMinutes) * 60_000
      await pruneSessions(req.payload, new Date(now().getTime() - keepMs))
      return { output: {} }
    },
  },
  {
    slug: DOSSIER_SYNC_TASK,
    label: 'Refresh dossier panels from their URLs',
    schedule: [{ cron: options.counters.dossierSyncCron, queue: COUNTERS_QUEUE }],
    retries: 0,
    handler: async ({ req }) => {
      const outcomes = await syncDueDossierWidgets(req.payload, options)
      req.payload.logger.info(
        `dossier sync: ${outcomes.filter((o) => o.ok).length}/${outcomes.length} panels refreshed.`,
      )
      return { output: {} }
    },
  },
]
