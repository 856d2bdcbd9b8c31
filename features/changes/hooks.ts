import type { CollectionConfig, PayloadRequest } from 'payload'
import { idOf, type Id } from '../../core/ids.js'
import { SITE_FIELD } from '../../core/constants.js'
import { afterCommit } from './afterCommit.js'
import type { PublicCollection } from './collections.js'
import { emitPublicChange } from './emitter.js'
import type { PublicChange } from './types.js'

type Doc = Record<string, unknown>
type Hooks = NonNullable<CollectionConfig['hooks']>

const DRAFT_SAVES = Symbol.for('news-portal.draftSaves')
const PUBLISHED_ROWS = Symbol.for('news-portal.publishedRows')

/** The published rows read before this request's saves (`slug:id`), for their old paths. */
function publishedRows(req: PayloadRequest): Map<string, Doc> {
  const context = req.context as { [PUBLISHED_ROWS]?: Map<string, Doc> }
  return (context[PUBLISHED_ROWS] ??= new Map())
}

/** The draft-only saves running in this request (`slug:id`, `slug:*` when the id is unknown). */
function draftSaves(req: PayloadRequest): Set<string> {
  const context = req.context as { [DRAFT_SAVES]?: Set<string> }
  return (context[DRAFT_SAVES] ??= new Set())
}

const siteOf = (entry: PublicCollection, doc: Doc | undefined): Id | null =>
  (doc && idOf(entry.siteOf ? entry.siteOf(doc) : doc[SITE_FIELD])) ?? null

async function pathsOf(entry: PublicCollection, doc: Doc | undefined, req: PayloadRequest) {
  if (!doc || (entry.isPublic && !entry.isPublic(doc))) return []
  return entry.paths ? entry.paths(doc, req) : []
}

/** Emits `change` once the save is committed (listeners never see what may still roll back). */
function emitAfterCommit(req: PayloadRequest, change: PublicChange): Promise<void> {
  return afterCommit(req, () => emitPublicChange(req.payload, change))
}

/**
 * The hooks that report a collection's public changes. A draft-only save leaves the published
 * row untouched (Payload writes only a version), so it reports nothing.
 */
export function publicChangeHooks(entry: PublicCollection): Hooks {
  return {
    beforeOperation: [
      async ({ args, operation, req }) => {
        const { draft, data, id } = args as { draft?: boolean; data?: Doc; id?: Id }
        const saving = operation === 'update' || operation === 'restoreVersion'
        if (draft && saving && data?._status !== 'published') {
          draftSaves(req).add(
            `${entry.slug}:${operation === 'update' && id !== undefined ? id : '*'}`,
          )
        } else if (entry.isPublic && operation === 'update' && id !== undefined) {
          // Payload's previousDoc is the latest version (maybe a draft): the published row says the old paths.
          // site-scope: the document being saved, by its id.
          const row = await req.payload.db.findOne({
            collection: entry.slug,
            where: { id: { equals: id } },
            req,
          })
          if (row) publishedRows(req).set(`${entry.slug}:${id}`, row as Doc)
        }
        return args
      },
    ],
    afterChange: [
      async ({ doc, previousDoc, operation, req }) => {
        const marks = draftSaves(req)
        const draftOnly =
          entry.isPublic &&
          !entry.isPublic(doc) &&
          (operation === 'create' ||
            marks.has(`${entry.slug}:${doc.id}`) ||
            marks.has(`${entry.slug}:*`))
        if (draftOnly) return doc
        const row = publishedRows(req).get(`${entry.slug}:${doc.id}`)
        publishedRows(req).delete(`${entry.slug}:${doc.id}`)
        const previous = operation === 'create' ? undefined : (row ?? (previousDoc as Doc))
        await emitAfterCommit(req, {
          collection: entry.slug,
          id: doc.id,
          site: siteOf(entry, doc) ?? siteOf(entry, previous),
          operation,
          oldPaths: await pathsOf(entry, previous, req),
          newPaths: await pathsOf(entry, doc, req),
        })
        return doc
      },
    ],
    afterDelete: [
      async ({ doc, req }) => {
        if (entry.isPublic && !entry.isPublic(doc)) return doc
        await emitAfterCommit(req, {
          collection: entry.slug,
          id: doc.id,
          site: siteOf(entry, doc),
          operation: 'delete',
          oldPaths: await pathsOf(entry, doc, req),
          newPaths: [],
        })
        return doc
      },
    ],
  }
}
