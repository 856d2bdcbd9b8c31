import { formatDateLine, type ArticleWithStats, type PortalSite } from 'news-portal-sdk'
import { authorsLine } from './authors.js'
import type { SiteLocale } from './locales.js'
import { wordsFor } from './words.js'

const MAX_IMAGE_BYTES = 5_000_000

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** An image of the body as a data: URI, so the saved file needs no network; `null` when it cannot be fetched. */
async function inlineImage(src: string, origin: string): Promise<string | null> {
  try {
    const url = new URL(src, origin)
    // Only the portal's own media: the saved file never embeds what a third party serves.
    if (url.origin !== new URL(origin).origin) return null
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) })
    const type = response.headers.get('content-type') ?? ''
    if (!response.ok || !type.startsWith('image/')) return null
    const bytes = Buffer.from(await response.arrayBuffer())
    if (bytes.length > MAX_IMAGE_BYTES) return null
    return `data:${type.split(';')[0]};base64,${bytes.toString('base64')}`
  } catch {
    return null
  }
}

/** The body with every `<img src>` of the portal's media inlined. */
async function withInlineImages(html: string, origin: string): Promise<string> {
  const sources = [...new Set([...html.matchAll(/<img\b[^>]*?\ssrc="([^"]+)"/g)].map((m) => m[1]))]
  const inlined = new Map(
    await Promise.all(
      sources.map(
        async (src) => [src, await inlineImage(src.replace(/&amp;/g, '&'), origin)] as const,
      ),
    ),
  )
  return html.replace(/(<img\b[^>]*?\ssrc=")([^"]+)(")/g, (whole, before, src, after) => {
    const data = inlined.get(src)
    return data ? `${before}${data}${after}` : whole
  })
}

const STYLE = `body{font-family:"Be Vietnam Pro",Arial,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1a1a1a}
h1{font-size:1.6rem;line-height:1.3;color:#0b3d6e}.date-line{color:#555}.lead{font-weight:700}
figure{margin:1rem 0}img{max-width:100%;height:auto}figcaption{font-style:italic;text-align:center;color:#444}
footer{border-top:1px solid #ccc;margin-top:2rem;padding-top:.5rem;font-size:.9rem;color:#444}`

/**
 * "Lưu bài viết": one self-contained HTML file (styles inline, images as data: URIs) that any
 * browser, phone or word processor opens offline, keeping the captions and the Vietnamese text.
 */
export async function offlineArticle({
  site,
  article,
  locale,
  address,
  mediaOrigin,
}: {
  site: PortalSite
  article: ArticleWithStats
  locale: SiteLocale
  /** The article's public address, printed at the foot. */
  address: string
  /** Where the body's relative image addresses are fetched from. */
  mediaOrigin: string
}): Promise<string> {
  const words = wordsFor(locale)
  const timeZone = site.timeZone ?? undefined
  const authors = authorsLine(article)
  const body = article.bodyHtml ? await withInlineImages(article.bodyHtml, mediaOrigin) : ''
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(article.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<p>${escapeHtml(site.name)}</p>
<h1>${escapeHtml(article.title)}</h1>
${article.publishedAt ? `<p class="date-line">${escapeHtml(formatDateLine(article.publishedAt, { timeZone }))}</p>` : ''}
${article.lead ? `<p class="lead">${escapeHtml(article.lead)}</p>` : ''}
${body}
${authors ? `<p><strong>${words.author}:</strong> ${escapeHtml(authors)}</p>` : ''}
${article.source ? `<p><strong>${words.source}:</strong> ${escapeHtml(article.source.title)}</p>` : ''}
<footer><p>${words.printedFrom}: ${escapeHtml(address)}</p></footer>
</body>
</html>
`
}
