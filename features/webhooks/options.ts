import { lookup as dnsLookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import type { ResolvedWebhooksOptions, WebhooksConfig } from '../../core/types.js'
import { normalizeHost } from '../counters/safeFetch.js'
import { nonPublicKind } from '../counters/publicAddress.js'

/** The shortest secret accepted: a shorter HMAC key is guessable. */
export const MIN_SECRET_LENGTH = 16

const refuse = (message: string): never => {
  throw new Error(`newsPortalPlugin: webhooks.${message}`)
}

const wholeNumber = (value: unknown, fallback: number, name: string, min: number): number => {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    refuse(`${name} must be a whole number of at least ${min}; got ${JSON.stringify(value)}.`)
  return value as number
}

const hostList = (hosts: unknown): string[] => {
  if (hosts === undefined) return []
  if (!Array.isArray(hosts) || !hosts.every((host) => typeof host === 'string' && host.trim()))
    refuse(
      `allowedInternalHosts must be a list of host names or IP addresses; got ${JSON.stringify(hosts)}.`,
    )
  return (hosts as string[]).map(normalizeHost)
}

/**
 * What is wrong with an endpoint URL, one sentence; `null` when it may be used: http(s), no
 * credentials, an IP literal public unless allowed (a host name is checked again, with its
 * addresses, before every POST).
 */
export function endpointUrlProblem(raw: unknown, allowedInternalHosts: string[]): string | null {
  if (typeof raw !== 'string' || !raw.trim()) return 'must be a URL.'
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return `is not a valid URL: ${JSON.stringify(raw)}.`
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `must start with http:// or https://; got ${JSON.stringify(raw)}.`
  if (url.username || url.password)
    return 'must not carry a user name or password; sign with `secret` instead.'
  const host = normalizeHost(url.hostname)
  const kind = isIP(host) ? nonPublicKind(host) : null
  if (kind && !allowedInternalHosts.includes(host))
    return `points to ${host}, which is not a public address (${kind}); list it in webhooks.allowedInternalHosts to allow it.`
  return null
}

/** What is wrong with a secret; `null` when it may sign. */
export const secretProblem = (secret: unknown): string | null =>
  typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH
    ? null
    : `must be a string of at least ${MIN_SECRET_LENGTH} characters.`

/** `webhooks` of the plugin options, checked, with its defaults: refused at start-up, never at send time. */
export function resolveWebhooksOptions(options: WebhooksConfig = {}): ResolvedWebhooksOptions {
  if (typeof options !== 'object' || options === null)
    refuse(`must be an object; got ${JSON.stringify(options)}.`)
  const allowedInternalHosts = hostList(options.allowedInternalHosts)
  const list = options.endpoints ?? []
  if (!Array.isArray(list)) refuse(`endpoints must be a list; got ${JSON.stringify(list)}.`)
  const endpoints = list.map((endpoint, index) => {
    const at = `endpoints[${index}]`
    if (typeof endpoint !== 'object' || endpoint === null)
      refuse(`${at} must be an object with url and secret.`)
    const urlProblem = endpointUrlProblem(endpoint.url, allowedInternalHosts)
    if (urlProblem) refuse(`${at}.url ${urlProblem}`)
    const url = new URL(endpoint.url.trim()).href
    const problem = secretProblem(endpoint.secret)
    if (problem) refuse(`${at}.secret ${problem}`)
    const sites = endpoint.sites
    if (
      sites !== undefined &&
      (!Array.isArray(sites) ||
        !sites.length ||
        !sites.every((slug) => typeof slug === 'string' && slug.trim()))
    )
      refuse(
        `${at}.sites must be a non-empty list of site slugs (leave it out for every site); got ${JSON.stringify(sites)}.`,
      )
    return { url, secret: endpoint.secret, sites: sites ? sites.map((slug) => slug.trim()) : null }
  })
  const urls = endpoints.map((endpoint) => endpoint.url)
  const twice = urls.find((url, index) => urls.indexOf(url) !== index)
  // The log names an endpoint by its URL: two with one URL could not be told apart on a retry.
  if (twice) refuse(`endpoints lists ${twice} twice; give each front end one entry.`)
  if (options.lookup !== undefined && typeof options.lookup !== 'function')
    refuse('lookup must be a function.')
  if (
    options.pruneCron !== undefined &&
    (typeof options.pruneCron !== 'string' || !options.pruneCron.trim())
  )
    refuse(`pruneCron must be a cron expression; got ${JSON.stringify(options.pruneCron)}.`)
  return {
    endpoints,
    timeoutMs: wholeNumber(options.timeoutMs, 10_000, 'timeoutMs', 1),
    maxAttempts: wholeNumber(options.maxAttempts, 8, 'maxAttempts', 1),
    retryDelayMs: wholeNumber(options.retryDelayMs, 1_000, 'retryDelayMs', 0),
    keepDeliveriesDays: wholeNumber(options.keepDeliveriesDays, 30, 'keepDeliveriesDays', 1),
    pruneCron: options.pruneCron ?? '0 17 * * * *',
    allowedInternalHosts,
    lookup: options.lookup ?? ((hostname) => dnsLookup(hostname, { all: true, verbatim: true })),
  }
}
