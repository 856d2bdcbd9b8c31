import type { CollectionBeforeChangeHook } from 'payload'
import { idOf } from '../../../core/ids.js'

/** Keeps `primaryCategory` equal to the first of `categories`, so lists and neighbours can query it directly. */
export const setPrimaryCategory: CollectionBeforeChangeHook = ({ data }) => {
  if (!('categories' in data)) {
    delete data.primaryCategory
    return data
  }
  const first = Array.isArray(data.categories) ? data.categories[0] : undefined
  data.primaryCategory = idOf(first) ?? null
  return data
}
