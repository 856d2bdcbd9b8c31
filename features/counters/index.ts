import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import type { PortalFeature } from '../../core/feature.js'
import { visitsEndpoint } from './endpoints.js'
import { countersMutations, countersQueries, recordVisitValidation } from './graphql.js'
import { countersTasks } from './tasks.js'
import { articleViewsField } from './views.js'
import { deleteArticleViewCounts } from './hooks.js'
import { componentPaths } from '../../core/constants.js'

export { recordVisit, visitorStats, type VisitorStats } from './visits.js'
export { syncDossierWidget, syncDueDossierWidgets } from './sync.js'
export { COUNTERS_QUEUE, DOSSIER_SYNC_TASK, PRUNE_TASK } from '../../core/constants.js'

/**
 * Counter widgets (issue 4): the visitor counter with `Article.views`, and the
 * dossier-processing panel, with their buckets, API, jobs and dashboard.
 */
export function countersFeature(options: ResolvedNewsPortalOptions): PortalFeature {
  return {
    articleFields: [articleViewsField(options)],
    articleHooks: { afterDelete: [deleteArticleViewCounts] },
    endpoints: [visitsEndpoint(options)],
    queries: countersQueries(options),
    mutations: countersMutations(options),
    graphQLValidationRules: recordVisitValidation,
    tasks: countersTasks(options),
    beforeDashboard: [
      {
        path: componentPaths.countersDashboard,
        serverProps: { countersOptions: options },
      },
    ],
  }
}
