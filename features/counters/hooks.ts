import type { CollectionAfterDeleteHook, CollectionBeforeChangeHook } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { countFields } from './dossier.js'
import { WIDGET_KINDS } from '../../core/constants.js'
import { deleteArticleViews } from './store.js'

const figureFields = [...countFields, 'levels', 'agency', 'period'] as const

/** Stamps a dossier panel's `figuresUpdatedAt` when an editor changes its figures without setting it. */
export const stampFiguresUpdatedAt =
  (options: ResolvedNewsPortalOptions): CollectionBeforeChangeHook =>
  ({ data, originalDoc, operation, context }) => {
    if (context?.dossierSync || data?.kind !== WIDGET_KINDS.dossierStats) return data
    const changed =
      operation === 'create' ||
      figureFields.some(
        (field) =>
          field in data &&
          JSON.stringify(comparable(data[field])) !==
            JSON.stringify(comparable(originalDoc?.[field])),
      )
    const setByEditor =
      data.figuresUpdatedAt && data.figuresUpdatedAt !== originalDoc?.figuresUpdatedAt
    if (changed && !setByEditor) data.figuresUpdatedAt = options.counters.now().toISOString()
    return data
  }

/** Array rows carry ids that differ between the incoming data and the stored document. */
function comparable(value: unknown): unknown {
  if (!Array.isArray(value)) return value ?? null
  return value.map((row) =>
    row && typeof row === 'object' ? { label: row.label, count: row.count } : row,
  )
}

/** A deleted article's views go with it, so a later article given the same id (SQLite reuses ids) starts at 0. */
export const deleteArticleViewCounts: CollectionAfterDeleteHook = async ({ id, req }) => {
  await deleteArticleViews(req.payload, id, req)
}
