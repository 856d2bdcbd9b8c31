import type { CountersConfig, ResolvedNewsPortalOptions } from '../types'
import type { PortalFeature } from '../feature'
import { counterWidgetsCollection } from '../../collections/CounterWidgets'
import { visitCountsCollection, visitSessionsCollection } from '../../collections/VisitCounts'
import { visitsEndpoint } from './endpoints'
import { countersMutations, countersQueries } from './graphql'
import { countersTasks } from './tasks'
import { assertTimeZone } from './time'
import { articleViewsField } from './views'

export { recordVisit, visitorStats, type VisitorStats } from './visits'
export { syncDossierWidget, syncDueDossierWidgets } from './sync'
export { COUNTERS_QUEUE, DOSSIER_SYNC_TASK, PRUNE_TASK } from './tasks'

const positive = (value: number | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value <= 0) throw new Error(`newsPortalPlugin: counters.${name} must be a positive number.`)
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
    collections: [counterWidgetsCollection(options), visitCountsCollection(options), visitSessionsCollection(options)],
    articleFields: [articleViewsField()],
    endpoints: [visitsEndpoint(options)],
    queries: countersQueries(options),
    mutations: countersMutations(options),
    tasks: countersTasks(options),
    beforeDashboard: [
      {
        path: '/plugin/counters/admin/CountersDashboard#CountersDashboard',
        serverProps: { countersOptions: options },
      },
    ],
  }
}
