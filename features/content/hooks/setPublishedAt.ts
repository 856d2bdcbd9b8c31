import type { CollectionBeforeChangeHook } from 'payload'

/** Publishing an article without a publication time stamps it with the current time. */
export const setPublishedAt: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data._status === 'published' && !data.publishedAt && !originalDoc?.publishedAt) {
    data.publishedAt = new Date().toISOString()
  }
  return data
}
