import type { Payload, Where } from 'payload'
import site from './fixtures/seed-site.json'
import { paragraph, richText } from '../core/lexical.js'
import { defaultSiteSettings } from '../features/sites/upgradeSettings.js'
import { zonedKeys } from '../features/counters/time.js'
import { visitorWidgetTitle } from './widgets.js'

type Id = string | number

/** The seed page's own site: the deployment's default site, named as the page names itself. */
export const thanUyenSite = {
  name: site.site.name,
  slug: 'than-uyen',
  timeZone: site.site.timeZone,
}

/**
 * Two communes of the district (both named on the seed page), each a site of its own with a few
 * published articles, a category and a visitor counter. `<slug>.localhost` opens one in a browser
 * (`http://xa-muong-kim.localhost:3000`): browsers send that host to 127.0.0.1.
 */
export const communeSites = [
  {
    name: 'Trang Thông tin điện tử xã Mường Kim',
    slug: 'xa-muong-kim',
    place: 'xã Mường Kim',
    visitors: { total: 208_417, thisMonth: 3_912, lastMonth: 5_264, today: 131 },
  },
  {
    name: 'Trang Thông tin điện tử xã Pha Mu',
    slug: 'xa-pha-mu',
    place: 'xã Pha Mu',
    visitors: { total: 97_305, thisMonth: 1_847, lastMonth: 2_590, today: 58 },
  },
] as const

const communeCategory = { title: 'Tin tức - Sự kiện', order: 1 }
const communeSubjects = [
  'Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2023',
  'Ra quân làm đường giao thông nông thôn',
  'Trao nhà Đại đoàn kết cho hộ nghèo',
]

/** The documents of one commune site, as the seed stores them (the same on every run). */
export function communeArticles(commune: (typeof communeSites)[number]) {
  return communeSubjects.map((subject, i) => ({
    title: `${subject} tại ${commune.place}`,
    lead: `${commune.place[0].toUpperCase()}${commune.place.slice(1)} tổ chức ${subject.toLowerCase()}.`,
    paragraphs: [
      `${subject} thu hút đông đảo cán bộ và nhân dân ${commune.place} tham gia.`,
      'Các đại biểu đã thảo luận, thống nhất giải pháp và phân công nhiệm vụ cụ thể cho thời gian tới.',
    ],
    publishedAt: new Date(Date.UTC(2023, 2 + i * 2, 10 + i, 2, 0)).toISOString(),
  }))
}

/** A site-owned document of `siteId`; on the default site, one stored before sites (no site) too. */
export const onSeedSite = (siteId: Id, isDefault = false): Where =>
  isDefault
    ? { or: [{ site: { equals: siteId } }, { site: { exists: false } }] }
    : { site: { equals: siteId } }

/**
 * The default site becomes the Than Uyên site, unless it was renamed since the first start made it
 * (a deployment's own name is left as it is). Returns its id.
 */
export async function seedDefaultSite(payload: Payload): Promise<Id> {
  const sites = (
    await payload.find({ collection: 'sites' as never, depth: 0, limit: 0, overrideAccess: true })
  ).docs as unknown as Array<{ id: Id; slug: string; isDefault?: boolean }>
  const named = sites.find((doc) => doc.slug === thanUyenSite.slug)
  if (named) return named.id
  const first = sites.find((doc) => doc.isDefault) ?? sites[0]
  if (first && first.slug !== defaultSiteSettings(payload).slug) return first.id
  const data = { ...thanUyenSite, isDefault: true }
  const saved = first
    ? await payload.update({
        collection: 'sites' as never,
        id: first.id,
        locale: 'vi',
        data: data as never,
        overrideAccess: true,
      })
    : await payload.create({
        collection: 'sites' as never,
        locale: 'vi',
        data: data as never,
        overrideAccess: true,
      })
  return (saved as unknown as { id: Id }).id
}

export interface CommuneSeedResult {
  sites: number
  categories: number
  articles: number
  widgets: number
}

/** The commune sites and their content. Idempotent: what exists (by slug or title, per site) stays. */
export async function seedCommunes(
  payload: Payload,
  { author, source, now = new Date() }: { author: Id; source: Id; now?: Date },
): Promise<CommuneSeedResult> {
  const created: CommuneSeedResult = { sites: 0, categories: 0, articles: 0, widgets: 0 }
  const findOne = async (collection: string, where: Where) =>
    (
      await payload.find({
        collection: collection as never,
        where,
        limit: 1,
        depth: 0,
        draft: true,
        overrideAccess: true,
      })
    ).docs[0] as unknown as { id: Id } | undefined
  const create = async (collection: keyof CommuneSeedResult, slug: string, data: object) => {
    created[collection] += 1
    const doc = await payload.create({
      collection: slug as never,
      locale: 'vi',
      data: data as never,
      overrideAccess: true,
    })
    return doc as unknown as { id: Id }
  }

  for (const commune of communeSites) {
    const siteDoc =
      (await findOne('sites', { slug: { equals: commune.slug } })) ??
      (await create('sites', 'sites', {
        name: commune.name,
        slug: commune.slug,
        timeZone: thanUyenSite.timeZone,
        domains: [{ domain: `${commune.slug}.localhost` }],
      }))
    const onSite = onSeedSite(siteDoc.id)
    // Found by title within the site: the slug is per site (the same as Than Uyên's category).
    const category =
      (await findOne('categories', {
        and: [onSite, { title: { equals: communeCategory.title } }],
      })) ?? (await create('categories', 'categories', { ...communeCategory, site: siteDoc.id }))
    for (const article of communeArticles(commune)) {
      if (await findOne('articles', { and: [onSite, { title: { equals: article.title } }] }))
        continue
      await create('articles', 'articles', {
        title: article.title,
        lead: article.lead,
        body: richText(...article.paragraphs.map((text) => paragraph(text))),
        authors: [author],
        source,
        categories: [category.id],
        publishedAt: article.publishedAt,
        site: siteDoc.id,
        _status: 'published',
      })
    }
    if (!(await findOne('counter-widgets', { and: [onSite, { kind: { equals: 'visitors' } }] }))) {
      const keys = zonedKeys(now, thanUyenSite.timeZone)
      await create('widgets', 'counter-widgets', {
        kind: 'visitors',
        title: visitorWidgetTitle,
        enabled: true,
        site: siteDoc.id,
        baseline: {
          total: commune.visitors.total,
          months: [
            { month: keys.month, visits: commune.visitors.thisMonth },
            { month: keys.previousMonth, visits: commune.visitors.lastMonth },
          ],
          day: keys.day,
          dayVisits: commune.visitors.today,
        },
      })
    }
  }
  return created
}
