import { isSiteLocale } from '../../../../../../lib/locales.js'
import { offlineArticle } from '../../../../../../lib/offlineArticle.js'
import { articlePath } from '../../../../../../lib/paths.js'
import { printableArticle, serverEndpoint } from '../../../../../../lib/portal.js'

type Params = Promise<{ site: string; lang: string; category: string; slug: string }>

/** `/{category}/{slug}/luu`: "Lưu bài viết", the article as one HTML file that opens offline. */
export async function GET(request: Request, { params }: { params: Params }) {
  const { site, lang, category, slug } = await params
  if (!isSiteLocale(lang)) return new Response('Unknown language.', { status: 404 })
  const data = await printableArticle(site, lang, slug)
  if (!data)
    return new Response(`No article has the address /${category}/${slug}.`, {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    })
  const path = articlePath(lang, data.article, category)
  const html = await offlineArticle({
    site: data.site,
    article: data.article,
    locale: lang,
    address: new URL(path, data.site.siteUrl ?? new URL(request.url).origin).toString(),
    mediaOrigin: new URL(serverEndpoint()).origin,
  })
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-disposition': `attachment; filename="${data.article.slug}.html"`,
      'cache-control': 'public, max-age=300',
    },
  })
}
