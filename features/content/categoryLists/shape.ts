import type { Where } from 'payload'

/**
 * A read of articles this table answers exactly: one category, and only filters the table holds
 * (the site, the status, the public time window), each at most once. Anything else (another field,
 * a second category, an `or` that is not the expiry rule, `not_equals`, …) is left to Payload.
 */
export interface CategoryListShape {
  category: string | number
  site?: string | number
  status?: string
  /** `publishedAt <= this` (ISO). */
  publishedBy?: string
  /** `expiresAt` absent or `> this` (ISO). */
  notExpiredAt?: string
}

type Condition = Record<string, unknown>

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value)

const isId = (value: unknown): value is string | number =>
  (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) ||
  (typeof value === 'string' && /^[0-9a-zA-Z-]{1,64}$/.test(value))

const isIso = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value) &&
  !Number.isNaN(Date.parse(value))

/** Every condition the where requires, one field and one operator each; `null` when it is not a plain AND. */
function conditionsOf(where: Where, into: Condition[]): boolean {
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and') {
      if (!Array.isArray(value)) return false
      for (const part of value)
        if (!isObject(part) || !conditionsOf(part as Where, into)) return false
    } else if (key === 'or') {
      if (!Array.isArray(value)) return false
      // An `or` of one is that one; the expiry rule is kept whole; any other `or` is not ours.
      if (value.length === 1 && isObject(value[0])) {
        if (!conditionsOf(value[0] as Where, into)) return false
      } else into.push({ or: value })
    } else {
      if (!isObject(value)) return false
      const operators = Object.entries(value)
      if (!operators.length) return false
      for (const [operator, operand] of operators) into.push({ [key]: { [operator]: operand } })
    }
  }
  return true
}

/** `or: [{ expiresAt: { exists: false } }, { expiresAt: { greater_than: T } }]`, in either order. */
function expiryBound(or: unknown): string | undefined {
  if (!Array.isArray(or) || or.length !== 2) return undefined
  let absent = false
  let after: string | undefined
  for (const part of or) {
    const expires = isObject(part) && Object.keys(part).length === 1 ? part.expiresAt : undefined
    if (!isObject(expires) || Object.keys(expires).length !== 1) return undefined
    if ('exists' in expires && (expires.exists === false || expires.exists === 'false'))
      absent = true
    else if ('greater_than' in expires && isIso(expires.greater_than)) after = expires.greater_than
    else return undefined
  }
  return absent && after ? after : undefined
}

/** The list this where asks for, or `null` when the table cannot answer it exactly. */
export function categoryListShape(where: Where | undefined): CategoryListShape | null {
  if (!where) return null
  const conditions: Condition[] = []
  if (!conditionsOf(where, conditions)) return null
  const shape: Partial<CategoryListShape> = {}
  const once = <K extends keyof CategoryListShape>(key: K, value: CategoryListShape[K]) => {
    // The same condition twice (an app's rule repeating the public one) is still one condition.
    if (shape[key] !== undefined && shape[key] !== value) return false
    shape[key] = value
    return true
  }
  for (const condition of conditions) {
    const [field, test] = Object.entries(condition)[0] as [string, unknown]
    if (field === 'or') {
      const bound = expiryBound(test)
      if (!bound || !once('notExpiredAt', bound)) return null
      continue
    }
    const [operator, operand] = Object.entries(test as Record<string, unknown>)[0]
    const ok =
      field === 'categories' && operator === 'equals' && isId(operand)
        ? once('category', operand)
        : field === 'categories' &&
            operator === 'in' &&
            Array.isArray(operand) &&
            operand.length === 1 &&
            isId(operand[0])
          ? once('category', operand[0])
          : field === 'site' && operator === 'equals' && isId(operand)
            ? once('site', operand)
            : field === '_status' &&
                operator === 'equals' &&
                (operand === 'published' || operand === 'draft')
              ? once('status', operand)
              : field === 'publishedAt' && operator === 'less_than_equal' && isIso(operand)
                ? once('publishedBy', operand)
                : false
    if (!ok) return null
  }
  return shape.category === undefined ? null : (shape as CategoryListShape)
}
