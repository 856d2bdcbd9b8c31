import { formatCount, type DossierStats } from 'news-portal-sdk'

// As the seed page shows it: "99.85%" (the API sends the percentage, 2 decimals).
const percent = (rate: number | null) => (rate === null ? '–' : `${rate}%`)

/** "Tình hình giải quyết hồ sơ": the dossier-processing panel of the seed page. */
export function DossierPanel({ stats }: { stats: DossierStats }) {
  return (
    <section className="panel dossier" aria-labelledby="dossier-title">
      <h2 id="dossier-title" className="panel__title">
        {stats.title ?? 'Tình hình giải quyết hồ sơ'}
      </h2>
      {stats.period && <p className="dossier__period">{stats.period}</p>}
      <p>
        {stats.agency ?? 'Cơ quan'} đã giải quyết{' '}
        <strong className="dossier__rate">{percent(stats.onTimeRate)}</strong> hồ sơ đúng hạn.
      </p>
      <dl className="figures">
        {stats.levels.map((level) => (
          <div key={level.label}>
            <dt>{level.label}</dt>
            <dd>{formatCount(level.count)}</dd>
          </div>
        ))}
        <div>
          <dt>Đã tiếp nhận</dt>
          <dd>{formatCount(stats.received)}</dd>
        </div>
        <div>
          <dt>Đã giải quyết</dt>
          <dd>{formatCount(stats.resolved)}</dd>
        </div>
        <div>
          <dt>Quá hạn</dt>
          <dd>
            {formatCount(stats.overdue)} - {percent(stats.overdueRate)}
          </dd>
        </div>
        <div>
          <dt>Trước &amp; đúng hạn</dt>
          <dd>
            {formatCount(stats.onTime)} - {percent(stats.onTimeRate)}
          </dd>
        </div>
      </dl>
    </section>
  )
}
