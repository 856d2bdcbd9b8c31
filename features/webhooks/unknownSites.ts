import type { Payload } from 'payload'
import type { ResolvedWebhooksOptions } from '../../core/types.js'
import { loadSites } from '../sites/registry.js'

/** Says at start-up which `sites` of an endpoint name no site (a typo would silently hear nothing). */
export async function warnOfUnknownSites(
  payload: Payload,
  options: ResolvedWebhooksOptions,
): Promise<void> {
  const { bySlug } = await loadSites(payload)
  for (const endpoint of options.endpoints) {
    // A site created later is heard from then on: a warning, not a refusal.
    const unknown = (endpoint.sites ?? []).filter((slug) => !bySlug.has(slug))
    if (unknown.length)
      payload.logger.warn(
        `webhooks: ${endpoint.url} lists sites that do not exist (yet): ${unknown.join(', ')}; it hears nothing from them until they do.`,
      )
  }
}
