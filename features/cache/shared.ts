import type { Payload } from 'payload'
import { CACHE_GENERATIONS_SLUG } from '../../core/constants.js'
import { incrementRow } from '../../core/database.js'
import { forgetSites } from '../sites/registry.js'
import { ALL_SITES, invalidate, type CacheState } from './state.js'

/**
 * Raises the shared generation of `siteKey`, so every other instance drops that site's answers.
 * When no other instance moved it since this one last looked, this instance's own poll skips it.
 */
export async function signalChange(
  payload: Payload,
  state: CacheState,
  siteKey: string,
): Promise<void> {
  // site-scope: the row is the site's own (its key is the site's id, or `*`).
  const row = await incrementRow(payload, {
    collection: CACHE_GENERATIONS_SLUG,
    where: { key: { equals: siteKey } },
    inc: { generation: 1 },
    create: { key: siteKey, generation: 1 },
    uniqueField: 'key',
  })
  const generation = Number(row?.generation)
  // No other instance moved it since this one last looked: its own poll need not drop it again.
  if ((state.seen.get(siteKey) ?? 0) === generation - 1) state.seen.set(siteKey, generation)
}

/**
 * Reads the shared generations every `pollIntervalMs` and invalidates each site whose generation
 * moved since the last read (its own signals included: one extra miss, never a stale answer).
 * Returns what stops it.
 */
export function watchSharedSignal(payload: Payload, state: CacheState): () => void {
  const { seen } = state
  let first = true
  let running = false
  let stopped = false
  const poll = async () => {
    if (running || stopped) return
    running = true
    try {
      // site-scope: one row per site, every site's row is read.
      const { docs } = await payload.db.find({
        collection: CACHE_GENERATIONS_SLUG,
        limit: 0,
        pagination: false,
      })
      for (const row of docs as unknown as Array<{ key: string; generation: number }>) {
        const generation = Number(row.generation)
        const before = seen.get(row.key)
        // Never backwards: a read that started before this instance's own signal may arrive after it.
        if (before !== undefined && generation <= before) continue
        if (!first) {
          invalidate(state, row.key)
          // A site changed elsewhere: this instance's list of sites (kept 2 s) is read again too.
          if (row.key === ALL_SITES) forgetSites(payload)
        }
        seen.set(row.key, generation)
      }
      first = false
    } catch (error) {
      if (!stopped)
        payload.logger.warn({ err: error, msg: 'news-portal: reading the cache signal failed' })
    } finally {
      running = false
    }
  }
  void poll()
  const timer = setInterval(() => void poll(), state.settings.pollIntervalMs)
  timer.unref?.()
  return () => {
    stopped = true
    clearInterval(timer)
  }
}
