import Link from 'next/link'
import type { Words } from '../lib/words.js'

/** Previous / next links and "Trang N / M"; `href(n)` is page n's address. */
export function Pagination({
  page,
  totalPages,
  href,
  words,
}: {
  page: number
  totalPages: number
  href: (page: number) => string
  words: Pick<Words, 'pagination' | 'previous' | 'next' | 'pageOf'>
}) {
  if (totalPages <= 1) return null
  return (
    <nav aria-label={words.pagination} className="pagination">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ‹ {words.previous}
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">{words.pageOf(page, totalPages)}</span>
      {page < totalPages ? (
        <Link href={href(page + 1)} rel="next">
          {words.next} ›
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
