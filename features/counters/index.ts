import type { CountersConfig, ResolvedNewsPortalOptions } from '../../core/types.js'
import type { PortalFeature } from '../../core/feature.js'
import { visitsEndpoint } from './endpoints.js'
import { countersMutations, countersQueries, recordVisitValidation } from './graphql.js'
import { visitErrorExtensions } from './visitLimit.js'
import { countersTasks } from './tasks.js'
import { assertTimeZone } from './time.js'
import { articleViewsField } from './views.js'
import { componentPaths } from '../../core/constants.js'

export { recordVisit, visitorStats, type VisitorStats } from './visits.js'
export { syncDossierWidget, syncDueDossierWidgets } from './sync.js'
export { COUNTERS_QUEUE, DOSSIER_SYNC_TASK, PRUNE_TASK } from './tasks.js'

const positive = (value: number | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`newsPortalPlugin: counters.${name} must be a positive number.`)
  return value
}

export function resolveCountersOptions(options: CountersConfig = {}): Required<CountersConfig> {
  return {
    onlineWindowMinutes: positive(options.onlineWindowMinutes, 5, 'onlineWindowMinutes'),
    sessionIdleMinutes: positive(options.sessionIdleMinutes, 30, 'sessionIdleMinutes'),
    dossierFetchTimeoutMs: positive(options.dossierFetchTimeoutMs, 10_000, 'dossierFetchTimeoutMs'),
    pruneSessionsCron: options.pruneSessionsCron ?? '0 */10 * * * *',
    dossierSyncCron: options.dossierSyncCron ?? '0 * * * * *',
    now: options.now ?? (() => new Date()),
  }
}

/**
 * Counter widgets (issue 4): the visitor counter with `Article.views`, and the
 * dossier-processing panel, with their buckets, API, jobs and dashboard.
 */
export function countersFeature(options: ResolvedNewsPortalOptions): PortalFeature {
  assertTimeZone(options.timeZone)
  return {
    articleFields: [articleViewsField()],
    endpoints: [visitsEndpoint(options)],
    queries: countersQueries(options),
    mutations: countersMutations(options),
    graphQLValidationRules: recordVisitValidation,
    afterError: [visitErrorExtensions],
    tasks: countersTasks(options),
    beforeDashboard: [
      {
        path: componentPaths.countersDashboard,
        serverProps: { countersOptions: options },
      },
    ],
  }
}
