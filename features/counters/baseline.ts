import type { Payload } from 'payload'
import { visibleWriteDone } from './freshness.js'
import { COUNTER_WIDGETS_SLUG, WIDGET_KINDS } from '../../core/constants.js'

/** The history a site brought from its previous CMS, added to the live figures. */
export interface Baseline {
  total: number
  /** `YYYY-MM` → visits of that month. */
  months: Map<string, number>
  /** `YYYY-MM-DD` of `dayVisits`. */
  day: string | null
  dayVisits: number
}

const empty: Baseline = { total: 0, months: new Map(), day: null, dayVisits: 0 }
// Keyed by the config: every Payload instance of one site (Local API, route handlers) shares it.
const cache = new WeakMap<object, { expires: number; value: Promise<Baseline> }>()
const TTL_MS = 10_000

/**
 * The baseline of the first enabled visitor counter (oldest first). Cached for a few seconds per
 * Payload instance, and forgotten at once when a widget changes in this process.
 */
export function loadBaseline(payload: Payload): Promise<Baseline> {
  const hit = cache.get(payload.config)
  if (hit && hit.expires > Date.now()) return hit.value
  const value = readBaseline(payload)
  cache.set(payload.config, { expires: Date.now() + TTL_MS, value })
  // Not a swallow: callers get the rejection; a failed read is only not kept for the next ones.
  value.catch(() => cache.delete(payload.config))
  return value
}

export function forgetBaseline(payload: Payload): void {
  cache.delete(payload.config)
  visibleWriteDone(payload)
}

async function readBaseline(payload: Payload): Promise<Baseline> {
  const { docs } = await payload.find({
    collection: COUNTER_WIDGETS_SLUG as never,
    where: { and: [{ kind: { equals: WIDGET_KINDS.visitors } }, { enabled: { equals: true } }] },
    sort: 'createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const baseline = (docs[0] as { baseline?: Record<string, unknown> } | undefined)?.baseline
  if (!baseline) return empty
  const months = new Map<string, number>()
  for (const row of (baseline.months ?? []) as Array<{ month?: string; visits?: number }>) {
    if (row.month) months.set(row.month, (months.get(row.month) ?? 0) + (Number(row.visits) || 0))
  }
  return {
    total: Number(baseline.total) || 0,
    months,
    day: typeof baseline.day === 'string' && baseline.day ? baseline.day : null,
    dayVisits: Number(baseline.dayVisits) || 0,
  }
}
