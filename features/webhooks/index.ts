import type { PortalFeature } from '../../core/feature.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
// Replaced at merge by features/changes/ (same interface): the one import to swap.
import { onPublicChange } from '../changes/index.js'
import { enqueueChange, resumePending } from './queue.js'
import { webhooksTasks } from './tasks.js'
import { warnOfUnknownSites } from './unknownSites.js'

export { verifyWebhookSignature, signWebhookBody } from './signature.js'
export { webhooksSettled } from './queue.js'

/**
 * Webhooks for front ends (issue 14, item 7): each public change becomes one signed POST per
 * front end that hears it, queued in the delivery log, retried with backoff.
 */
export function webhooksFeature(options: ResolvedNewsPortalOptions): PortalFeature {
  const webhooks = options.webhooks
  return {
    tasks: webhooksTasks(options),
    onInit: async (payload) => {
      onPublicChange(payload, (change) => enqueueChange(payload, webhooks, change))
      await warnOfUnknownSites(payload, webhooks)
      await resumePending(payload, webhooks)
    },
  }
}
