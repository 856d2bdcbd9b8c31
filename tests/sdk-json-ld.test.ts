import { describe, expect, it } from 'vitest'
import { articleJsonLd, type Article } from '../sdk/src/index.js'

// articleJsonLd is complete for Google's NewsArticle: the exact object for a full article, and
// what changes when parts are missing.
const media = (url: string) => ({
  id: 1,
  url,
  alt: 'Ảnh',
  caption: null,
  width: 1200,
  height: 675,
  mimeType: 'image/jpeg',
  sizes: null,
})

const article: Article & { rating: { total: number; count: number; average: number } } = {
  id: 7,
  title: 'Hội thảo chia sẻ kinh nghiệm',
  slug: 'hoi-thao-chia-se-kinh-nghiem',
  lead: 'Sáng 4/8, huyện Than Uyên tổ chức hội thảo.',
  bodyHtml: '<p>…</p>',
  publishedAt: '2022-08-04T14:59:00.000Z',
  updatedAt: '2022-08-05T01:00:00.000Z',
  coverImage: media('/api/media/file/quang-canh.jpg'),
  primaryCategory: { id: 1, title: 'Tin tức - Sự kiện', slug: 'tin-tuc-su-kien' },
  categories: [
    {
      id: 1,
      title: 'Tin tức - Sự kiện',
      slug: 'tin-tuc-su-kien',
      description: null,
      order: 1,
      parent: null,
    },
  ],
  authors: [
    { id: 1, name: 'Mạnh Cường', slug: 'manh-cuong', pseudonym: null, bio: null, avatar: null },
    { id: 2, name: 'Thu Hà', slug: 'thu-ha', pseudonym: null, bio: null, avatar: null },
  ],
  byline: null,
  source: null,
  sourceUrl: null,
  tags: ['hội thảo', 'dự án'],
  allowRatings: true,
  topics: [],
  meta: {
    title: null,
    description: 'Kinh nghiệm các tiểu dự án cộng đồng ở Than Uyên.',
    image: media('/api/media/file/chia-se.jpg'),
  },
  canonicalUrl: 'https://thanuyen.laichau.gov.vn/tin-tuc-su-kien/hoi-thao-chia-se-kinh-nghiem',
  rating: { total: 9, count: 2, average: 4.5 },
}

const publisher = {
  name: 'Trang Thông tin điện tử huyện Than Uyên',
  url: 'https://thanuyen.laichau.gov.vn',
  logo: '/logo.png',
}
const authorUrl = (author: { slug?: string | null }) =>
  `https://thanuyen.laichau.gov.vn/tac-gia/${author.slug}`

describe('articleJsonLd', () => {
  it('gives the whole NewsArticle: images, dates, authors with pages, publisher with logo, canonical page, rating', () => {
    expect(articleJsonLd(article, { publisher, authorUrl })).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Hội thảo chia sẻ kinh nghiệm',
      description: 'Kinh nghiệm các tiểu dự án cộng đồng ở Than Uyên.',
      image: [
        'https://thanuyen.laichau.gov.vn/api/media/file/chia-se.jpg',
        'https://thanuyen.laichau.gov.vn/api/media/file/quang-canh.jpg',
      ],
      datePublished: '2022-08-04T14:59:00.000Z',
      dateModified: '2022-08-05T01:00:00.000Z',
      author: [
        {
          '@type': 'Person',
          name: 'Mạnh Cường',
          url: 'https://thanuyen.laichau.gov.vn/tac-gia/manh-cuong',
        },
        {
          '@type': 'Person',
          name: 'Thu Hà',
          url: 'https://thanuyen.laichau.gov.vn/tac-gia/thu-ha',
        },
      ],
      publisher: {
        '@type': 'Organization',
        name: 'Trang Thông tin điện tử huyện Than Uyên',
        url: 'https://thanuyen.laichau.gov.vn',
        logo: { '@type': 'ImageObject', url: 'https://thanuyen.laichau.gov.vn/logo.png' },
      },
      url: 'https://thanuyen.laichau.gov.vn/tin-tuc-su-kien/hoi-thao-chia-se-kinh-nghiem',
      mainEntityOfPage: {
        '@type': 'WebPage',
        '@id': 'https://thanuyen.laichau.gov.vn/tin-tuc-su-kien/hoi-thao-chia-se-kinh-nghiem',
      },
      articleSection: 'Tin tức - Sự kiện',
      keywords: 'hội thảo, dự án',
      aggregateRating: {
        '@type': 'AggregateRating',
        ratingValue: 4.5,
        ratingCount: 2,
        bestRating: 5,
        worstRating: 1,
      },
    })
  })

  it('without meta, votes, authors or a canonical URL: the lead, the cover once, the byline, no rating', () => {
    expect(
      articleJsonLd(
        {
          ...article,
          meta: { title: null, description: null, image: article.coverImage },
          authors: [],
          byline: 'Phóng viên huyện',
          updatedAt: null as unknown as string,
          canonicalUrl: null,
          categories: [],
          tags: null,
          rating: { total: 0, count: 0, average: 0 },
        },
        { baseUrl: 'https://thanuyen.laichau.gov.vn' },
      ),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Hội thảo chia sẻ kinh nghiệm',
      description: 'Sáng 4/8, huyện Than Uyên tổ chức hội thảo.',
      image: ['https://thanuyen.laichau.gov.vn/api/media/file/quang-canh.jpg'],
      datePublished: '2022-08-04T14:59:00.000Z',
      dateModified: '2022-08-04T14:59:00.000Z',
      author: [{ '@type': 'Person', name: 'Phóng viên huyện' }],
    })
  })

  it('leaves out an image it cannot make absolute', () => {
    const jsonLd = articleJsonLd({ ...article, canonicalUrl: null, meta: null })
    expect(jsonLd.image).toBeUndefined()
  })
})
