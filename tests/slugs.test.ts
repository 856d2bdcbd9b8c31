import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { slugify } from '../core/slugify.js'
import { startTestApp, type TestApp } from './helpers/app.js'

describe('slugify', () => {
  it.each([
    [
      'Hội thảo chia sẻ kinh nghiệm thực hiện các tiểu dự án cộng đồng',
      'hoi-thao-chia-se-kinh-nghiem-thuc-hien-cac-tieu-du-an-cong-dong',
    ],
    ['Đồng chí Chủ tịch', 'dong-chi-chu-tich'],
    ['đường Điện Biên Phủ', 'duong-dien-bien-phu'],
    // every tone on a, and ă/â/ê/ô/ơ/ư with tones
    ['á à ả ã ạ ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ', 'a-a-a-a-a-a-a-a-a-a-a-a-a-a-a'],
    ['Ếch Ộp Ởn Ữa Ỳ Ỹ Ỵ Ý', 'ech-op-on-ua-y-y-y-y'],
    ['Thắng lợi & phát triển: 100% kế hoạch!', 'thang-loi-phat-trien-100-ke-hoach'],
    ['  Kinh tế -- Xã hội  ', 'kinh-te-xa-hoi'],
    ['UBND huyện (Than Uyên) năm 2024', 'ubnd-huyen-than-uyen-nam-2024'],
    ['Nước ngọt: “sạch” & an toàn?', 'nuoc-ngot-sach-an-toan'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug)
  })
})

describe('slugs in collections', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp()
  })
  afterAll(() => app?.close())

  const createArticle = (data: Record<string, unknown>) =>
    app.payload.create({ collection: 'articles', data: { _status: 'published', ...data } })

  it('is generated from the Vietnamese title when empty', async () => {
    const doc = await createArticle({ title: 'Đồng chí Chủ tịch thăm bản Thẳm Phé' })
    expect(doc.slug).toBe('dong-chi-chu-tich-tham-ban-tham-phe')
  })

  it('appends a number on collision, in order', async () => {
    const first = await createArticle({ title: 'Tin trùng tên' })
    const second = await createArticle({ title: 'Tin trùng tên' })
    const third = await createArticle({ title: 'Tin trùng tên' })
    expect([first.slug, second.slug, third.slug]).toEqual([
      'tin-trung-ten',
      'tin-trung-ten-2',
      'tin-trung-ten-3',
    ])
  })

  it('keeps a slug an editor typed, normalised, and keeps it when the title changes', async () => {
    const doc = await createArticle({ title: 'Tiêu đề gốc', slug: 'Đường Mới 2024' })
    expect(doc.slug).toBe('duong-moi-2024')
    const renamed = await app.payload.update({
      collection: 'articles',
      id: doc.id,
      data: { title: 'Tiêu đề đã sửa' },
    })
    expect(renamed.slug).toBe('duong-moi-2024')
  })

  it('an edited slug that another article has gets a number', async () => {
    await createArticle({ title: 'Bài A', slug: 'bai-chung' })
    const b = await createArticle({ title: 'Bài B' })
    const edited = await app.payload.update({
      collection: 'articles',
      id: b.id,
      data: { slug: 'bai-chung' },
    })
    expect(edited.slug).toBe('bai-chung-2')
  })

  it('is unique per collection, not across collections', async () => {
    const category = await app.payload.create({
      collection: 'categories',
      data: { title: 'Tin trùng tên' },
    })
    expect(category.slug).toBe('tin-trung-ten')
    const author = await app.payload.create({ collection: 'authors', data: { name: 'Mạnh Cường' } })
    expect(author.slug).toBe('manh-cuong')
  })
})
