import type { NewsPortalPluginConfig } from '../core/types.js'

/**
 * Plugin options of the demo app that deployments set from the environment (unset → the plugin's
 * defaults): `RATING_RATE_LIMIT_STORE` (`memory` | `database`; `database` when several instances
 * share one database), `RATINGS_PER_MINUTE` and `VISITS_PER_MINUTE` (numbers, 0 = off) and
 * `TRUST_PROXY` (`true` or the number of proxies in front, e.g. `1` behind one load balancer), and
 * `PORTAL_WEBHOOK_SECRET` (the portal's revalidation webhook, see portalWebhook below).
 */
export function pluginOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): NewsPortalPluginConfig {
  const options: NewsPortalPluginConfig = {}
  const store = env.RATING_RATE_LIMIT_STORE?.trim()
  if (store) {
    if (store !== 'memory' && store !== 'database')
      throw new Error(`RATING_RATE_LIMIT_STORE must be "memory" or "database"; got "${store}".`)
    options.ratingRateLimitStore = store
  }
  const perMinute = env.RATINGS_PER_MINUTE?.trim()
  if (perMinute) {
    if (!/^\d+$/.test(perMinute))
      throw new Error(`RATINGS_PER_MINUTE must be a whole number; got "${perMinute}".`)
    options.ratingsPerMinute = Number(perMinute)
  }
  const visits = env.VISITS_PER_MINUTE?.trim()
  if (visits) {
    if (!/^\d+$/.test(visits))
      throw new Error(`VISITS_PER_MINUTE must be a whole number; got "${visits}".`)
    options.visitsPerMinute = Number(visits)
  }
  const trust = env.TRUST_PROXY?.trim()
  if (trust) {
    if (trust === 'true' || trust === 'false') options.trustProxy = trust === 'true'
    else if (/^\d+$/.test(trust)) options.trustProxy = Number(trust)
    else throw new Error(`TRUST_PROXY must be true, false or a number of proxies; got "${trust}".`)
  }
  const webhooks = portalWebhook(env)
  if (webhooks) options.webhooks = webhooks
  return options
}

/**
 * With `PORTAL_WEBHOOK_SECRET` set, the plugin's webhooks call the demo portal's receiver at
 * `PORTAL_WEBHOOK_URL` (default `http://127.0.0.1:${PORT || 3000}/_portal/revalidate`), its host
 * allowed although internal; unset, no webhook is sent.
 */
export function portalWebhook(env: NodeJS.ProcessEnv): NewsPortalPluginConfig['webhooks'] | null {
  const secret = env.PORTAL_WEBHOOK_SECRET
  if (!secret) return null
  const raw =
    env.PORTAL_WEBHOOK_URL?.trim() ||
    `http://127.0.0.1:${env.PORT?.trim() || 3000}/_portal/revalidate`
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`PORTAL_WEBHOOK_URL must be a URL; got "${raw}".`)
  }
  return {
    endpoints: [{ url: url.href, secret }],
    // The portal usually runs in this very process: its loopback address is the expected target.
    allowedInternalHosts: [url.hostname.replace(/^\[|\]$/g, '')],
  }
}
