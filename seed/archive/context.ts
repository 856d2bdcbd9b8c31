import type { Payload } from 'payload'
import type { Id } from '../../core/ids.js'
import type { MediaForHtml } from '../../features/content/bodyHtml.js'
import { thanUyenSite } from '../sites.js'

/** What the archive refers to: sites with their categories, authors, sources, pictures. */
export interface ArchiveContext {
  sites: Array<{ id: Id; slug: string; categories: Id[] }>
  authors: Id[]
  sources: Id[]
  media: MediaForHtml[]
}

const authorNames = ['Mạnh Cường', 'Hồng Nhung', 'Quang Huy', 'Thu Trang', 'Đức Anh', 'Lò Văn Tâm']
const sourceTitles = [
  'Trung tâm VH, TT-TT Than Uyên',
  'Báo Lai Châu',
  'Đài PT-TH Lai Châu',
  'Cổng TTĐT tỉnh Lai Châu',
]

type Doc = { id: Id; [key: string]: unknown }

async function all(payload: Payload, collection: string): Promise<Doc[]> {
  const found = await payload.find({
    collection: collection as never,
    limit: 0,
    pagination: false,
    depth: 0,
    sort: 'id',
    overrideAccess: true,
  })
  return found.docs as unknown as Doc[]
}

async function create(payload: Payload, collection: string, data: object): Promise<Doc> {
  const doc = await payload.create({
    collection: collection as never,
    locale: 'vi',
    data: data as never,
    overrideAccess: true,
  })
  return doc as unknown as Doc
}

/**
 * Reads the demo's sites, categories and pictures, and adds (through the Local API, once) the
 * authors and sources an archive has several of, and the extra sites `sites` asks for beyond
 * the demo's (each with one category).
 */
export async function archiveContext(
  payload: Payload,
  { sites: wantedSites }: { sites?: number },
): Promise<ArchiveContext> {
  let sites = await all(payload, 'sites')
  for (let n = sites.length + 1; wantedSites && n <= wantedSites; n++) {
    const site = await create(payload, 'sites', {
      name: `Trang lưu trữ ${n}`,
      slug: `luu-tru-${n}`,
      timeZone: thanUyenSite.timeZone,
    })
    await create(payload, 'categories', { title: 'Tin tức - Sự kiện', order: 1, site: site.id })
  }
  sites = (await all(payload, 'sites')).slice(0, wantedSites || undefined)
  const categories = await all(payload, 'categories')
  const authors = await all(payload, 'authors')
  for (const name of authorNames)
    if (!authors.some((doc) => doc.name === name))
      authors.push(await create(payload, 'authors', { name }))
  const sources = await all(payload, 'sources')
  for (const title of sourceTitles)
    if (!sources.some((doc) => doc.title === title))
      sources.push(await create(payload, 'sources', { title }))
  const media = (await all(payload, 'media')) as unknown as MediaForHtml[]
  const context: ArchiveContext = {
    sites: sites.map((site) => ({
      id: site.id,
      slug: String(site.slug),
      categories: categories.filter((doc) => doc.site === site.id).map((doc) => doc.id),
    })),
    authors: authors.map((doc) => doc.id),
    sources: sources.map((doc) => doc.id),
    media,
  }
  const bare = context.sites.find((site) => !site.categories.length)
  if (bare) throw new Error(`seed:archive: site "${bare.slug}" has no category; add one first.`)
  if (!context.sites.length) throw new Error('seed:archive: no site; run `npm run seed` first.')
  return context
}
