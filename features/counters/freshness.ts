import type { Payload } from 'payload'
import { perOwner } from '../../core/batch.js'

/**
 * A counter per site (per config, shared by every Payload instance of it in this process) of
 * completed writes that change what VisitorStats shows. A stats read made after the last such
 * write is as fresh as a new one, so readers may share it.
 */
const writes = perOwner((_config: object) => ({ n: 0 }))
const counterFor = (payload: Payload) => writes(payload.config)

/** Call after a write that changes the visitor figures has completed (or failed half-way). */
export function visibleWriteDone(payload: Payload): void {
  counterFor(payload).n += 1
}

export function visibleWrites(payload: Payload): number {
  return counterFor(payload).n
}
