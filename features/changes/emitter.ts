import type { Payload } from 'payload'
import { perOwner } from '../../core/batch.js'
import type { PublicChange, PublicChangeListener } from './types.js'

// Keyed by the config: every Payload instance of one config in a process (a route handler's and a
// script's) shares the listeners, so a change made through either reaches the same cache.
const listenersOf = perOwner((_config: object) => new Set<PublicChangeListener>())

/** Calls `listener` after every committed public change; returns what unsubscribes it. */
export function onPublicChange(payload: Payload, listener: PublicChangeListener): () => void {
  const listeners = listenersOf(payload.config)
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Tells every listener; one that fails is logged and never fails the save that caused it. */
export async function emitPublicChange(payload: Payload, change: PublicChange): Promise<void> {
  for (const listener of [...listenersOf(payload.config)]) {
    try {
      await listener(change, payload)
    } catch (error) {
      payload.logger.error({ err: error, msg: `news-portal: a public-change listener failed` })
    }
  }
}
