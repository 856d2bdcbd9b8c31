import { escapeHtml as escapeHTML } from '../../core/escapeHtml.js'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import {
  convertLexicalToHTML,
  LinkHTMLConverter,
  type HTMLConvertersFunction,
} from '@payloadcms/richtext-lexical/html'
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
  /** Images by id, for upload nodes that hold only an id. */
  media: Map<string, MediaForHtml>
  /** Public paths of linked articles by id. */
  articlePaths: Map<string, string>
}

type LexicalNode = { type?: string; children?: LexicalNode[]; [key: string]: unknown }

/** The ids of the images and the linked articles a body refers to, so they can be fetched in one query each. */
export function collectBodyReferences(body: unknown): { mediaIds: string[]; articleIds: string[] } {
  const mediaIds = new Set<string>()
  const articleIds = new Set<string>()
  const visit = (node: LexicalNode) => {
    if (node.type === 'upload' && node.relationTo === MEDIA_SLUG) {
      const id = idKey(node.value)
      if (id) mediaIds.add(id)
    }
    if (node.type === 'link') {
      const fields = node.fields as
        { linkType?: string; doc?: { relationTo?: string; value?: unknown } } | undefined
      if (fields?.linkType === 'internal' && fields.doc?.relationTo === ARTICLES_SLUG) {
        const id = idKey(fields.doc.value)
        if (id) articleIds.add(id)
      }
    }
    node.children?.forEach(visit)
  }
  const root = (body as { root?: LexicalNode } | null | undefined)?.root
  if (root) visit(root)
  return { mediaIds: [...mediaIds], articleIds: [...articleIds] }
}

/**
 * Renders a Lexical body to safe HTML: text escaped, unsafe link schemes replaced,
 * images as `<figure>` with `<img alt>` and `<figcaption>`, internal article links as public paths.
 */
export function renderBodyHtml(body: unknown, context: BodyHtmlContext): string {
  if (!body || typeof body !== 'object' || !(body as { root?: unknown }).root) return ''
  const converters: HTMLConvertersFunction = ({ defaultConverters }) => ({
    ...defaultConverters,
    ...LinkHTMLConverter({
      internalDocToHref: ({ linkNode }) => {
        const id = idKey(linkNode.fields.doc?.value)
        return (id && context.articlePaths.get(id)) || '#'
      },
    }),
    upload: ({ node }) => {
      const uploadNode = node as unknown as {
        value: unknown
        fields?: { caption?: string; alt?: string } | null
      }
      const id = idKey(uploadNode.value)
      const fromValue =
        typeof uploadNode.value === 'object' ? (uploadNode.value as MediaForHtml) : undefined
      const media = (id && context.media.get(id)) || fromValue
      if (!media?.url) return ''
      const alt = uploadNode.fields?.alt || media.alt || ''
      const caption = uploadNode.fields?.caption || media.caption || ''
      if (media.mimeType && !media.mimeType.startsWith('image/')) {
        return `<a href="${escapeHTML(media.url)}">${escapeHTML(media.filename ?? media.url)}</a>`
      }
      const size =
        media.width && media.height ? ` width="${media.width}" height="${media.height}"` : ''
      const img = `<img src="${escapeHTML(media.url)}" alt="${escapeHTML(alt)}"${size} loading="lazy" />`
      return `<figure>${img}${caption ? `<figcaption>${escapeHTML(caption)}</figcaption>` : ''}</figure>`
    },
  })
  return convertLexicalToHTML({
    data: body as SerializedEditorState,
    converters,
    disableContainer: true,
  })
}

/** Default public path of an article: `/{primary-category-slug}/{article-slug}`. */
export function defaultArticlePath({ slug, primaryCategorySlug }: ArticlePathInput): string {
  return primaryCategorySlug ? `/${primaryCategorySlug}/${slug ?? ''}` : `/${slug ?? ''}`
}
