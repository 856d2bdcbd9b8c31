import { Kind, type FieldNode, type ValidationRule } from 'graphql'
import { payloadGraphQL } from './graphqlModule.js'
import { fragmentsOf, selectionFolder } from './selections.js'

/**
 * Refuses an operation that selects the mutation `fieldName` more than once (aliased or not,
 * through fragments too), during validation, so none of them runs: one request, one effect.
 * Only the operation that will run counts (`operationName`, or each one when none is named).
 * The error is of the graphql module Payload runs on (its HTTP handler checks with `instanceof`).
 */
export function onePerOperationRule(
  fieldName: string,
  operationName: string | null | undefined,
): ValidationRule {
  return (context) => {
    // Every occurrence counts, the same fragment spread twice included (stricter than execution).
    const fields = selectionFolder<FieldNode[]>(fragmentsOf(context.getDocument()), {
      field: (node) => [node],
      merge: (values) => values.flat(),
    })
    return {
      OperationDefinition(operation) {
        if (operation.operation !== 'mutation') return
        if (operationName && operation.name?.value !== operationName) return
        const found = fields(operation.selectionSet).filter(
          (field) => field.kind === Kind.FIELD && field.name.value === fieldName,
        )
        if (found.length < 2) return
        const { GraphQLError } = payloadGraphQL()
        context.reportError(
          new GraphQLError(
            `${fieldName} may appear at most once in an operation; this one has it ${found.length} times.`,
            {
              nodes: found,
              extensions: { code: 'ONE_PER_OPERATION', field: fieldName, statusCode: 400 },
            },
          ),
        )
      },
    }
  }
}
