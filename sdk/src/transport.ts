import { GraphQLClient } from 'graphql-request'
import type { Operation } from './generated/graphql.js'
import { queryByGet } from './queryByGet.js'
import {
  PortalError,
  codeForGraphQLError,
  codeForStatus,
  parseRetryAfter,
  retryAfterOf,
  type PortalGraphQLError,
} from './errors.js'

export interface TransportOptions {
  endpoint: string
  fetch?: typeof globalThis.fetch
  headers?: Record<string, string>
  timeoutMs?: number
  retries?: number
  /** Queries by GET (persisted by hash, the text when the server does not know it); mutations stay POST. */
  get?: boolean
}

export interface SendOptions {
  signal?: AbortSignal
  headers?: Record<string, string>
}

export interface Transport {
  /** Sends a query; retries network errors, 5xx and 429 (honouring Retry-After). */
  query<TResult, TVariables>(
    operation: Operation<TResult, TVariables>,
    variables: TVariables,
    options?: SendOptions,
  ): Promise<TResult>
  /** Sends a mutation once: a retried write could count twice. */
  mutate<TResult, TVariables>(
    operation: Operation<TResult, TVariables>,
    variables: TVariables,
    options?: SendOptions,
  ): Promise<TResult>
}

export const DEFAULT_TIMEOUT_MS = 10_000
export const DEFAULT_RETRIES = 2
const BACKOFF_BASE_MS = 300
const BACKOFF_MAX_MS = 5_000

/** Full sentence, one line: the server's message is shown as is, minus stray whitespace. */
const sentence = (message: string) => {
  const text = message.replace(/\s+/g, ' ').trim() || 'The portal API reported an error'
  return /[.!?]$/.test(text) ? text : `${text}.`
}

interface ClientErrorLike {
  response: { status: number; errors?: PortalGraphQLError[] }
}
const isClientError = (error: unknown): error is ClientErrorLike =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as ClientErrorLike).response?.status === 'number'

/** Turns whatever one attempt threw into a PortalError. */
function classify(error: unknown, response: Response | undefined, endpoint: string): PortalError {
  if (error instanceof PortalError) return error
  const headerRetryAfter = parseRetryAfter(response?.headers.get('retry-after'))
  if (isClientError(error)) {
    const { status, errors } = error.response
    if (errors?.length) {
      const first = errors[0]
      const code = codeForGraphQLError(first, status)
      return new PortalError(code, sentence(first.message), {
        status,
        retryAfter: retryAfterOf(first) ?? headerRetryAfter,
        errors,
      })
    }
    const code = codeForStatus(status)
    const message =
      code === 'RATE_LIMITED'
        ? `The portal API at ${endpoint} is rate limiting requests (HTTP 429).`
        : `The portal API at ${endpoint} answered with HTTP ${status}.`
    return new PortalError(code, message, { status, retryAfter: headerRetryAfter })
  }
  if (response) {
    return new PortalError(
      'SERVER',
      `The portal API at ${endpoint} sent a response that is not GraphQL JSON.`,
      {
        status: response.status,
        cause: error,
      },
    )
  }
  return new PortalError('NETWORK', `Could not reach the portal API at ${endpoint}.`, {
    cause: error,
  })
}

const retryable = (error: PortalError) =>
  error.code === 'NETWORK' ||
  error.code === 'RATE_LIMITED' ||
  (error.code === 'SERVER' && (error.status ?? 0) >= 500)

/** Exponential backoff with jitter: 300 ms, 600 ms, 1.2 s … each scaled by 0.5–1. */
const backoff = (attempt: number) =>
  Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt) * (0.5 + Math.random() / 2)

/** Waits, or rejects with the signal's reason the moment it aborts. */
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop)
      resolve()
    }, ms)
    signal.addEventListener('abort', stop, { once: true })
  })

export function createTransport(options: TransportOptions): Transport {
  const { endpoint } = options
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const retries = options.retries ?? DEFAULT_RETRIES
  if (!(typeof timeoutMs === 'number' && timeoutMs > 0)) {
    throw new TypeError(
      `createPortalClient: timeoutMs must be a positive number of milliseconds (or Infinity), not ${String(timeoutMs)}.`,
    )
  }
  if (!(Number.isInteger(retries) && retries >= 0)) {
    throw new TypeError(
      `createPortalClient: retries must be a whole number from 0, not ${String(retries)}.`,
    )
  }
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  // Hashes this server answered PERSISTED_QUERY_NOT_FOUND for: their queries go as text from then on.
  const unknownHashes = new Set<string>()

  async function attempt<TResult>(
    document: string,
    variables: unknown,
    signal: AbortSignal,
    headers: Record<string, string>,
    byGet: boolean,
  ) {
    let response: Response | undefined
    const fetchSeen = async (input: RequestInfo | URL, init?: RequestInit) =>
      (response = await fetchImpl(input, init))
    try {
      const data = byGet
        ? await queryByGet<TResult>(
            fetchSeen,
            endpoint,
            document,
            variables,
            { headers, signal },
            unknownHashes,
          )
        : await new GraphQLClient(endpoint, { headers, fetch: fetchSeen }).request<TResult>({
            document,
            variables: variables as Record<string, unknown>,
            signal,
          })
      if (data === null || data === undefined) {
        throw new PortalError('SERVER', `The portal API at ${endpoint} sent no data.`, {
          status: response?.status,
        })
      }
      return data
    } catch (error) {
      throw classify(error, response, endpoint)
    }
  }

  async function send<TResult>(
    document: string,
    variables: unknown,
    call: SendOptions,
    canRetry: boolean,
  ): Promise<TResult> {
    const caller = call.signal
    if (caller?.aborted) throw caller.reason
    const deadline = Date.now() + timeoutMs
    const controller = new AbortController()
    const timeout = new PortalError(
      'TIMEOUT',
      `The portal API at ${endpoint} did not answer within ${timeoutMs} ms.`,
    )
    // Timers overflow past 2^31 - 1 ms (about 24.8 days): treat longer budgets as no limit.
    const timer =
      timeoutMs < 2 ** 31 ? setTimeout(() => controller.abort(timeout), timeoutMs) : undefined
    const onCallerAbort = () => controller.abort(caller!.reason)
    caller?.addEventListener('abort', onCallerAbort, { once: true })
    // Settles the moment the call is aborted, even with a fetch that ignores its signal.
    const aborted = new Promise<never>((_, reject) =>
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
        once: true,
      }),
    )
    aborted.catch(() => {})
    const headers = { ...options.headers, ...call.headers }
    try {
      for (let attemptNumber = 0; ; attemptNumber++) {
        try {
          return await Promise.race([
            attempt<TResult>(
              document,
              variables,
              controller.signal,
              headers,
              // Only queries (the calls that may retry) go by GET.
              canRetry && !!options.get,
            ),
            aborted,
          ])
        } catch (error) {
          if (controller.signal.aborted) throw controller.signal.reason
          const failure = classify(error, undefined, endpoint)
          if (!canRetry || attemptNumber >= retries || !retryable(failure)) throw failure
          const wait =
            failure.retryAfter !== undefined ? failure.retryAfter * 1000 : backoff(attemptNumber)
          // Waiting past the deadline would only turn a clear error into a timeout.
          if (Date.now() + wait >= deadline) throw failure
          await sleep(wait, controller.signal)
        }
      }
    } finally {
      clearTimeout(timer)
      caller?.removeEventListener('abort', onCallerAbort)
    }
  }

  return {
    query: (operation, variables, call = {}) => send(operation, variables, call, true),
    mutate: (operation, variables, call = {}) => send(operation, variables, call, false),
  }
}
