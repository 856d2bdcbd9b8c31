import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import {
  checkSource,
  SourceRefusedError,
  type CheckedSource,
  type FetchPolicy,
} from '../counters/safeFetch.js'

/** What one POST came to. */
export interface AttemptOutcome {
  /** 2xx: the front end has it. */
  delivered: boolean
  /** Worth another attempt: a network error, a timeout, 5xx or 429. */
  retry: boolean
  /** The HTTP status, `null` when none came. */
  status: number | null
  /** Why it was not delivered, one sentence; `null` when delivered. */
  error: string | null
}

/** Statuses worth trying again: the receiver's own trouble or its rate limit. */
const retryable = (status: number) => status >= 500 || status === 429

/**
 * POSTs `body` to `url` with `headers`, under `policy`: the host checked (http(s), public unless
 * allowed) and connected to at its checked address, no redirect followed, within `timeoutMs`.
 * Never throws: every failure is an outcome.
 */
export async function postOnce(
  url: string,
  body: string,
  headers: Record<string, string>,
  policy: FetchPolicy,
): Promise<AttemptOutcome> {
  const signal = AbortSignal.timeout(policy.timeoutMs)
  try {
    const target = await checkSource(url, policy, signal)
    const status = await post(target, body, headers, signal)
    if (status >= 200 && status <= 299)
      return { delivered: true, retry: false, status, error: null }
    return {
      delivered: false,
      retry: retryable(status),
      status,
      error:
        status >= 300 && status <= 399
          ? `the front end answered HTTP ${status}; redirects are not followed, configure the final URL.`
          : `the front end answered HTTP ${status}.`,
    }
  } catch (error) {
    if (error instanceof SourceRefusedError)
      return {
        delivered: false,
        retry: false,
        status: null,
        error: error.message.replace(
          'counters.allowedInternalHosts',
          'webhooks.allowedInternalHosts',
        ),
      }
    if (signal.aborted)
      return {
        delivered: false,
        retry: true,
        status: null,
        error: `no answer within ${policy.timeoutMs} ms.`,
      }
    return { delivered: false, retry: true, status: null, error: (error as Error).message }
  }
}

/** One POST to the checked address (the name still goes into Host and TLS SNI); resolves to the status. */
function post(
  target: CheckedSource,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<number> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as (error: null, addresses: Array<{ address: string; family: number }>) => void)(
        null,
        [{ address: target.address, family: target.family }],
      )
    else callback(null, target.address, target.family)
  }
  const bytes = Buffer.from(body, 'utf8')
  return new Promise((resolve, reject) => {
    const request = (target.url.protocol === 'https:' ? https : http).request(target.url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(bytes.length) },
      lookup: pinned,
      // A fresh connection each time: a pooled socket could lead to an address checked for another URL.
      agent: false,
      signal,
    })
    request.once('response', (response) => {
      // The answer's body says nothing we keep: drained so the socket closes.
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    request.once('error', reject)
    request.end(bytes)
  })
}
