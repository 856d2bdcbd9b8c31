import type { PortalFeature } from '../../core/feature.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
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
// Listeners of public changes are shared by every Payload instance of one config (a route's and a
// script's): one subscription per config, or each change would be delivered once per instance.
const subscribed = new WeakSet<object>()

export function webhooksFeature(options: ResolvedNewsPortalOptions): PortalFeature {
  const webhooks = options.webhooks
  return {
    tasks: webhooksTasks(options),
    onInit: async (payload) => {
      if (!subscribed.has(payload.config)) {
        subscribed.add(payload.config)
        onPublicChange(payload, (change, emitter) => enqueueChange(emitter, webhooks, change))
      }
      await warnOfUnknownSites(payload, webhooks)
      await resumePending(payload, webhooks)
    },
  }
}
