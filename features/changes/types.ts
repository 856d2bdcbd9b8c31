import type { Payload } from 'payload'
import type { Id } from '../../core/ids.js'

/** What changed in public content: one document, its site and the public paths it had and has. */
export interface PublicChange {
  collection: string
  id: Id
  /** The document's site; `null` for what every site shows (media, shared authors and sources, sites). */
  site: Id | null
  operation: 'create' | 'update' | 'delete'
  /** The public paths the document had before the change (empty when it had none). */
  oldPaths: string[]
  /** The public paths it has after the change (empty once deleted or unpublished). */
  newPaths: string[]
}

export type PublicChangeListener = (change: PublicChange, payload: Payload) => void | Promise<void>
