import type { Payload, Where } from 'payload'
import site from './fixtures/seed-site.json'
import { zonedKeys } from '../features/counters/time.js'
import { slugify } from '../core/slugify.js'

export const visitorWidgetTitle = 'Thống kê truy cập'

/**
 * The seed page's two widgets. The visitor counter's figures enter as a baseline tied to the
 * calendar at seed time: "this month" and "today" are the current month and day, "last month"
 * the month before, so the demo shows the page's figures now and they age like real history.
 * Idempotent: a widget whose slug exists is left as it is. Returns how many it created.
 */
export async function seedWidgets(
  payload: Payload,
  {
    now = new Date(),
    timeZone = site.site.timeZone,
    log = true,
    siteId,
  }: {
    now?: Date
    timeZone?: string
    log?: boolean
    /** The default site the widgets belong to (left out: the site the plugin gives them). */
    siteId?: string | number
  } = {},
): Promise<number> {
  const keys = zonedKeys(now, timeZone)
  const counter = site.visitorCounter
  const panel = site.dossierStats
  const widgets = [
    {
      kind: 'visitors',
      title: visitorWidgetTitle,
      slug: slugify(visitorWidgetTitle),
      enabled: true,
      baseline: {
        total: counter.total,
        months: [
          { month: keys.month, visits: counter.thisMonth },
          { month: keys.previousMonth, visits: counter.lastMonth },
        ],
        day: keys.day,
        dayVisits: counter.today,
      },
    },
    {
      kind: 'dossier-stats',
      title: panel.title,
      slug: slugify(panel.title),
      enabled: true,
      agency: panel.agency,
      period: panel.period,
      levels: panel.levels,
      received: panel.received,
      resolved: panel.resolved,
      overdue: panel.overdue,
      onTime: panel.onTime,
      figuresUpdatedAt: new Date(panel.autoUpdatedAt).toISOString(),
      source: 'manual',
    },
  ]
  let created = 0
  for (const data of widgets) {
    // The slug is unique per site: a commune's counter may share it.
    const mine: Where =
      siteId === undefined
        ? {}
        : { or: [{ site: { equals: siteId } }, { site: { exists: false } }] }
    const { totalDocs } = await payload.count({
      collection: 'counter-widgets' as never,
      where: { and: [{ slug: { equals: data.slug } }, mine] },
      overrideAccess: true,
    })
    if (totalDocs) continue
    await payload.create({
      collection: 'counter-widgets' as never,
      data: (siteId === undefined ? data : { ...data, site: siteId }) as never,
      overrideAccess: true,
    })
    created += 1
  }
  if (log && created) payload.logger.info(`Seed: created ${created} counter widget(s).`)
  return created
}
