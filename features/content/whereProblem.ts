import type { FlattenedField, Payload } from 'payload'
import { validOperatorSet } from 'payload/shared'
import { isStorableNumericId } from '../../core/ids.js'

const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const PATTERN_OPERATORS = new Set(['like', 'not_like', 'contains'])
// PostgreSQL runs like/contains only on text columns (ILIKE); SQLite would compare anything.
const TEXT_FIELDS = new Set(['text', 'textarea', 'email', 'code'])
// SQLite refuses LIKE patterns over 50 000 bytes; no search needs more than this.
const LONGEST_PATTERN = 1000

/** Where a condition's path leads: a field, a collection's id, or inside a JSON or rich-text value. */
type Target =
  | { kind: 'field'; field: FlattenedField }
  | { kind: 'id'; collection: string }
  | { kind: 'json' }
  | { kind: 'inside rich text' }

/** Follows `a.b.c` (GraphQL: `a__b__c`) through groups, arrays and single-collection relationships. */
function resolvePath(payload: Payload, collection: string, path: string): Target | undefined {
  let fields = payload.collections[collection]?.config.flattenedFields ?? []
  let owner = collection
  const segments = path.replace(/__/g, '.').split('.')
  for (const [index, segment] of segments.entries()) {
    const field = fields.find((candidate) => candidate.name === segment)
    const last = index === segments.length - 1
    if (!field) return segment === 'id' && last ? { kind: 'id', collection: owner } : undefined
    if (last) return { kind: 'field', field }
    if (field.type === 'json') return { kind: 'json' }
    if (field.type === 'richText') return { kind: 'inside rich text' }
    if (
      (field.type === 'relationship' || field.type === 'upload') &&
      typeof field.relationTo === 'string'
    ) {
      owner = field.relationTo
      fields = payload.collections[owner]?.config.flattenedFields ?? []
    } else if ('flattenedFields' in field) {
      fields = field.flattenedFields
    } else {
      return undefined
    }
  }
  return undefined
}

const shown = (value: string | number | boolean) =>
  typeof value === 'string'
    ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
    : String(value)

const isDate = (value: string | number) => {
  const year = new Date(value).getUTCFullYear()
  return year >= 1 && year <= 9999
}

/** True when `operator` (like, not_like, contains) can search `target`'s column. */
function isText(payload: Payload, target: Target, operator: string): boolean {
  if (target.kind === 'id') {
    const idType = payload.collections[target.collection]?.customIDType ?? payload.db.defaultIDType
    return idType !== 'number'
  }
  if (target.kind !== 'field') return true
  const { type } = target.field
  // `contains` on a relationship asks whether it holds a document.
  return (
    TEXT_FIELDS.has(type) ||
    (operator === 'contains' && (type === 'relationship' || type === 'upload'))
  )
}

/** What a single value must be for `target`, when `value` is not that; `undefined` when it is. */
function valueNeed(
  payload: Payload,
  target: Target,
  value: string | number | boolean,
): string | undefined {
  const idOf = (collection: string) => {
    const idType = payload.collections[collection]?.customIDType ?? payload.db.defaultIDType
    return idType === 'number' &&
      !isStorableNumericId(payload, typeof value === 'string' ? value.trim() : value)
      ? 'the id of a document'
      : undefined
  }
  if (target.kind === 'id') return idOf(target.collection)
  if (target.kind !== 'field') return undefined
  const { field } = target
  switch (field.type) {
    case 'relationship':
    case 'upload':
      return typeof field.relationTo === 'string' ? idOf(field.relationTo) : undefined
    case 'number':
      return typeof value === 'boolean' ||
        (typeof value === 'string' && !value.trim()) ||
        !Number.isFinite(Number(value))
        ? 'a number'
        : undefined
    case 'date':
      return typeof value === 'boolean' || !isDate(value)
        ? 'a date between the years 1 and 9999'
        : undefined
    case 'checkbox':
      return typeof value === 'boolean' || /^(true|false)$/i.test(String(value))
        ? undefined
        : 'true or false'
    case 'select':
    case 'radio': {
      const choices = field.options.map((option) =>
        typeof option === 'string' ? option : option.value,
      )
      return choices.includes(String(value)) ? undefined : `one of ${choices.join(', ')}`
    }
    default:
      return undefined
  }
}

