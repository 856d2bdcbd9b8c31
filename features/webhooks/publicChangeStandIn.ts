/*
 * STAND-IN, REPLACED AT MERGE by features/changes/ (issue 14, the one place that detects public
 * changes). Only `PublicChange` and `onPublicChange` are used by the webhooks; the integrator
 * swaps the import in features/webhooks/index.ts and drops `withPublicChangeStandIn` from
 * plugin/index.ts. Minimal on purpose: an article is public when published (its time window and
 * a draft saved over a published version are not told apart), only articles and categories have paths.
 */
import type { CollectionConfig, Payload, PayloadRequest } from 'payload'
import {
  ARTICLES_SLUG,
  AUTHORS_SLUG,
  CATEGORIES_SLUG,
  COUNTER_WIDGETS_SLUG,
  MEDIA_SLUG,
  SITE_FIELD,
  SITES_SLUG,
  SOURCES_SLUG,
} from '../../core/constants.js'
import { perOwner } from '../../core/batch.js'
import { idOf } from '../../core/ids.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'

export interface PublicChange {
  collection: string
  id: string | number
  site: string | number | null
  operation: 'create' | 'update' | 'delete'
  oldPaths: string[]
  newPaths: string[]
}

type Listener = (change: PublicChange) => void | Promise<void>

const listenersOf = perOwner((_payload: Payload) => new Set<Listener>())

/** Calls `listener` on every public change of this Payload instance; returns the unsubscribe. */
export function onPublicChange(payload: Payload, listener: Listener): () => void {
  const listeners = listenersOf(payload)
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

const WATCHED = [
  ARTICLES_SLUG,
  CATEGORIES_SLUG,
  AUTHORS_SLUG,
  SOURCES_SLUG,
  MEDIA_SLUG,
  COUNTER_WIDGETS_SLUG,
  SITES_SLUG,
]

type Doc = Record<string, unknown>

async function pathsOf(
  collection: string,
  doc: Doc | undefined,
  req: PayloadRequest,
  options: ResolvedNewsPortalOptions,
): Promise<string[]> {
  if (!doc) return []
  if (collection === CATEGORIES_SLUG) return typeof doc.slug === 'string' ? [`/${doc.slug}`] : []
  if (collection !== ARTICLES_SLUG || doc._status !== 'published') return []
  const categoryId = idOf(doc.primaryCategory)
  // site-scope: the article's own primary category (its site's), read for its path.
  const category =
    categoryId === undefined
      ? null
      : await req.payload.findByID({
          collection: CATEGORIES_SLUG as never,
          id: categoryId,
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
          req,
        })
  const primaryCategorySlug = (category as { slug?: string } | null)?.slug ?? null
  return [options.articlePath({ slug: doc.slug as string | undefined, primaryCategorySlug })]
}

async function announce(
  req: PayloadRequest,
  collection: string,
  operation: PublicChange['operation'],
  doc: Doc,
  previousDoc: Doc | undefined,
  options: ResolvedNewsPortalOptions,
): Promise<void> {
  const listeners = listenersOf(req.payload)
  if (!listeners.size) return
  const wasPublic = collection !== ARTICLES_SLUG || previousDoc?._status === 'published'
  const isPublic = collection !== ARTICLES_SLUG || doc._status === 'published'
  if (operation === 'delete' ? !isPublic : !isPublic && !(previousDoc && wasPublic)) return
  const change: PublicChange = {
    collection,
    id: doc.id as string | number,
    site: collection === SITES_SLUG ? (doc.id as string | number) : (idOf(doc[SITE_FIELD]) ?? null),
    operation,
    oldPaths:
      operation === 'delete'
        ? await pathsOf(collection, doc, req, options)
        : await pathsOf(collection, previousDoc, req, options),
    newPaths: operation === 'delete' ? [] : await pathsOf(collection, doc, req, options),
  }
  for (const listener of listeners) {
    try {
      await listener(change)
    } catch (error) {
      req.payload.logger.error({ err: error, msg: 'public change listener failed' })
    }
  }
}

/** `collection` with the stand-in's hooks when it is one whose changes are public. */
export function withPublicChangeStandIn(
  collection: CollectionConfig,
  options: ResolvedNewsPortalOptions,
): CollectionConfig {
  if (options.disabled || !WATCHED.includes(collection.slug)) return collection
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      afterChange: [
        ...(hooks.afterChange ?? []),
        async ({ doc, previousDoc, operation, req }) => {
          const before = operation === 'update' ? (previousDoc as Doc) : undefined
          await announce(req, collection.slug, operation, doc as Doc, before, options)
          return doc
        },
      ],
      afterDelete: [
        ...(hooks.afterDelete ?? []),
        async ({ doc, req }) => {
          await announce(req, collection.slug, 'delete', doc as Doc, undefined, options)
        },
      ],
    },
  }
}
