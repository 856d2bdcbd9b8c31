'use client'
import { useSyncExternalStore } from 'react'
import { formatDateLine } from 'news-portal-sdk'

const unchanging = () => () => undefined

/** The printed page's footer: the article's full address and the date it was printed (the reader's clock). */
export function PrintedFrom({
  path,
  labels,
  timeZone,
}: {
  path: string
  labels: { from: string; at: string; print: string }
  timeZone?: string
}) {
  // Known only in the reader's browser; the static page renders the path alone.
  const origin = useSyncExternalStore(
    unchanging,
    () => window.location.origin,
    () => '',
  )
  const now = useSyncExternalStore(
    unchanging,
    () => formatDateLine(new Date(), { timeZone }),
    () => null,
  )
  return (
    <footer className="print-footer">
      <p>
        {labels.from}: <span data-testid="printed-url">{`${origin}${path}`}</span>
      </p>
      {now && (
        <p>
          {labels.at}: {now}
        </p>
      )}
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {labels.print}
        </button>
      </p>
    </footer>
  )
}
