'use client'
import { useEffect, useState } from 'react'
import { usePathname } from 'next/navigation'
import { browserSession, formatCount, type VisitorStats } from 'news-portal-sdk'
import { browserPortal } from '../lib/browserPortal.js'
import type { Words } from '../lib/words.js'

const RECORDED_KEY = 'news-portal.site.recorded'
const REFRESH_MS = 60_000

/** The paths this browser session has already counted (sessionStorage: gone with the tab). */
function firstVisitOf(path: string): boolean {
  try {
    const recorded = new Set<string>(JSON.parse(sessionStorage.getItem(RECORDED_KEY) ?? '[]'))
    if (recorded.has(path)) return false
    recorded.add(path)
    sessionStorage.setItem(RECORDED_KEY, JSON.stringify([...recorded]))
  } catch {
    // No storage (private mode): the server still counts one visit per session id.
  }
  return true
}

/**
 * The visitor counter. The server renders the figures the static page was built with; the browser
 * records this page's visit once per session (with the reader's own session id) and keeps the
 * figures fresh.
 */
export function VisitorCounter({
  site,
  initial,
  words,
}: {
  site: string
  initial: VisitorStats
  words: Pick<Words, 'visitors' | 'online' | 'today' | 'thisMonth' | 'lastMonth' | 'total'>
}) {
  const [stats, setStats] = useState(initial)
  const path = usePathname()

  useEffect(() => {
    const portal = browserPortal(site)
    const first = firstVisitOf(path)
    // The article page marks its article, so the visit also counts as one of its views.
    const article = document.querySelector<HTMLElement>('[data-article-id]')?.dataset.articleId
    const refresh = first
      ? portal.visits.record({ session: browserSession(), path, article })
      : portal.widgets.visitors()
    refresh.then(setStats).catch(() => undefined)
    const timer = setInterval(() => {
      portal.widgets
        .visitors()
        .then(setStats)
        .catch(() => undefined)
    }, REFRESH_MS)
    return () => clearInterval(timer)
  }, [site, path])

  const rows: Array<[string, number]> = [
    [words.online, stats.online],
    [words.today, stats.today],
    [words.thisMonth, stats.thisMonth],
    [words.lastMonth, stats.lastMonth],
    [words.total, stats.total],
  ]
  return (
    <section className="panel visitors" aria-labelledby="visitors-title">
      <h2 id="visitors-title" className="panel__title">
        {words.visitors}
      </h2>
      <dl className="figures" data-testid="visitor-counter">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
