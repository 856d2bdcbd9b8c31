import { ARTICLES_SLUG, MEDIA_SLUG } from './constants.js'
import type { Id } from './ids.js'

/** Small builders for Lexical rich-text JSON, for seeds, imports and tests. */

export interface LexicalRoot {
  root: { type: 'root'; children: unknown[]; direction: 'ltr'; format: ''; indent: 0; version: 1 }
}

export function richText(...children: unknown[]): LexicalRoot {
  return { root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } }
}

export function textNode(text: string, format = 0) {
  return { type: 'text', text, format, detail: 0, mode: 'normal', style: '', version: 1 }
}

export function paragraph(...children: Array<string | object>) {
  return {
    type: 'paragraph',
    children: children.map((child) => (typeof child === 'string' ? textNode(child) : child)),
    direction: 'ltr',
    format: '',
    indent: 0,
    textFormat: 0,
    version: 1,
  }
}

let nodeCounter = 0
/** An image from the `media` collection, with an optional caption for this use of it. */
export function imageNode(mediaId: Id, caption?: string) {
  nodeCounter += 1
  return {
    type: 'upload',
    relationTo: MEDIA_SLUG,
    value: mediaId,
    fields: caption ? { caption } : {},
    format: '',
    id: `img${Date.now().toString(36)}${nodeCounter}`,
    version: 3,
  }
}

/** A link to a URL, or to another article (`{ articleId }`). */
export function linkNode(target: { url: string } | { articleId: Id }, text: string) {
  const fields =
    'url' in target
      ? { linkType: 'custom', url: target.url, newTab: false }
      : {
          linkType: 'internal',
          doc: { relationTo: ARTICLES_SLUG, value: target.articleId },
          newTab: false,
        }
  return {
    type: 'link',
    children: [textNode(text)],
    direction: 'ltr',
    format: '',
    indent: 0,
    version: 3,
    fields,
  }
}
