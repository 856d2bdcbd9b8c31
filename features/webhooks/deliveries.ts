import { randomUUID } from 'node:crypto'
import type { Payload } from 'payload'
import { WEBHOOK_DELIVERIES_SLUG } from '../../core/constants.js'
import { retryWhileBusy } from '../../core/database.js'
import type { Id } from '../../core/ids.js'
import { loadSites } from '../sites/registry.js'
import type { WebhookTarget } from './endpoints.js'
import type { PublicChange } from '../changes/index.js'

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/** The event every delivery announces. */
export const CONTENT_CHANGED = 'content.changed'

/** What a front end receives, as JSON. */
export interface WebhookBody {
  id: string
  event: typeof CONTENT_CHANGED
  collection: string
  docId: Id
  site: { id: Id; slug: string | null } | null
  operation: PublicChange['operation']
  oldPaths: string[]
  newPaths: string[]
  changedAt: string
}

/** A delivery log row, as the queue reads it. */
export interface DeliveryRow {
  id: Id
  deliveryId: string
  url: string
  status: DeliveryStatus
  attempts: number
  nextAttemptAt?: string | null
  body: string
}

const slug = WEBHOOK_DELIVERIES_SLUG as never

/**
 * The site of a change as the body names it (its slug from this instance's list of sites; `null`
 * once the site is gone), and whether the log row may point to it (a deleted site it may not).
 */
async function siteOf(
  payload: Payload,
  site: PublicChange['site'],
): Promise<{ site: WebhookBody['site']; exists: boolean }> {
  if (site === null || site === undefined) return { site: null, exists: false }
  const { sites } = await loadSites(payload)
  const known = sites.find((each) => String(each.id) === String(site))
  return { site: { id: known?.id ?? site, slug: known?.slug ?? null }, exists: Boolean(known) }
}

/**
 * One pending row per endpoint that hears `change` (an endpoint with `sites` hears those sites'
 * changes and the shared ones, which may show on any site). Returns the rows written.
 */
export async function recordDeliveries(
  payload: Payload,
  targets: WebhookTarget[],
  change: PublicChange,
  now = new Date(),
): Promise<DeliveryRow[]> {
  const { site, exists } = await siteOf(payload, change.site)
  const endpoints = targets.filter(
    (endpoint) =>
      !endpoint.sites || !site || (site.slug !== null && endpoint.sites.includes(site.slug)),
  )
  const rows: DeliveryRow[] = []
  for (const endpoint of endpoints) {
    const deliveryId = randomUUID()
    const body: WebhookBody = {
      id: deliveryId,
      event: CONTENT_CHANGED,
      collection: change.collection,
      docId: change.id,
      site,
      operation: change.operation,
      oldPaths: change.oldPaths,
      newPaths: change.newPaths,
      changedAt: now.toISOString(),
    }
    const data = {
      deliveryId,
      url: endpoint.url,
      collection: change.collection,
      docId: String(change.id),
      site: exists && site ? site.id : null,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now.toISOString(),
      body: JSON.stringify(body),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    }
    rows.push(await insertRow(payload, data))
  }
  return rows
}

/**
 * Writes one row straight to the adapter (no hooks, no transaction of its own; SQLite's lock
 * waited out). A site deleted meanwhile (its deletion not yet visible when its slug was read)
 * fails the row's foreign key: the row is then kept on no site rather than lost.
 */
async function insertRow(payload: Payload, data: Record<string, unknown>): Promise<DeliveryRow> {
  const create = (row: Record<string, unknown>) =>
    retryWhileBusy(() => payload.db.create({ collection: slug, data: row }))
  try {
    return (await create(data)) as unknown as DeliveryRow
  } catch (error) {
    if (data.site === null) throw error
    return (await create({ ...data, site: null })) as unknown as DeliveryRow
  }
}

/**
 * Takes attempt `attempts + 1` of a pending row: one atomic UPDATE that only matches while nobody
 * else took it, leasing the row until `leaseUntil` (a crash mid-attempt leaves it due again then).
 * `null` when another instance (or timer) had it first.
 */
export async function claimAttempt(
  payload: Payload,
  row: DeliveryRow,
  leaseUntil: Date,
): Promise<DeliveryRow | null> {
  // site-scope: the queue's own rows, one by id or all due, across every site.
  const claimed = await retryWhileBusy(() =>
    payload.db.updateOne({
      collection: slug,
      where: {
        and: [
          { id: { equals: row.id } },
          { status: { equals: 'pending' } },
          { attempts: { equals: row.attempts } },
        ],
      },
      data: {
        attempts: row.attempts + 1,
        nextAttemptAt: leaseUntil.toISOString(),
        updatedAt: new Date().toISOString(),
      },
      options: { atomic: true },
    }),
  )
  return (claimed as unknown as DeliveryRow | null) ?? null
}

/** Writes the outcome of an attempt on its row. */
export async function recordOutcome(
  payload: Payload,
  id: Id,
  data: {
    status: DeliveryStatus
    lastStatus: number | null
    lastError: string | null
    nextAttemptAt: Date | null
  },
): Promise<void> {
  // site-scope: the queue's own rows, one by id or all due, across every site.
  await retryWhileBusy(() =>
    payload.db.updateOne({
      collection: slug,
      id,
      data: {
        ...data,
        nextAttemptAt: data.nextAttemptAt?.toISOString() ?? null,
        updatedAt: new Date().toISOString(),
      },
      returning: false,
    }),
  )
}

/** One row by its id; `null` once it is gone (pruned). */
export async function findDelivery(payload: Payload, id: Id): Promise<DeliveryRow | null> {
  // site-scope: the queue's own rows, one by id or all due, across every site.
  const row = await payload.db.findOne({ collection: slug, where: { id: { equals: id } } })
  return (row as unknown as DeliveryRow | null) ?? null
}

/** Pending rows due by `before` (every pending row when it is omitted). */
export async function pendingDeliveries(payload: Payload, before?: Date): Promise<DeliveryRow[]> {
  // site-scope: the queue's own rows, one by id or all due, across every site.
  const { docs } = await payload.db.find({
    collection: slug,
    where: {
      and: [
        { status: { equals: 'pending' } },
        ...(before ? [{ nextAttemptAt: { less_than_equal: before.toISOString() } }] : []),
      ],
    },
    limit: 0,
    pagination: false,
    sort: 'nextAttemptAt',
  })
  return docs as unknown as DeliveryRow[]
}

/** Deletes every row created before `before`. */
export async function pruneDeliveries(payload: Payload, before: Date): Promise<void> {
  // site-scope: pruning by age is the same for every site's rows.
  await retryWhileBusy(() =>
    payload.db.deleteMany({
      collection: slug,
      where: { createdAt: { less_than: before.toISOString() } },
    }),
  )
}
