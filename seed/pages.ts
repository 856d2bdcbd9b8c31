import type { Payload } from 'payload'
import { paragraph, richText } from '../core/lexical.js'
import { slugify } from '../core/slugify.js'

type Id = string | number

interface SeedPage {
  vi: { title: string; paragraphs: string[] }
  en: { title: string; paragraphs: string[] }
  /** The page it sits under (by its Vietnamese title). */
  parent?: string
}

/** The standing pages Decree 42/2022 asks for (organisation and contacts also in English). */
export const seedPages: SeedPage[] = [
  {
    vi: {
      title: 'Giới thiệu',
      paragraphs: [
        'Huyện Than Uyên nằm ở phía nam tỉnh Lai Châu, có 12 xã, thị trấn.',
        'Cổng thông tin điện tử huyện cung cấp tin tức, văn bản và thủ tục hành chính cho người dân và doanh nghiệp.',
      ],
    },
    en: {
      title: 'About',
      paragraphs: [
        'Than Uyen district lies in the south of Lai Chau province and has 12 communes and towns.',
        "The district's portal publishes news, documents and administrative procedures for citizens and businesses.",
      ],
    },
  },
  {
    vi: {
      title: 'Cơ cấu tổ chức',
      paragraphs: [
        'Ủy ban nhân dân huyện gồm Chủ tịch, các Phó Chủ tịch và các cơ quan chuyên môn.',
      ],
    },
    en: {
      title: 'Organisation',
      paragraphs: [
        "The district People's Committee consists of its Chairman, Vice-Chairmen and specialised agencies.",
      ],
    },
    parent: 'Giới thiệu',
  },
  {
    vi: {
      title: 'Liên hệ',
      paragraphs: ['Văn phòng HĐND và UBND huyện Than Uyên. Điện thoại: 0213 3784 224.'],
    },
    en: {
      title: 'Contact',
      paragraphs: [
        "Office of the Than Uyen district People's Council and Committee. Phone: 0213 3784 224.",
      ],
    },
  },
]

const body = (paragraphs: string[]) => richText(...paragraphs.map((text) => paragraph(text)))

/** Creates the standing pages of `site` in Vietnamese and English; returns how many it created. */
export async function seedStandingPages(payload: Payload, site: Id): Promise<number> {
  let created = 0
  const ids = new Map<string, Id>()
  for (const page of seedPages) {
    const slug = slugify(page.vi.title)
    const found = await payload.find({
      collection: 'pages',
      where: { and: [{ slug: { equals: slug } }, { site: { equals: site } }] },
      depth: 0,
      limit: 1,
      draft: true,
      overrideAccess: true,
    })
    let id = found.docs[0]?.id
    if (id === undefined) {
      const parent = page.parent ? ids.get(page.parent) : undefined
      id = (
        await payload.create({
          collection: 'pages',
          locale: 'vi',
          data: {
            title: page.vi.title,
            body: body(page.vi.paragraphs),
            slug,
            site,
            ...(parent !== undefined ? { parent } : {}),
            _status: 'published',
          } as never,
          overrideAccess: true,
        })
      ).id
      await payload.update({
        collection: 'pages',
        id,
        locale: 'en',
        data: {
          title: page.en.title,
          body: body(page.en.paragraphs),
          _status: 'published',
        } as never,
        overrideAccess: true,
      })
      created += 1
    }
    ids.set(page.vi.title, id)
  }
  return created
}
