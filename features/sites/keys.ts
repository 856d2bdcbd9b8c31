import type { Id } from '../../core/ids.js'

/**
 * A counter or session key of one site: `site:<id>:<key>` (`site:3:day:2026-11-30`,
 * `site:3:visit:<session>`). Every counter row of a site starts with its prefix, so sites never
 * share a figure; `null` (no site at all) keeps the key as it was before sites existed.
 */
export function siteKey(site: { id: Id } | null | undefined, key: string): string {
  return site ? `site:${String(site.id)}:${key}` : key
}
