/** The dossier-processing panel's figures: validation, rates and the JSON a `url` source may serve. */

export interface DossierLevel {
  label: string
  count: number
}

export interface DossierFigures {
  agency?: string
  period?: string
  levels?: DossierLevel[]
  received: number
  resolved: number
  overdue: number
  onTime: number
  /** When the source says it computed the figures (ISO); the sync time otherwise. */
  updatedAt?: string
}

export const countFields = ['received', 'resolved', 'overdue', 'onTime'] as const

/** Validates one count of the panel: a non-negative integer (empty is allowed; it reads as 0). */
export const validateCount =
  (field: string) =>
  (value: unknown): true | string =>
    value === null ||
    value === undefined ||
    (typeof value === 'number' && Number.isInteger(value) && value >= 0)
      ? true
      : `${field} must be a non-negative integer.`

/** `YYYY-MM`, a real month. */
export const validatePeriod = (value: unknown): true | string => {
  if (value === null || value === undefined || value === '') return true
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)
    ? true
    : 'period must be a month as YYYY-MM.'
}

/** `part / (onTime + overdue) × 100`, rounded to 2 decimals; `null` when nothing was decided yet. */
export function rate(part: number, onTime: number, overdue: number): number | null {
  const decided = (Number(onTime) || 0) + (Number(overdue) || 0)
  if (decided === 0) return null
  return Math.round(((Number(part) || 0) / decided) * 100 * 100) / 100
}

export const onTimeRate = (figures: { onTime?: number | null; overdue?: number | null }) =>
  rate(figures.onTime ?? 0, figures.onTime ?? 0, figures.overdue ?? 0)
export const overdueRate = (figures: { onTime?: number | null; overdue?: number | null }) =>
  rate(figures.overdue ?? 0, figures.onTime ?? 0, figures.overdue ?? 0)

/** Thrown for a source body the panel cannot take; its message names the field. */
export class DossierSourceError extends Error {}

/**
 * Reads the JSON a `url` source serves (see docs/counters.md). Accepts the panel's own names, or
 * those of common one-stop-shop systems: `receivedCount` → received, `releaseCount` → resolved,
 * `ontimeCount + betimesCount` (on time + ahead of time) → onTime, `overtimeCount` → overdue.
 * The figures may sit at the top level or under `data`. Throws naming the first bad field.
 */
export function parseDossierSource(body: unknown): DossierFigures {
  const root = asObject(body, 'body')
  const data =
    root.data !== undefined &&
    typeof root.data === 'object' &&
    root.data !== null &&
    !Array.isArray(root.data)
      ? (root.data as Record<string, unknown>)
      : root
  const pick = (own: string, ...oneStop: string[]): number => {
    if (data[own] !== undefined && data[own] !== null) return toCount(data[own], own)
    const present = oneStop.filter((name) => data[name] !== undefined && data[name] !== null)
    if (!present.length)
      throw new DossierSourceError(`${own} is missing (or ${oneStop.join(' + ')}).`)
    return present.reduce((sum, name) => sum + toCount(data[name], name), 0)
  }
  const figures: DossierFigures = {
    received: pick('received', 'receivedCount'),
    resolved: pick('resolved', 'releaseCount'),
    onTime: pick('onTime', 'ontimeCount', 'betimesCount'),
    overdue: pick('overdue', 'overtimeCount'),
  }
  if (data.agency !== undefined && data.agency !== null) {
    if (typeof data.agency !== 'string') throw new DossierSourceError('agency must be a string.')
    figures.agency = data.agency
  }
  if (data.period !== undefined && data.period !== null) {
    const valid = validatePeriod(data.period)
    if (valid !== true) throw new DossierSourceError(valid)
    figures.period = data.period as string
  }
  if (data.levels !== undefined && data.levels !== null) {
    if (!Array.isArray(data.levels))
      throw new DossierSourceError('levels must be a list of { label, count }.')
    figures.levels = data.levels.map((level, index) => {
      const entry = asObject(level, `levels.${index}`)
      if (typeof entry.label !== 'string' || !entry.label.trim()) {
        throw new DossierSourceError(`levels.${index}.label must be a non-empty string.`)
      }
      return { label: entry.label, count: toCount(entry.count, `levels.${index}.count`) }
    })
  }
  if (data.updatedAt !== undefined && data.updatedAt !== null) {
    const at = typeof data.updatedAt === 'string' ? new Date(data.updatedAt) : new Date(NaN)
    if (Number.isNaN(at.getTime())) throw new DossierSourceError('updatedAt must be an ISO date.')
    figures.updatedAt = at.toISOString()
  }
  return figures
}

function asObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DossierSourceError(`${field} must be a JSON object.`)
  }
  return value as Record<string, unknown>
}

/** A count: an integer ≥ 0, or a string of digits (some systems send "591"). */
function toCount(value: unknown, field: string): number {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new DossierSourceError(`${field} must be a non-negative integer.`)
  }
  return n
}
