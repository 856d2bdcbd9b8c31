'use client'
import { useEffect, useRef, useState } from 'react'
import { ratingLine, voterToken, type RatingSummary } from 'news-portal-sdk'
import { browserPortal } from '../lib/browserPortal.js'
import type { Words } from '../lib/words.js'

const SCORES = [1, 2, 3, 4, 5] as const

/**
 * The five-star rating of the seed page: five buttons (keyboard: Tab, Enter/Space), the vote
 * carrying the reader's own voter token, and the line "Tổng số điểm … N trong M đánh giá".
 */
export function RatingWidget({
  site,
  article,
  slug,
  initial,
  words,
}: {
  site: string
  article: string | number
  /** The article's slug, to read its current rating (the static page may be older than the last vote). */
  slug: string
  initial: Pick<RatingSummary, 'total' | 'count'>
  words: Pick<Words, 'rate' | 'thanks' | 'voteFailed'> & { stars: string[] }
}) {
  const [summary, setSummary] = useState(initial)
  const [chosen, setChosen] = useState<number | null>(null)
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  // After a vote, its answer is the newest summary: a slower first read must not overwrite it.
  const voted = useRef(false)

  useEffect(() => {
    let current = true
    browserPortal(site)
      .articles.page(slug, { neighbors: 1 })
      .then((page) => {
        if (current && !voted.current && page?.article.rating) setSummary(page.article.rating)
      })
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [site, slug])

  async function rate(score: number) {
    setBusy(true)
    voted.current = true
    try {
      const next = await browserPortal(site).ratings.rate(article, score, {
        voterToken: voterToken(),
      })
      setSummary(next)
      setChosen(score)
      setStatus(words.thanks)
    } catch {
      setStatus(words.voteFailed)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="rating">
      <div role="group" aria-label={words.rate} className="rating__stars">
        {SCORES.map((score) => (
          <button
            key={score}
            type="button"
            className={chosen !== null && score <= chosen ? 'star star--on' : 'star'}
            aria-label={words.stars[score - 1]}
            aria-pressed={chosen === score}
            disabled={busy}
            onClick={() => rate(score)}
          >
            <span aria-hidden="true">★</span>
          </button>
        ))}
      </div>
      <p className="rating__line" aria-live="polite" data-testid="rating-line">
        {ratingLine(summary)}
      </p>
      <p className="rating__status" role="status">
        {status}
      </p>
    </div>
  )
}
