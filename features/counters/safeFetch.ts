import http from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import { nonPublicKind } from './publicAddress.js'

/** The most a source may send; a longer body is cut off and refused. */
export const MAX_SOURCE_BYTES = 1024 * 1024
/** Redirects followed (each one checked like the first URL). */
export const MAX_REDIRECTS = 3

/** Resolves a host name to every address it has (`dns.lookup(name, { all: true })`). */
export type HostLookup = (hostname: string) => Promise<Array<{ address: string; family: number }>>

/** Where a server-side fetch may go, and how long it may take. */
export interface FetchPolicy {
  /** Host names or IP literals (lower case) that may be internal: a province's one-stop-shop system. */
  allowedInternalHosts: string[]
  lookup: HostLookup
  timeoutMs: number
}

/** A URL the policy refuses: its message (one sentence) may be shown to the editor. */
export class SourceRefusedError extends Error {}
/** The host name did not resolve. */
export class SourceUnresolvedError extends Error {}
/** The source answered with an HTTP error status. */
export class SourceStatusError extends Error {}
/** The whole fetch took longer than the policy allows. */
export class SourceTimeoutError extends Error {}

/** A URL checked against the policy, with the one address the connection must go to. */
export interface CheckedSource {
  url: URL
  address: string
  family: 4 | 6
}

/** A host as the allowance list compares it: lower case, no brackets, no trailing dot. */
export const normalizeHost = (host: string): string =>
  host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')

/**
 * Checks `raw` before anything is sent: http(s) only; an IP literal must be public, a name must
 * resolve and every address it resolves to must be public, unless the host is allowed. Returns the
 * address to connect to: the caller connects to exactly that address, so a second DNS answer
 * (DNS rebinding) can never be used.
 */
export async function checkSource(
  raw: string,
  policy: FetchPolicy,
  signal?: AbortSignal,
): Promise<CheckedSource> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new SourceRefusedError('the URL is not valid.')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SourceRefusedError('the URL must start with http:// or https://.')
  const host = normalizeHost(url.hostname)
  const allowed = policy.allowedInternalHosts.includes(host)
  const literal = isIP(host)
  if (literal) {
    const kind = nonPublicKind(host)
    if (kind && !allowed)
      throw new SourceRefusedError(
        `${host} is not a public address (${kind}); only public addresses may be fetched (counters.allowedInternalHosts lists the exceptions).`,
      )
    return { url, address: host, family: literal as 4 | 6 }
  }
  let addresses: Array<{ address: string; family: number }>
  try {
    addresses = await abortable(policy.lookup(host), signal)
  } catch (error) {
    if (signal?.aborted) throw new SourceTimeoutError('timeout', { cause: error })
    throw new SourceUnresolvedError(`the host ${host} could not be resolved.`, { cause: error })
  }
  if (!addresses.length) throw new SourceUnresolvedError(`the host ${host} could not be resolved.`)
  if (!allowed && addresses.some(({ address }) => nonPublicKind(address) !== null))
    throw new SourceRefusedError(
      `the host ${host} resolves to a non-public address; only public addresses may be fetched (counters.allowedInternalHosts lists the exceptions).`,
    )
  const [first] = addresses
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 }
}

/**
 * GETs `raw` as JSON under `policy`: every hop (redirects followed by hand, at most
 * `MAX_REDIRECTS`) checked and connected to its checked address, the body read as a stream and cut
 * off past `MAX_SOURCE_BYTES`, the whole exchange within `timeoutMs`. Throws the errors above,
 * `SyntaxError` for a body that is not JSON, or the network error as it came.
 */
export async function fetchSourceJson(raw: string, policy: FetchPolicy): Promise<unknown> {
  const signal = AbortSignal.timeout(policy.timeoutMs)
  let current = raw
  try {
    for (let hop = 0; ; hop++) {
      const source = await checkSource(current, policy, signal)
      const response = await get(source, signal)
      const status = response.statusCode ?? 0
      if ([301, 302, 303, 307, 308].includes(status)) {
        response.destroy()
        if (hop >= MAX_REDIRECTS)
          throw new SourceRefusedError(`the source redirected more than ${MAX_REDIRECTS} times.`)
        const location = response.headers.location
        if (!location) throw new SourceRefusedError('the source redirected without a Location.')
        try {
          current = new URL(location, source.url).href
        } catch {
          throw new SourceRefusedError('the source redirected to an invalid URL.')
        }
        continue
      }
      if (status < 200 || status > 299) {
        response.destroy()
        throw new SourceStatusError(`the source answered HTTP ${status}.`)
      }
      return JSON.parse(await readCapped(response))
    }
  } catch (error) {
    if (signal.aborted && !(error instanceof SourceRefusedError))
      throw new SourceTimeoutError('timeout', { cause: error })
    throw error
  }
}

/** Connects to the checked address only (the name still goes into Host and TLS SNI). */
function get(source: CheckedSource, signal: AbortSignal): Promise<http.IncomingMessage> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as (error: null, addresses: Array<{ address: string; family: number }>) => void)(
        null,
        [{ address: source.address, family: source.family }],
      )
    else callback(null, source.address, source.family)
  }
  return new Promise((resolve, reject) => {
    const request = (source.url.protocol === 'https:' ? https : http).request(source.url, {
      method: 'GET',
      headers: { accept: 'application/json' },
      lookup: pinned,
      // A fresh connection per hop: a pooled socket could lead to an address checked for another URL.
      agent: false,
      signal,
    })
    request.once('response', resolve)
    request.once('error', reject)
    request.end()
  })
}

/** The body as text, refused as soon as it passes `MAX_SOURCE_BYTES` (the connection is closed). */
async function readCapped(response: http.IncomingMessage): Promise<string> {
  const tooLong = () =>
    new SourceRefusedError(`the source answered more than ${MAX_SOURCE_BYTES / 1024 / 1024} MB.`)
  if (Number(response.headers['content-length']) > MAX_SOURCE_BYTES) {
    response.destroy()
    throw tooLong()
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_SOURCE_BYTES) {
      response.destroy()
      throw tooLong()
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** `promise`, or a rejection as soon as `signal` aborts. */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
