import { imageNode, paragraph, richText, type LexicalRoot } from '../../core/lexical.js'
import type { Id } from '../../core/ids.js'
import { places as demoPlaces, subjects as demoSubjects } from '../generated.js'

/** A small deterministic random source (mulberry32), so the same options make the same archive. */
export function randomSource(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  }
}
export type RandomSource = ReturnType<typeof randomSource>

/** The demo's subjects and places (seed/generated.ts), and a few more for ten years of them. */
export const subjects = [
  ...demoSubjects,
  'Diễn tập phương án chữa cháy và cứu nạn',
  'Khánh thành trường mầm non',
  'Hội thi tìm hiểu pháp luật',
  'Ngày hội đại đoàn kết toàn dân tộc',
]
export const places = [...demoPlaces, 'xã Mường Cang', 'xã Tà Mung']
const sentences = [
  'Hoạt động thu hút đông đảo cán bộ và nhân dân tham gia.',
  'Các đại biểu đã thảo luận, thống nhất giải pháp và phân công nhiệm vụ cụ thể cho thời gian tới.',
  'Ủy ban nhân dân đề nghị các thôn, bản tiếp tục tuyên truyền để người dân hiểu và đồng thuận.',
  'Kết quả đạt được góp phần nâng cao đời sống vật chất và tinh thần của nhân dân trên địa bàn.',
  'Lãnh đạo địa phương ghi nhận, biểu dương những tập thể và cá nhân có thành tích xuất sắc.',
  'Trong thời gian tới, địa phương sẽ tăng cường kiểm tra, đôn đốc việc thực hiện.',
  'Nhiều ý kiến tâm huyết đã được gửi tới hội nghị, tập trung vào những vấn đề người dân quan tâm.',
  'Kinh phí thực hiện được huy động từ ngân sách nhà nước và sự đóng góp của nhân dân.',
]
export const bylines = ['Hồng Nhung', 'Thu Hà', 'Văn Tuấn', 'Minh Đức']
export const tags = [
  'nông thôn mới',
  'kinh tế',
  'văn hóa',
  'y tế',
  'giáo dục',
  'thể thao',
  'an ninh',
]

/** A paragraph of two to six sentences. */
function paragraphText(random: RandomSource): string {
  return Array.from({ length: 2 + random.int(5) }, () => random.pick(sentences)).join(' ')
}

/**
 * A body of varied length: mostly short news (2–6 paragraphs), some long reports (up to 20),
 * with zero to three pictures among the paragraphs, captioned as an editor would.
 */
export function archiveBody(random: RandomSource, mediaIds: Id[]): LexicalRoot {
  const length = random.next() < 0.8 ? 2 + random.int(5) : 7 + random.int(14)
  const pictures = mediaIds.length ? random.int(4) : 0
  const children: unknown[] = Array.from({ length }, () => paragraph(paragraphText(random)))
  for (let i = 0; i < pictures; i++) {
    const at = random.int(children.length + 1)
    const caption = random.next() < 0.5 ? `Ảnh: ${random.pick(places)}` : undefined
    children.splice(at, 0, imageNode(random.pick(mediaIds), caption))
  }
  return richText(...children)
}
