/**
 * Lower case without Vietnamese (or other Latin) marks, `đ`/`Đ` → `d`: the one form in which
 * slugs are made and search compares text ("Hội thảo" and "hoi thao" fold to the same words).
 */
export function foldMarks(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
}
