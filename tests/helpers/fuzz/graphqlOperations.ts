import fc from 'fast-check'
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql'
import { oddDate, oddFloat, oddInt, oddJson, oddString } from './oddValues.js'

/** One generated GraphQL request: a document, its variables, and the root field it calls. */
export interface GraphQLInput {
  field: string
  query: string
  variables: Record<string, unknown>
}

/** The schema the app serves, read through its own introspection. */
export async function servedSchema(
  graphql: (query: string) => Promise<{ data: unknown }>,
): Promise<GraphQLSchema> {
  const { data } = await graphql(getIntrospectionQuery())
  return buildClientSchema(data as IntrospectionQuery)
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/

/**
 * A value printed as a GraphQL literal, whatever it is (odd values make invalid literals on
 * purpose). Iterative, so values nested thousands of levels deep print too.
 */
export function printLiteral(value: unknown, enumValues?: readonly string[]): string {
  const out: string[] = []
  const work: Array<{ text: string } | { value: unknown }> = [{ value }]
  while (work.length) {
    const item = work.pop()!
    if ('text' in item) {
      out.push(item.text)
      continue
    }
    const current = item.value
    if (current === null || current === undefined) out.push('null')
    else if (typeof current === 'string')
      out.push(
        enumValues?.includes(current) && NAME.test(current) ? current : JSON.stringify(current),
      )
    else if (typeof current === 'number')
      out.push(Number.isFinite(current) ? String(current) : '1e999')
    else if (typeof current === 'boolean') out.push(String(current))
    else {
      const isList = Array.isArray(current)
      const entries = isList
        ? current.map((entry) => ['', entry] as const)
        : Object.entries(current as Record<string, unknown>).filter(([key]) => NAME.test(key))
      const parts: Array<{ text: string } | { value: unknown }> = [{ text: isList ? '[' : '{' }]
      entries.forEach(([key, entry], index) => {
        if (index) parts.push({ text: ', ' })
        if (!isList) parts.push({ text: `${key}: ` })
        parts.push({ value: entry })
      })
      parts.push({ text: isList ? ']' : '}' })
      work.push(...parts.reverse())
    }
  }
  return out.join('')
}

/**
 * Arbitraries for the inputs of one schema: each input type gets valid-shaped values with odd
 * contents (strings, numbers, dates, nesting) and, now and then, a value of the wrong type.
 * `known` real slugs and ids are mixed into strings and ids so lookups sometimes find something.
 */
export function inputValues(known: readonly string[]) {
  const cache = new Map<string, fc.Arbitrary<unknown>>()
  const text = oddString(known)
  const id = fc.oneof(text, oddInt)

  const scalar = (name: string): fc.Arbitrary<unknown> => {
    switch (name) {
      case 'String':
      case 'EmailAddress':
        return text
      case 'ID':
        return id
      case 'Int':
        return oddInt
      case 'Float':
        return oddFloat
      case 'Boolean':
        return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: oddJson })
      case 'DateTime':
        return oddDate
      default:
        return oddJson
    }
  }

  const valueOf = (type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> => {
    const key = `${String(type)}|${depth}`
    const cached = cache.get(key)
    if (cached) return cached
    let arbitrary: fc.Arbitrary<unknown>
    if (isNonNullType(type)) {
      arbitrary = fc.oneof(
        { weight: 12, arbitrary: valueOf(type.ofType, depth) },
        { weight: 1, arbitrary: fc.constant(null) },
      )
    } else if (isListType(type)) {
      const item = valueOf(type.ofType as GraphQLInputType, depth)
      arbitrary = fc.oneof(fc.array(item, { maxLength: 4 }), item)
    } else if (isEnumType(type)) {
      arbitrary = fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...type.getValues().map((value) => value.name)) },
        { weight: 1, arbitrary: text },
      )
    } else if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields())
      arbitrary =
        depth <= 0 || !fields.length
          ? fc.constant({})
          : fc
              .array(
                fc.oneof(
                  ...fields.map((field) =>
                    valueOf(field.type, depth - 1).map((value) => [field.name, value] as const),
                  ),
                ),
                { maxLength: 3 },
              )
              .map((entries) => Object.fromEntries(entries))
    } else {
      arbitrary = scalar(type.name)
    }
    cache.set(key, arbitrary)
    return arbitrary
  }

  /** A value for an argument or variable: mostly valid-shaped, sometimes any JSON at all. */
  return (type: GraphQLInputType, depth = 4): fc.Arbitrary<unknown> =>
    fc.oneof({ weight: 6, arbitrary: valueOf(type, depth) }, { weight: 1, arbitrary: oddJson })
}

