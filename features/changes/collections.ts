import type { PayloadRequest } from 'payload'
import {
  ARTICLES_SLUG,
  AUTHORS_SLUG,
  CATEGORIES_SLUG,
  COUNTER_WIDGETS_SLUG,
  MEDIA_SLUG,
  PAGES_SLUG,
  SITES_SLUG,
  SOURCES_SLUG,
  TOPICS_SLUG,
} from '../../core/constants.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { articlePaths } from './paths.js'

type Doc = Record<string, unknown>

/** A collection whose documents can appear in a public answer, and how to address them. */
export interface PublicCollection {
  slug: string
  /** The public paths of a document as the site addresses it; none by default. */
  paths?: (doc: Doc, req: PayloadRequest) => Promise<string[]> | string[]
  /** The site a document belongs to. Default: its `site` field (a site is its own). */
  siteOf?: (doc: Doc) => unknown
  /** Whether readers can see the document at all (a draft-only article cannot). Default: always. */
  isPublic?: (doc: Doc) => boolean
}

const published = (doc: Doc) => doc._status === 'published'
const slugPath =
  (prefix = '') =>
  (doc: Doc) =>
    typeof doc.slug === 'string' && doc.slug ? [`${prefix}/${doc.slug}`] : []

/**
 * Every collection whose changes reach readers. A later collection (pages, topics) adds one line
 * here.
 */
export function publicCollections(options: ResolvedNewsPortalOptions): PublicCollection[] {
  return [
    {
      slug: ARTICLES_SLUG,
      isPublic: published,
      paths: (doc, req) => articlePaths(doc, req, options),
    },
    { slug: CATEGORIES_SLUG, paths: slugPath() },
    // Standing pages and topics (issue 15), at the addresses the reference site gives them.
    { slug: PAGES_SLUG, isPublic: published, paths: slugPath('/trang') },
    { slug: TOPICS_SLUG, paths: slugPath('/chu-de') },
    { slug: AUTHORS_SLUG },
    { slug: SOURCES_SLUG },
    { slug: MEDIA_SLUG },
    { slug: COUNTER_WIDGETS_SLUG },
    { slug: SITES_SLUG, siteOf: (doc) => doc.id },
  ]
}