/** Why one `path: { operator: value }` condition would fail in the database, or `undefined`. */
function conditionProblem(
  payload: Payload,
  collection: string,
  path: string,
  operator: string,
  value: unknown,
): string | undefined {
  const target = resolvePath(payload, collection, path)
  const at = `"${path}" ${operator}`
  if (GEO_OPERATORS.has(operator)) {
    return target?.kind === 'field' && target.field.type === 'point'
      ? undefined
      : `"${path}" cannot be queried with ${operator}: only a point field can.`
  }
  const adapterOperators = (payload.db as { operators?: Record<string, unknown> }).operators
  if (adapterOperators && typeof adapterOperators[operator] !== 'function')
    return `"${path}" cannot be queried with ${operator} on this database.`
  if (target?.kind === 'inside rich text')
    return `"${path}" cannot be queried: rich text is not searchable inside.`
  if (!target || target.kind === 'json' || operator === 'exists') return undefined
  const field = target.kind === 'field' ? target.field : undefined
  if (PATTERN_OPERATORS.has(operator) && !isText(payload, target, operator))
    return `"${path}" cannot be searched with ${operator}: it is not a text field.`
  // `contains` with a condition on a related document: checked against that collection.
  if (
    operator === 'contains' &&
    (field?.type === 'relationship' || field?.type === 'upload') &&
    typeof field.relationTo === 'string' &&
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value)
  )
    return conditionsProblem(payload, field.relationTo, value)
  const list = LIST_OPERATORS.has(operator)
  // Payload runs `contains` with a list on a has-many field as one `contains` per item.
  const takesList =
    list ||
    (operator === 'contains' && field !== undefined && 'hasMany' in field && field.hasMany === true)
  if (Array.isArray(value) && !takesList) return `${at} needs a single value; got a list.`
  const values =
    list && typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [value]
  for (const raw of values as unknown[]) {
    // GraphQL's DateTime arrives as a Date: judged as the date text it stands for.
    const item =
      raw instanceof Date
        ? Number.isNaN(raw.getTime())
          ? 'an invalid date'
          : raw.toISOString()
        : raw
    if (item === null || item === undefined) continue
    if (typeof item === 'object')
      return `${at} needs text, a number, true/false or null; got ${Array.isArray(item) ? 'a list' : 'an object'}.`
    if (typeof item === 'number' && !Number.isFinite(item))
      return `${at} needs a finite number; got ${item}.`
    if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean')
      return `${at} needs text, a number, true/false or null; got ${typeof item}.`
    if (PATTERN_OPERATORS.has(operator) && String(item).length > LONGEST_PATTERN)
      return `${at} needs text of at most ${LONGEST_PATTERN} characters; got ${shown(item)}.`
    const need = valueNeed(payload, target, item)
    if (need) return `${at} needs ${need}; got ${shown(item)}.`
  }
  return undefined
}

/** The condition (path and operator) of the first text anywhere in `where` that holds a NUL character. */
function nulCondition(where: unknown): string[] | undefined {
  const work: Array<[string[], unknown]> = [[[], where]]
  while (work.length) {
    const [path, value] = work.pop()!
    if (typeof value === 'string' && value.includes('\u0000')) return path
    if (value === null || typeof value !== 'object') continue
    for (const [key, item] of Object.entries(value)) {
      const junction = Array.isArray(value) || /^(and|or)$/i.test(key)
      work.push([junction ? path : [...path, key], item])
    }
  }
  return undefined
}

/** The first condition of `where` (and/or included) that the database would fail on. */
function conditionsProblem(
  payload: Payload,
  collection: string,
  where: unknown,
): string | undefined {
  if (where === null || typeof where !== 'object' || Array.isArray(where)) return undefined
  for (const [key, condition] of Object.entries(where)) {
    if (/^(and|or)$/i.test(key)) {
      if (!Array.isArray(condition)) continue
      for (const part of condition) {
        const problem = conditionsProblem(payload, collection, part)
        if (problem) return problem
      }
      continue
    }
    if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) continue
    for (const [operator, value] of Object.entries(condition)) {
      if (!validOperatorSet.has(operator as never)) continue
      const problem = conditionProblem(payload, collection, key, operator, value)
      if (problem) return problem
    }
  }
  return undefined
}

/**
 * Why the database adapter would fail on this `where` of `collection` (a 500), in one sentence
 * naming the field, operator and value; `undefined` when it would run. Refused: what would fail
 * on SQLite or PostgreSQL, and text searches on fields that are not text (which PostgreSQL
 * cannot run). Unknown paths and operators are left to Payload's own check, which answers 400.
 */
export function whereProblem(
  payload: Payload,
  collection: string,
  where: unknown,
): string | undefined {
  // PostgreSQL takes no NUL character in any parameter; SQLite would only never match it.
  const nul = nulCondition(where)
  if (!nul) return conditionsProblem(payload, collection, where)
  const [path, operator] = nul
  const at = path === undefined ? '' : `"${path}"${operator === undefined ? '' : ` ${operator}`} `
  return `${at}must not contain a NUL character.`
}
