import {
  Kind,
  type ArgumentNode,
  type DocumentNode,
  type ExecutionArgs,
  type FieldNode,
  type ValidationRule,
  type ValueNode,
} from 'graphql'
import type { GraphQLFieldsExtension } from '../../core/feature.js'
import { payloadGraphQL } from '../../core/graphqlModule.js'
import { fieldsOf, fragmentsOf } from '../../core/selections.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { onePerOperationRule } from '../../core/onePerOperation.js'
import { articleProblem, rateArticle, scoreProblem } from './rateArticle.js'

/** `rateArticle(article: ID!, score: Int!): RatingSummary`. */
export const rateArticleMutation =
  (options: ResolvedNewsPortalOptions): GraphQLFieldsExtension =>
  (graphQL, context) => {
    const groupTypes =
      (context as { types?: { groupTypes?: Record<string, unknown> } }).types?.groupTypes ?? {}
    // Article.rating is a group with interfaceName 'RatingSummary'; Payload builds group types lazily
    // and reuses one already registered under that name, so both fields share this type.
    const RatingSummary =
      (groupTypes.RatingSummary as InstanceType<typeof graphQL.GraphQLObjectType> | undefined) ??
      new graphQL.GraphQLObjectType({
        name: 'RatingSummary',
        description:
          "An article's reader rating: total points, number of votes and their average (2 decimals).",
        fields: {
          total: { type: graphQL.GraphQLInt },
          count: { type: graphQL.GraphQLInt },
          average: { type: graphQL.GraphQLFloat },
        },
      })
    groupTypes.RatingSummary = RatingSummary
    return {
      rateArticle: {
        type: RatingSummary,
        description:
          "Records the reader's vote (an integer 1..5) and returns the article's new rating.",
        args: {
          article: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLID) },
          score: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLInt) },
        },
        resolve: (
          _source: unknown,
          args: { article: unknown; score: unknown },
          ctx: { req: Parameters<typeof rateArticle>[0] },
        ) => rateArticle(ctx.req, options, args),
      },
    }
  }

/** The value a literal or variable argument carries, as the client sent it (before GraphQL coerces it). */
function rawValue(
  node: ValueNode | undefined,
  variables: Record<string, unknown> | null | undefined,
): unknown {
  if (!node) return undefined
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables?.[node.name.value]
    case Kind.INT:
      return Number(node.value)
    case Kind.FLOAT:
      return Number(node.value)
    case Kind.STRING:
      return node.value
    case Kind.NULL:
      return null
    case Kind.BOOLEAN:
      return node.value
    default:
      return {}
  }
}

/** Every `rateArticle` field at the root of the mutation operation(s) that will run. */
function rateArticleFields(
  document: DocumentNode,
  operationName: string | null | undefined,
): FieldNode[] {
  const fields = fieldsOf(fragmentsOf(document))
  const found = document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION &&
    definition.operation === 'mutation' &&
    (!operationName || definition.name?.value === operationName)
      ? fields(definition.selectionSet).filter((field) => field.name.value === 'rateArticle')
      : [],
  )
  return [...new Set(found)]
}

/**
 * GraphQL itself would refuse `"5"`, `3.5` or `null` for `score: Int!` before the resolver runs,
 * with no error code. This rule looks at the arguments as the client sent them (literals or
 * variables) when the document is entered, so its `VALIDATION` error naming the argument comes
 * first, before the built-in rules' messages about the same value.
 */
export const rateArticleValidation = (args: ExecutionArgs): ValidationRule[] => [
  (context) => ({
    Document(document) {
      const variables = args.variableValues as Record<string, unknown> | null | undefined
      for (const field of rateArticleFields(document, args.operationName)) {
        const argument = (name: string): ArgumentNode | undefined =>
          field.arguments?.find((each) => each.name.value === name)
        const score = rawValue(argument('score')?.value, variables)
        const article = rawValue(argument('article')?.value, variables)
        const problems: Array<[string, string | undefined]> = [
          ['score', scoreProblem(score)],
          ['article', articleProblem(typeof article === 'number' ? String(article) : article)],
        ]
        const ErrorClass = payloadGraphQL().GraphQLError
        for (const [name, message] of problems) {
          if (!message) continue
          context.reportError(
            new ErrorClass(message, {
              nodes: [field],
              extensions: { code: 'VALIDATION', field: name, statusCode: 400 },
            }),
          )
        }
      }
    },
  }),
  // Two votes in one request would be two effects of one operation.
  onePerOperationRule('rateArticle', args.operationName),
]
