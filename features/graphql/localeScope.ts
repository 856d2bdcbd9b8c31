import type * as GraphQL from 'graphql'
import type { GraphQLFieldResolver, GraphQLObjectType, GraphQLResolveInfo } from 'graphql'
import { isolateObjectProperty, type PayloadRequest } from 'payload'

type Context = { req: PayloadRequest }

/**
 * Per execution, the request each scoped root field reads with, by response key. Keyed by
 * `info.variableValues`, the one object graphql-js makes afresh for each execution and hands to
 * every resolver (Payload gives custom root resolvers a copy of the context, so it cannot be the key).
 */
const scopes = new WeakMap<object, Map<string | number, PayloadRequest>>()
const wrappedTypes = new WeakSet<object>()

const rootKey = (info: GraphQLResolveInfo): string | number => {
  let path = info.path
  while (path.prev) path = path.prev
  return path.key
}

/**
 * A request of its own for one root field: its locale applies to the field and everything nested
 * under it (relationships resolve with `context.req`), while sibling root fields keep the
 * request's. The shared `context.req` is never changed. Fields under it must be wrapped with
 * `scopeNestedResolvers`.
 */
export function scopedRequest(
  context: Context,
  info: GraphQLResolveInfo,
  locale: string | null | undefined,
  fallbackLocale: string | null | undefined,
): PayloadRequest {
  const req = isolateObjectProperty(context.req, ['locale', 'fallbackLocale', 'transactionID'])
  if (locale) req.locale = locale
  if (fallbackLocale) req.fallbackLocale = fallbackLocale as PayloadRequest['fallbackLocale']
  let byRoot = scopes.get(info.variableValues)
  if (!byRoot) scopes.set(info.variableValues, (byRoot = new Map()))
  byRoot.set(rootKey(info), req)
  return req
}

/**
 * Wraps every resolver of `type` and of the types reachable from it, so that under a scoped root
 * field they receive the scoped request as `context.req`; elsewhere they run exactly as before.
 */
export function scopeNestedResolvers(graphQL: typeof GraphQL, type: GraphQLObjectType): void {
  const visit = (named: unknown) => {
    if (!named || wrappedTypes.has(named as object)) return
    if (graphQL.isUnionType(named)) {
      wrappedTypes.add(named)
      named.getTypes().forEach(visit)
      return
    }
    if (!graphQL.isObjectType(named)) return
    wrappedTypes.add(named)
    for (const field of Object.values(named.getFields())) {
      if (field.resolve) field.resolve = scoped(field.resolve)
      visit(graphQL.getNamedType(field.type))
    }
  }
  visit(type)
}

function scoped(
  resolve: GraphQLFieldResolver<unknown, Context>,
): GraphQLFieldResolver<unknown, Context> {
  return (parent, args, context, info) => {
    const req = scopes.get(info.variableValues)?.get(rootKey(info))
    return resolve(parent, args, req ? { ...context, req } : context, info)
  }
}
