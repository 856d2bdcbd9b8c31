import type { CountersConfig, ResolvedNewsPortalOptions } from '../../core/types.js'
import type { PortalFeature } from '../../core/feature.js'
import { visitsEndpoint } from './endpoints.js'
import { countersMutations, countersQueries } from './graphql.js'
import { countersTasks } from './tasks.js'
import { assertTimeZone } from './time.js'
import { articleViewsField } from './views.js'
import { deleteArticleViewCounts } from './hooks.js'
import { componentPaths } from '../../core/constants.js'
import { lookup as dnsLookup } from 'node:dns/promises'
import { normalizeHost } from './safeFetch.js'

export { recordVisit, visitorStats, type VisitorStats } from './visits.js'
export { syncDossierWidget, syncDueDossierWidgets } from './sync.js'
export { COUNTERS_QUEUE, DOSSIER_SYNC_TASK, PRUNE_TASK } from './tasks.js'

const positive = (value: number | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`newsPortalPlugin: counters.${name} must be a positive number.`)
  return value
}

/** `allowedInternalHosts`, checked and normalised (lower case, no brackets or trailing dot). */
function hostList(hosts: unknown): string[] {
  if (hosts === undefined) return []
  if (!Array.isArray(hosts) || !hosts.every((host) => typeof host === 'string' && host.trim()))
    throw new Error(
      `newsPortalPlugin: counters.allowedInternalHosts must be a list of host names or IP addresses; got ${JSON.stringify(hosts)}.`,
    )
  return hosts.map(normalizeHost)
}

export function resolveCountersOptions(options: CountersConfig = {}): Required<CountersConfig> {
  return {
    onlineWindowMinutes: positive(options.onlineWindowMinutes, 5, 'onlineWindowMinutes'),
    sessionIdleMinutes: positive(options.sessionIdleMinutes, 30, 'sessionIdleMinutes'),
    dossierFetchTimeoutMs: positive(options.dossierFetchTimeoutMs, 10_000, 'dossierFetchTimeoutMs'),
    allowedInternalHosts: hostList(options.allowedInternalHosts),
    lookup: options.lookup ?? ((hostname) => dnsLookup(hostname, { all: true, verbatim: true })),
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
    articleHooks: { afterDelete: [deleteArticleViewCounts] },
    endpoints: [visitsEndpoint(options)],
    queries: countersQueries(options),
    mutations: countersMutations(options),
    tasks: countersTasks(options),
    beforeDashboard: [
      {
        path: componentPaths.countersDashboard,
        serverProps: { countersOptions: options },
      },
    ],
  }
}
