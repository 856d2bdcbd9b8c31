'use client'
import type { DefaultCellComponentProps } from 'payload'
import { useTranslation } from '@payloadcms/ui'

/** Number formatting of the admin language: `13.933` and `4,5` in Vietnamese, `13,933` and `4.5` in English. */
function useNumberFormat(fractionDigits: number) {
  const { i18n } = useTranslation()
  return new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'vi-VN', {
    maximumFractionDigits: fractionDigits,
  })
}

/** The article list's "Views" column. */
export function ViewsCell({ cellData }: DefaultCellComponentProps) {
  const format = useNumberFormat(0)
  return (
    <span data-news-portal="views-cell">
      {typeof cellData === 'number' ? format.format(cellData) : '0'}
    </span>
  )
}

/** The article list's "Rating" column: average with the number of votes, e.g. `4,5 (12)`. */
export function RatingCell({ cellData }: DefaultCellComponentProps) {
  const format = useNumberFormat(1)
  const rating = (cellData ?? {}) as { average?: number | null; count?: number | null }
  const count = typeof rating.count === 'number' ? rating.count : 0
  if (!count) return <span data-news-portal="rating-cell">—</span>
  return (
    <span data-news-portal="rating-cell">
      {format.format(rating.average ?? 0)} ({format.format(count)})
    </span>
  )
}
