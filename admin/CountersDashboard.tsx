import { cookies } from 'next/headers'
import type { Payload, PayloadRequest, TypedUser } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { formatCount, formatRate } from '../features/counters/format.js'
import { visitorStats } from '../features/counters/visits.js'
import { dossierStats } from '../features/counters/graphql.js'
import { dashboardSite } from '../features/counters/dashboardSite.js'
import { ADMIN_SITE_COOKIE } from '../core/constants.js'
import { siteTimeZone } from '../features/counters/siteScope.js'

interface Props {
  payload: Payload
  user?: TypedUser | null
  countersOptions: ResolvedNewsPortalOptions
}

/** The site the admin's site selector chose, if any. */
async function selectedSite(): Promise<string | undefined> {
  try {
    return (await cookies()).get(ADMIN_SITE_COOKIE)?.value
  } catch {
    // Rendered outside a request (a test, a static render): no selector, no cookie.
    return undefined
  }
}

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  padding: '12px 16px',
  minWidth: 280,
  flex: '1 1 320px',
}
const row: React.CSSProperties = {
  display: 'flex',
  justifyContent: 'space-between',
  gap: 16,
  padding: '2px 0',
}

/** The visitor figures and the dossier panel of the site the editor is looking at, on the admin home. */
export async function CountersDashboard({ payload, user, countersOptions: options }: Props) {
  // The editor rule needs the request's config (which auth collection writes): hand it what it reads.
  if (!options || !options.isEditor(user, { payload, user } as PayloadRequest)) return null
  const site = await dashboardSite(payload, options, user, await selectedSite())
  const [visitors, dossier] = await Promise.all([
    visitorStats(payload, options, site),
    dossierStats({ payload }, site),
  ])
  const line = (label: string, value: string) => (
    <div style={row} key={label}>
      <span>{label}</span>
      <strong>{value}</strong>
    </div>
  )
  return (
    <section
      data-news-portal="counters-dashboard"
      aria-label="Thống kê truy cập và hồ sơ"
      style={{ display: 'flex', flexWrap: 'wrap', gap: 16, marginBottom: 24 }}
    >
      <section style={box}>
        <h4 style={{ margin: '0 0 8px' }}>Thống kê truy cập</h4>
        {line('Đang truy cập', formatCount(visitors.online))}
        {line('Hôm nay', formatCount(visitors.today))}
        {line('Tháng hiện tại', formatCount(visitors.thisMonth))}
        {line('Tháng trước', formatCount(visitors.lastMonth))}
        {line('Tổng lượt truy cập', formatCount(visitors.total))}
      </section>
      {dossier && (
        <section style={box}>
          <h4 style={{ margin: '0 0 8px' }}>{dossier.title}</h4>
          {dossier.agency && (
            <div style={{ marginBottom: 4 }}>
              {dossier.agency}
              {dossier.period ? ` · ${dossier.period}` : ''}
            </div>
          )}
          {dossier.levels.map((level) => line(level.label, formatCount(level.count)))}
          {line('Tiếp nhận', formatCount(dossier.received))}
          {line('Đã giải quyết', formatCount(dossier.resolved))}
          {line('Đúng hạn', `${formatCount(dossier.onTime)} (${formatRate(dossier.onTimeRate)})`)}
          {line('Quá hạn', `${formatCount(dossier.overdue)} (${formatRate(dossier.overdueRate)})`)}
          {dossier.updatedAt && (
            <div style={{ marginTop: 6, opacity: 0.7 }}>
              Tự động cập nhật lúc{' '}
              {new Intl.DateTimeFormat('vi-VN', {
                timeZone: siteTimeZone(site, options),
                dateStyle: 'short',
                timeStyle: 'medium',
              }).format(new Date(dossier.updatedAt))}
            </div>
          )}
        </section>
      )}
    </section>
  )
}
