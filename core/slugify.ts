import { foldMarks } from './foldMarks.js'

/**
 * A Vietnamese-aware URL slug: tones and other marks removed, `đ`/`Đ` → `d`, lower case,
 * only `[a-z0-9-]`. Punctuation and symbols are dropped, never spelled out (`&` is not `and`).
 *
 *   slugify('Đồng chí Chủ tịch') === 'dong-chi-chu-tich'
 */
export function slugify(input: string): string {
  return foldMarks(input)
    .replace(/[^a-z0-9\s_-]+/g, '')
    .replace(/[\s_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** The first free slug among `base`, `base-2`, `base-3`, … given the slugs already taken. */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  if (!used.has(base)) return base
  let n = 2
  while (used.has(`${base}-${n}`)) n++
  return `${base}-${n}`
}
