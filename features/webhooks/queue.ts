import type { Payload } from 'payload'
import { perOwner } from '../../core/batch.js'
import type { Id } from '../../core/ids.js'
import type { ResolvedWebhooksOptions } from '../../core/types.js'
import {
  claimAttempt,
  findDelivery,
  pendingDeliveries,
  recordDeliveries,
  recordOutcome,
  type DeliveryRow,
} from './deliveries.js'
import type { PublicChange } from '../changes/index.js'
import { loadEndpoints } from './endpoints.js'
import { postOnce } from './send.js'
import {
  DELIVERY_HEADER,
  SIGNATURE_HEADER,
  signWebhookBody,
  TIMESTAMP_HEADER,
} from './signature.js'

/** The wait after attempt `attempts` (1, 2, …): `retryDelayMs`, then doubled each time. */
export const backoffMs = (options: ResolvedWebhooksOptions, attempts: number): number =>
  options.retryDelayMs * 2 ** (attempts - 1)

/** This instance's timers (one per row it will try) and the work in flight, for `settled()`. */
const queues = perOwner((_payload: Payload) => ({
  timers: new Map<string, NodeJS.Timeout>(),
  inFlight: new Set<Promise<void>>(),
}))

/** Runs `work` off the caller's path, logging (never throwing) what fails. */
function track(payload: Payload, work: () => Promise<void>): void {
  const { inFlight } = queues(payload)
  const running: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(work)
    .catch((error: unknown) => payload.logger.error({ err: error, msg: 'webhook delivery failed' }))
    .finally(() => inFlight.delete(running))
  inFlight.add(running)
}

/** Tries `row` after `delayMs` (replacing a timer this instance already had for it). */
export function schedule(
  payload: Payload,
  options: ResolvedWebhooksOptions,
  rowId: Id,
  delayMs: number,
): void {
  const { timers } = queues(payload)
  const key = String(rowId)
  clearTimeout(timers.get(key))
  const timer = setTimeout(
    () => {
      timers.delete(key)
      track(payload, () => attempt(payload, options, rowId))
    },
    Math.max(0, delayMs),
  )
  // A pending row outlives the process: the next start (or the prune job) picks it up.
  timer.unref()
  timers.set(key, timer)
}

/** Records the deliveries of `change` and tries them, off the save's path: returns at once. */
export function enqueueChange(
  payload: Payload,
  options: ResolvedWebhooksOptions,
  change: PublicChange,
): void {
  track(payload, async () => {
    const rows = await recordDeliveries(payload, await loadEndpoints(payload, options), change)
    for (const row of rows) schedule(payload, options, row.id, 0)
  })
}

/** One attempt at a row, if it is still pending and nobody else took it; schedules the next. */
async function attempt(
  payload: Payload,
  options: ResolvedWebhooksOptions,
  rowId: Id,
): Promise<void> {
  const row = await findDelivery(payload, rowId)
  if (!row || row.status !== 'pending') return
  const endpoint = (await loadEndpoints(payload, options)).find((each) => each.url === row.url)
  if (!endpoint) {
    await recordOutcome(payload, row.id, {
      status: 'failed',
      lastStatus: null,
      lastError:
        'this URL is no longer configured (webhooks.endpoints or an enabled webhook endpoint).',
      nextAttemptAt: null,
    })
    return
  }
  const attempts = row.attempts + 1
  const leaseUntil = new Date(Date.now() + options.timeoutMs + backoffMs(options, attempts))
  const claimed = await claimAttempt(payload, row, leaseUntil)
  if (!claimed) return
  const outcome = await postOnce(row.url, row.body, headersFor(row, endpoint.secret), {
    allowedInternalHosts: options.allowedInternalHosts,
    lookup: options.lookup,
    timeoutMs: options.timeoutMs,
  })
  const again = !outcome.delivered && outcome.retry && attempts < options.maxAttempts
  const waitMs = backoffMs(options, attempts)
  await recordOutcome(payload, row.id, {
    status: outcome.delivered ? 'delivered' : again ? 'pending' : 'failed',
    lastStatus: outcome.status,
    lastError: outcome.error,
    nextAttemptAt: again ? new Date(Date.now() + waitMs) : null,
  })
  if (again) schedule(payload, options, row.id, waitMs)
}

/** The headers of one attempt: the signature covers exactly the stored body's bytes. */
function headersFor(row: DeliveryRow, secret: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'news-portal-webhooks',
    [SIGNATURE_HEADER]: signWebhookBody(row.body, secret),
    [DELIVERY_HEADER]: row.deliveryId,
    [TIMESTAMP_HEADER]: new Date().toISOString(),
  }
}

/**
 * Schedules every pending row due by `before` (all of them when omitted) at its time: at start-up
 * (what a restart left unsent) and from the prune job (what a stopped instance had leased).
 */
export async function resumePending(
  payload: Payload,
  options: ResolvedWebhooksOptions,
  before?: Date,
): Promise<number> {
  const rows = await pendingDeliveries(payload, before)
  const now = Date.now()
  for (const row of rows) {
    const at = row.nextAttemptAt ? new Date(row.nextAttemptAt).getTime() : now
    schedule(payload, options, row.id, at - now)
  }
  return rows.length
}

/** Resolves once this instance has nothing in flight and no timer left (tests and shutdown). */
export async function webhooksSettled(payload: Payload): Promise<void> {
  const { timers, inFlight } = queues(payload)
  while (inFlight.size || timers.size) {
    if (inFlight.size) await Promise.all(inFlight)
    else await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
