import type { Payload } from 'payload'
import { visibleWriteDone } from './freshness.js'
import { COUNTER_WIDGETS_SLUG, WIDGET_KINDS } from '../../core/constants.js'
import { cacheKeyOf, onSite, type CounterSite } from './siteScope.js'

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
type Cached = { expires: number; value: Promise<Baseline> }
// Keyed by the config (every Payload instance of one deployment shares it), then by site.
const caches = new WeakMap<object, Map<string, Cached>>()
const TTL_MS = 10_000

/**
 * The baseline of the site's first enabled visitor counter (oldest first). Cached for a few
 * seconds per site, and forgotten at once when a widget changes in this process.
 */
export function loadBaseline(payload: Payload, site: CounterSite): Promise<Baseline> {
  let cache = caches.get(payload.config)
  if (!cache) caches.set(payload.config, (cache = new Map()))
  const key = cacheKeyOf(site)
  const hit = cache.get(key)
  if (hit && hit.expires > Date.now()) return hit.value
  const value = readBaseline(payload, site)
  const entry = { expires: Date.now() + TTL_MS, value }
  cache.set(key, entry)
  // Not a swallow: callers get the rejection; a failed read is only not kept for the next ones.
  value.catch(() => cache.get(key) === entry && cache.delete(key))
  return value
}

/** Forgets every site's baseline (a widget changed; it may also have moved to another site). */
export function forgetBaseline(payload: Payload): void {
  caches.delete(payload.config)
  visibleWriteDone(payload)
}

async function readBaseline(payload: Payload, site: CounterSite): Promise<Baseline> {
  const { docs } = await payload.find({
    collection: COUNTER_WIDGETS_SLUG as never,
    where: {
      and: [
        { kind: { equals: WIDGET_KINDS.visitors } },
        { enabled: { equals: true } },
        ...onSite(site),
      ],
    },
    sort: 'createdAt',
    limit: 1,
    depth: 0,
    // site-scope: scoped by onSite(site).
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
