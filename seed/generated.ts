/** Deterministic extra articles for the demo: the same titles and dates on every run. */

/** Subjects and places of the demo's titles (the archive generator draws from them too). */
export const subjects = [
  'Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội',
  'Ra quân làm đường giao thông nông thôn',
  'Tập huấn kỹ thuật trồng chè an toàn',
  'Tổng kết phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa',
  'Kiểm tra công tác phòng chống thiên tai',
  'Khai mạc giải bóng chuyền nam nữ',
  'Trao nhà Đại đoàn kết cho hộ nghèo',
  'Đối thoại với nhân dân về cải cách thủ tục hành chính',
  'Hướng dẫn người dân nộp hồ sơ trực tuyến',
  'Lễ hội văn hóa dân tộc Thái',
  'Tiêm chủng mở rộng cho trẻ em',
  'Sơ kết công tác xây dựng nông thôn mới',
]
export const places = [
  'xã Mường Kim',
  'xã Pha Mu',
  'thị trấn Than Uyên',
  'xã Phúc Than',
  'xã Tà Hừa',
  'xã Khoen On',
]

export const generatedCategories = [
  { title: 'Tin tức - Sự kiện', slug: 'tin-tuc-su-kien', order: 1 },
  { title: 'Kinh tế - Xã hội', slug: 'kinh-te-xa-hoi', order: 2 },
  { title: 'Văn hóa - Thể thao', slug: 'van-hoa-the-thao', order: 3 },
]

export interface GeneratedArticle {
  title: string
  lead: string
  paragraphs: string[]
  categorySlug: string
  publishedAt: string
  status: 'published' | 'draft'
  expiresAt?: string
}

const DAY = 24 * 60 * 60 * 1000
/** Published articles spread evenly over two years around the seed article (Aug 2021 – Jul 2023). */
const spreadStart = Date.UTC(2021, 7, 2, 1, 30)
const spreadDays = 729

export function generatedArticles(count = 36): GeneratedArticle[] {
  return Array.from({ length: count }, (_, i) => {
    const subject = subjects[i % subjects.length]
    const place = places[(i * 5) % places.length]
    const date = new Date(
      spreadStart + Math.round((i * spreadDays * DAY) / (count - 1)) + (i % 7) * 3600_000,
    )
    const title = `${subject} tại ${place} (${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()})`
    return {
      title,
      lead: `Ngày ${date.getUTCDate()}/${date.getUTCMonth() + 1}, ${place} tổ chức ${subject.toLowerCase()}.`,
      paragraphs: [
        `${subject} thu hút đông đảo cán bộ và nhân dân ${place} tham gia.`,
        'Các đại biểu đã thảo luận, thống nhất giải pháp và phân công nhiệm vụ cụ thể cho thời gian tới.',
      ],
      categorySlug: generatedCategories[i % generatedCategories.length].slug,
      publishedAt: date.toISOString(),
      status: 'published',
    }
  })
}

/** The articles the public must never see: drafts, one scheduled for the future, one expired. */
export function hiddenArticles(now: Date): GeneratedArticle[] {
  const base = { paragraphs: ['Nội dung đang được biên tập.'], categorySlug: 'tin-tuc-su-kien' }
  return [
    {
      ...base,
      title: 'Bản nháp: Kế hoạch tổ chức Tết Trung thu cho thiếu nhi',
      lead: 'Bản nháp chưa xuất bản.',
      publishedAt: '2022-08-05T02:00:00.000Z',
      status: 'draft',
    },
    {
      ...base,
      title: 'Bản nháp: Thông báo lịch tiếp công dân tháng tới',
      lead: 'Bản nháp chưa xuất bản.',
      publishedAt: '2022-08-03T02:00:00.000Z',
      status: 'draft',
    },
    {
      ...base,
      title: 'Bản nháp: Kết quả kỳ thi học sinh giỏi cấp huyện',
      lead: 'Bản nháp chưa xuất bản.',
      publishedAt: '2022-08-06T02:00:00.000Z',
      status: 'draft',
    },
    {
      ...base,
      title: 'Hẹn giờ: Thông báo lịch nghỉ lễ sắp tới',
      lead: 'Bài hẹn giờ đăng trong tương lai.',
      publishedAt: new Date(now.getTime() + 30 * DAY).toISOString(),
      status: 'published',
    },
    {
      ...base,
      title: 'Hết hạn: Thông báo tuyển dụng viên chức năm 2022',
      lead: 'Thông báo đã hết hạn.',
      publishedAt: '2022-08-04T10:00:00.000Z',
      expiresAt: '2022-09-30T10:00:00.000Z',
      status: 'published',
    },
  ]
}
