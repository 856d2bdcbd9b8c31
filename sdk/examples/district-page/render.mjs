// Renders one article page of a district portal as static HTML, with news-portal-sdk only.
// Usage (from the repository root, the demo app running): see README.md beside this file.
import { writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { createPortalClient, formatCount, formatDateLine, ratingLine } from 'news-portal-sdk'

const TIME_ZONE = 'Asia/Ho_Chi_Minh'

const escapeHtml = (text) =>
  String(text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  )

/** `/tin-tuc-su-kien/hoi-thao-...`: the public path of an article (its primary category, then its slug). */
const articlePath = (article) =>
  `/${article.primaryCategory?.slug ?? article.categories?.[0]?.slug ?? 'tin-tuc'}/${article.slug}`

/** "16:15:52, 23/11/2024" in the site time zone, as the dossier panel shows it. */
function updatedLine(iso) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      hourCycle: 'h23',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  )
  return `${parts.hour}:${parts.minute}:${parts.second}, ${parts.day}/${parts.month}/${parts.year}`
}

/**
 * The body's media (`src="/api/media/file/…"`) is relative to the portal, not to the page: the page
 * is served from another origin (or opened as a file), so make those URLs absolute on `portalOrigin`.
 */
const absoluteMedia = (html, portalOrigin) =>
  portalOrigin
    ? html.replace(/\b(src|srcset)="\/(?!\/)/g, (_, attribute) => `${attribute}="${portalOrigin}/`)
    : html

const articleList = (heading, articles) =>
  articles.length
    ? `<section class="related"><h2>${heading}</h2><ul>${articles
        .map(
          (a) =>
            `<li><a href="${escapeHtml(articlePath(a))}">${escapeHtml(a.title)}</a> <time datetime="${a.publishedAt}">(${escapeHtml(formatDateLine(a.publishedAt).split(' - ')[1].split(' ')[0])})</time></li>`,
        )
        .join('')}</ul></section>`
    : `<section class="related"><h2>${heading}</h2></section>`

function dossierPanel(panel) {
  if (!panel) return ''
  const [year, month] = (panel.period ?? '').split('-')
  const rate = (value) => (value === null ? '–' : `${value}%`)
  return `<aside class="dossier">
  <h2>${escapeHtml(panel.title)}</h2>
  ${year ? `<p>Đến tháng ${escapeHtml(month)}/${escapeHtml(year)}</p>` : ''}
  <p>${escapeHtml(panel.agency ?? '')} đã giải quyết</p>
  <p class="rate">${rate(panel.onTimeRate)}</p>
  <p>hồ sơ đúng hạn.</p>
  <ul>${panel.levels.map((level) => `<li>${escapeHtml(level.label)}: ${formatCount(level.count)}</li>`).join('')}</ul>
  <ul>
    <li>Đã tiếp nhận: ${formatCount(panel.received)}</li>
    <li>Đã giải quyết: ${formatCount(panel.resolved)}</li>
    <li>Quá hạn: ${formatCount(panel.overdue)} - ${rate(panel.overdueRate)}</li>
    <li>Trước &amp; đúng hạn: ${formatCount(panel.onTime)} - ${rate(panel.onTimeRate)}</li>
  </ul>
  ${panel.updatedAt ? `<p class="updated">(tự động cập nhật vào lúc ${updatedLine(panel.updatedAt)})</p>` : ''}
</aside>`
}

function visitorCounter(stats) {
  const rows = [
    ['Đang truy cập', stats.online],
    ['Hôm nay', stats.today],
    ['Tháng hiện tại', stats.thisMonth],
    ['Tháng trước', stats.lastMonth],
    ['Tổng lượt truy cập', stats.total],
  ]
  return `<aside class="visitors"><ul>${rows.map(([label, count]) => `<li><span>${label}</span> <strong>${formatCount(count)}</strong></li>`).join('')}</ul></aside>`
}

/** The whole page as HTML, from what the SDK returned. `portalOrigin` (e.g. `http://localhost:3000`) makes the body's media URLs absolute. */
export function renderPage({ siteName, page, visitors, dossier, portalOrigin = '' }) {
  const { article, newer, older } = page
  const authors = (article.authors ?? [])
    .map((a) => a.name)
    .concat(article.byline ? [article.byline] : [])
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>${escapeHtml(article.title)} - ${escapeHtml(siteName)}</title></head>
<body>
<header><p class="site">${escapeHtml(siteName)}</p></header>
<main>
<article>
  <h1>${escapeHtml(article.title)}</h1>
  <p class="date-line"><time datetime="${article.publishedAt}">${formatDateLine(article.publishedAt, { timeZone: TIME_ZONE })}</time></p>
  ${article.lead ? `<p class="lead"><strong>${escapeHtml(article.lead)}</strong></p>` : ''}
  <div class="body">${absoluteMedia(article.bodyHtml ?? '', portalOrigin)}</div>
  ${authors.length ? `<p class="author">Tác giả: ${escapeHtml(authors.join(', '))}</p>` : ''}
  ${article.source ? `<p class="source">Nguồn tin: ${escapeHtml(article.source.title)}</p>` : ''}
  ${article.rating ? `<p class="rating">${escapeHtml(ratingLine(article.rating))}</p>` : ''}
</article>
${articleList('Những tin mới hơn', newer)}
${articleList('Những tin cũ hơn', older)}
</main>
${dossierPanel(dossier)}
${visitors ? visitorCounter(visitors) : ''}
</body>
</html>
`
}

/** Fetches what one article page needs: the page itself (one request), the visitor counter and the dossier panel, in parallel. */
export async function loadPage(portal, slug, { signal } = {}) {
  const [page, visitors, dossier] = await Promise.all([
    portal.articles.page(slug, { neighbors: 5, signal }),
    portal.widgets.visitors({ signal }),
    portal.widgets.dossierStats(undefined, { signal }),
  ])
  return page ? { page, visitors, dossier } : null
}

async function main() {
  const args = Object.fromEntries(
    process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')),
  )
  const endpoint =
    args.endpoint ?? process.env.PORTAL_ENDPOINT ?? 'http://localhost:3000/api/graphql'
  const slug = args.slug ?? 'hoi-thao-chia-se-kinh-nghiem-thuc-hien-cac-tieu-du-an-cong-dong'
  const portal = createPortalClient({ endpoint, locale: 'vi' })
  const loaded = await loadPage(portal, slug)
  if (!loaded) {
    console.error(`No public article "${slug}" at ${endpoint}.`)
    process.exitCode = 1
    return
  }
  const html = renderPage({
    siteName: args.site ?? 'Trang Thông tin điện tử huyện Than Uyên',
    portalOrigin: new URL(endpoint).origin,
    ...loaded,
  })
  if (args.out) {
    writeFileSync(args.out, html)
    console.error(`Wrote ${args.out} (${html.length} characters).`)
  } else {
    process.stdout.write(html)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error.code ? `${error.code}: ${error.message}` : error)
    process.exitCode = 1
  })
}