/** A selection set for `type`: some of its fields, composite ones `depth` levels down. */
function selectionOf(type: GraphQLNamedType, depth: number): fc.Arbitrary<string> {
  if (!isObjectType(type)) return fc.constant('{ __typename }')
  const fields = Object.values(type.getFields()).filter((field) =>
    field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined),
  )
  const leaves = fields.filter((field) => isLeafType(getNamedType(field.type)))
  const composites = fields.filter((field) => isCompositeType(getNamedType(field.type)))
  const leafPart = leaves.length
    ? fc.subarray(
        leaves.map((field) => field.name),
        { minLength: 1, maxLength: Math.min(6, leaves.length) },
      )
    : fc.constant(['__typename'])
  const compositePart =
    depth > 0 && composites.length
      ? fc
          .subarray(composites, { maxLength: Math.min(2, composites.length) })
          .chain((chosen) =>
            chosen.length
              ? fc.tuple(
                  ...chosen.map((field) =>
                    selectionOf(getNamedType(field.type), depth - 1).map(
                      (inner) => `${field.name} ${inner}`,
                    ),
                  ),
                )
              : fc.constant([] as string[]),
          )
      : fc.constant(
          composites.slice(0, 1).map((field) => `${field.name} { __typename }`) as string[],
        )
  return fc
    .tuple(leafPart, compositePart)
    .map(([leafNames, nested]) => `{ ${[...leafNames, ...nested].join(' ')} }`)
}

/**
 * Requests calling root field `fieldName` with generated arguments: each argument left out, given
 * as a variable of its declared type (or of another type, or declared and not sent), or written
 * inline as a literal.
 */
export function operationArbitrary(
  schema: GraphQLSchema,
  fieldName: string,
  values: ReturnType<typeof inputValues>,
): fc.Arbitrary<GraphQLInput> {
  const mutation = schema.getMutationType()?.getFields()[fieldName]
  const field = (mutation ?? schema.getQueryType()?.getFields()[fieldName]) as
    GraphQLField<unknown, unknown> | undefined
  if (!field) throw new Error(`The schema has no root field ${fieldName}.`)
  const operation = mutation ? 'mutation' : 'query'
  type ArgumentUse = { declaration?: string; argument?: string; variables: Record<string, unknown> }
  const argumentUses = field.args.map((arg) => {
    const named = getNamedType(arg.type)
    const enumValues = isEnumType(named) ? named.getValues().map((value) => value.name) : undefined
    const value = values(arg.type)
    const asVariable = fc
      .tuple(
        value,
        fc.oneof(
          { weight: 8, arbitrary: fc.constant(String(arg.type)) },
          {
            weight: 1,
            arbitrary: fc.constantFrom('String', 'Int', 'JSON', '[String]', 'Boolean!'),
          },
        ),
        fc.oneof(
          { weight: 8, arbitrary: fc.constant(true) },
          { weight: 1, arbitrary: fc.constant(false) },
        ),
      )
      .map(([variable, declared, sent]): ArgumentUse => ({
        declaration: `$${arg.name}: ${declared}`,
        argument: `${arg.name}: $${arg.name}`,
        variables: sent ? { [arg.name]: variable } : {},
      }))
    const asLiteral = value.map((literal): ArgumentUse => ({
      argument: `${arg.name}: ${printLiteral(literal, enumValues)}`,
      variables: {},
    }))
    const required = isNonNullType(arg.type)
    return fc.oneof(
      { weight: required ? 1 : 3, arbitrary: fc.constant<ArgumentUse>({ variables: {} }) },
      { weight: 5, arbitrary: asVariable },
      { weight: 2, arbitrary: asLiteral },
    )
  })
  return fc
    .tuple(fc.tuple(...argumentUses), selectionOf(getNamedType(field.type), 2))
    .map(([uses, selection]) => {
      const declarations = uses.flatMap((use) => (use.declaration ? [use.declaration] : []))
      const args = uses.flatMap((use) => (use.argument ? [use.argument] : []))
      const header = declarations.length ? `(${declarations.join(', ')})` : ''
      const call = args.length ? `(${args.join(', ')})` : ''
      const leaf = isLeafType(getNamedType(field.type))
      return {
        field: fieldName,
        query: `${operation} Fuzz${header} { ${fieldName}${call}${leaf ? '' : ` ${selection}`} }`,
        variables: Object.assign({}, ...uses.map((use) => use.variables)),
      }
    })
}
