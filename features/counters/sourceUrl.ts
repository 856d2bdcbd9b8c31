import type { Validate } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { validateHttpUrl } from '../content/fields/validators.js'
import { checkSource, SourceRefusedError, SourceUnresolvedError } from './safeFetch.js'
import { fetchPolicy } from './sync.js'
import { WIDGET_KINDS } from '../../core/constants.js'

/**
 * `sourceUrl` of a dossier panel: required for a `url` source, an http(s) URL, and (when it is new
 * or changed, on save) a host the sync may reach: a public address, a name whose every address is
 * public, or an allowed internal host. The sync checks again at every fetch.
 */
export const validateSourceUrl =
  (options: ResolvedNewsPortalOptions): Validate =>
  async (value, { siblingData, event, previousValue }) => {
    const sibling = siblingData as { kind?: unknown; source?: unknown } | undefined
    if (sibling?.kind === WIDGET_KINDS.dossierStats && sibling?.source === 'url' && !value)
      return 'sourceUrl is required when the source is a URL.'
    const syntax = validateHttpUrl(value)
    if (syntax !== true) return `sourceUrl: ${syntax}`
    // Typing in the admin (onChange) and saves that keep the URL cost no DNS lookup.
    if (!value || event === 'onChange' || value === previousValue) return true
    const policy = fetchPolicy(options)
    try {
      await checkSource(value as string, policy, AbortSignal.timeout(policy.timeoutMs))
      return true
    } catch (error) {
      if (error instanceof SourceRefusedError || error instanceof SourceUnresolvedError)
        return `sourceUrl: ${error.message}`
      return `sourceUrl: the host could not be resolved within ${policy.timeoutMs} ms.`
    }
  }
