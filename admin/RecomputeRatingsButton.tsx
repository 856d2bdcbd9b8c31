'use client'
import { useState } from 'react'
import { Button, useConfig, useTranslation } from '@payloadcms/ui'
import { RATING_SUMMARIES_SLUG } from '../core/constants.js'

/** Editor action above the ratings list: rebuild every article's total and count from the vote log. */
export function RecomputeRatingsButton() {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const vi = i18n.language === 'vi'
  const [message, setMessage] = useState<string>('')
  const [busy, setBusy] = useState(false)

  const recompute = async () => {
    setBusy(true)
    setMessage('')
    try {
      const response = await fetch(
        `${config.serverURL}${config.routes.api}/${RATING_SUMMARIES_SLUG}/recompute`,
        {
          method: 'POST',
          credentials: 'include',
        },
      )
      const body = await response.json()
      if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? response.statusText)
      setMessage(
        vi
          ? `Đã tính lại: ${body.votes} phiếu, ${body.articles} bài, sửa ${body.corrected} dòng.`
          : `Recomputed: ${body.votes} votes, ${body.articles} articles, ${body.corrected} rows corrected.`,
      )
    } catch (error) {
      setMessage(
        (vi ? 'Lỗi: ' : 'Error: ') + (error instanceof Error ? error.message : String(error)),
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <div
      data-news-portal="recompute-ratings"
      style={{ display: 'flex', alignItems: 'center', gap: '1rem', marginBottom: '1rem' }}
    >
      <Button buttonStyle="secondary" disabled={busy} onClick={recompute} size="small">
        {vi ? 'Tính lại tổng điểm' : 'Recompute totals'}
      </Button>
      {message ? <span role="status">{message}</span> : null}
    </div>
  )
}
