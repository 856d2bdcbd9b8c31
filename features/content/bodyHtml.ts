import { escapeHtml as escapeHTML } from '../../core/escapeHtml.js'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import {
  convertLexicalToHTML,
  LinkHTMLConverter,
  type HTMLConvertersFunction,
} from '@payloadcms/richtext-lexical/html'
import { sanitizeUrl } from 'payload/shared'
import type { ArticlePathInput } from '../../core/types.js'
import { idKey, type Id } from '../../core/ids.js'
import { ARTICLES_SLUG, MEDIA_SLUG } from '../../core/constants.js'

/** What the renderer needs of an image. */
export interface MediaForHtml {
  id: Id
  url?: string | null
  alt?: string | null
  caption?: string | null
  width?: number | null
  height?: number | null
  mimeType?: string | null
  filename?: string | null
}

export interface BodyHtmlContext {
  /** The images the body refers to, by id, as stored: an upload node renders only these. */
  media: Map<string, MediaForHtml>
}

/**
 * Marks an internal article link in the stored `bodyHtml`: `<a data-news-portal-article="42">`.
 * Its address is filled in when the body is read, only while the target is public
 * (`resolveArticleLinks`), so a link to a draft never stores or shows the draft's slug.
 */
export const ARTICLE_LINK_ATTRIBUTE = 'data-news-portal-article'
const ARTICLE_LINK = new RegExp(
  `<a ${ARTICLE_LINK_ATTRIBUTE}="([\\w-]+)"([^>]*)>([\\s\\S]*?)</a>`,
  'g',
)
/** What an article id looks like in a marker (numbers, UUIDs, ObjectIDs); anything else is no link. */
const MARKER_ID = /^[\w-]{1,64}$/

type LexicalNode = { type?: string; children?: LexicalNode[]; [key: string]: unknown }

/** The ids of the images a body refers to, so they can be fetched in one query. */
export function collectBodyReferences(body: unknown): { mediaIds: string[] } {
  const mediaIds = new Set<string>()
  const visit = (node: LexicalNode) => {
    if (node.type === 'upload' && node.relationTo === MEDIA_SLUG) {
      const id = idKey(node.value)
      if (id) mediaIds.add(id)
    }
    node.children?.forEach(visit)
  }
  const root = (body as { root?: LexicalNode } | null | undefined)?.root
  if (root) visit(root)
  return { mediaIds: [...mediaIds] }
}

/** A media URL fit for `src`/`href`: absolute http(s), or site-relative (`/…`, not `//host`); else null. */
export function safeMediaUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null
  if (url.startsWith('/')) return /^\/[/\\]/.test(url) ? null : url
  try {
    const { protocol } = new URL(url)
    return protocol === 'http:' || protocol === 'https:' ? url : null
  } catch {
    return null
  }
}

const dimension = (value: unknown): number | null =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null

/**
 * Renders a Lexical body to safe HTML for storage: text escaped, unsafe link schemes replaced,
 * images (existing media only, with safe URLs and integer sizes) as `<figure>` with `<img alt>` and
 * `<figcaption>`, internal article links as markers that `resolveArticleLinks` completes on read.
 */
export function renderBodyHtml(body: unknown, context: BodyHtmlContext): string {
  if (!body || typeof body !== 'object' || !(body as { root?: unknown }).root) return ''
  const links = LinkHTMLConverter({})
  const converters: HTMLConvertersFunction = ({ defaultConverters }) => ({
    ...defaultConverters,
    ...links,
    link: (args) => {
      const fields = args.node.fields
      if (fields.linkType !== 'internal')
        return typeof links.link === 'function' ? links.link(args) : ''
      const children = args.nodesToHTML({ nodes: args.node.children }).join('')
      const id = fields.doc?.relationTo === ARTICLES_SLUG ? idKey(fields.doc.value) : undefined
      if (!id || !MARKER_ID.test(id)) return children
      const newTab = fields.newTab ? ' rel="noopener noreferrer" target="_blank"' : ''
      return `<a ${ARTICLE_LINK_ATTRIBUTE}="${id}"${newTab}>${children}</a>`
    },
    upload: ({ node }) => {
      const uploadNode = node as unknown as {
        value: unknown
        fields?: { caption?: string; alt?: string } | null
      }
      // Only the stored media: the node's own `value` object is whatever the client sent.
      const id = idKey(uploadNode.value)
      const media = id ? context.media.get(id) : undefined
      const url = safeMediaUrl(media?.url)
      if (!media || !url) return ''
      const alt = uploadNode.fields?.alt || media.alt || ''
      const caption = uploadNode.fields?.caption || media.caption || ''
      if (media.mimeType && !media.mimeType.startsWith('image/')) {
        return `<a href="${escapeHTML(url)}">${escapeHTML(media.filename ?? url)}</a>`
      }
      const [width, height] = [dimension(media.width), dimension(media.height)]
      const size = width && height ? ` width="${width}" height="${height}"` : ''
      const img = `<img src="${escapeHTML(url)}" alt="${escapeHTML(alt)}"${size} loading="lazy" />`
      return `<figure>${img}${caption ? `<figcaption>${escapeHTML(caption)}</figcaption>` : ''}</figure>`
    },
  })
  return convertLexicalToHTML({
    data: body as SerializedEditorState,
    converters,
    disableContainer: true,
  })
}

/** The article ids the internal links of a stored `bodyHtml` point to. */
export function linkedArticleIds(html: string): string[] {
  if (!html.includes(ARTICLE_LINK_ATTRIBUTE)) return []
  return [...new Set([...html.matchAll(ARTICLE_LINK)].map((match) => match[1]))]
}

/**
 * Completes the internal links of a stored `bodyHtml`: a link whose target has a public path gets
 * it as `href`; any other (a draft, scheduled, expired or deleted article) becomes its text only.
 */
export function resolveArticleLinks(html: string, publicPaths: Map<string, string>): string {
  if (!html.includes(ARTICLE_LINK_ATTRIBUTE)) return html
  return html.replace(ARTICLE_LINK, (_, id: string, attributes: string, children: string) => {
    const path = publicPaths.get(id)
    return path
      ? `<a href="${escapeHTML(sanitizeUrl(path))}"${attributes}>${children}</a>`
      : children
  })
}

/** Default public path of an article: `/{primary-category-slug}/{article-slug}`. */
export function defaultArticlePath({ slug, primaryCategorySlug }: ArticlePathInput): string {
  return primaryCategorySlug ? `/${primaryCategorySlug}/${slug ?? ''}` : `/${slug ?? ''}`
}
