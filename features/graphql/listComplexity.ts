import { publicRows } from './publicPageSize.js'

interface ListFieldConfig {
  args?: Record<string, unknown>
  extensions?: Record<string, unknown>
}

interface ComplexityArgs {
  args: { limit?: unknown; pagination?: unknown }
  childComplexity: number
}

/**
 * Makes Payload's complexity estimator charge every list query (a root field with a `limit`
 * argument: `Articles`, `versionsArticles`, the site's own) by the rows it may return: 1 + its
 * selection × rows, instead of 1 + its selection once. Payload reads a field's
 * `extensions.complexity` before its flat estimate (fieldExtensionsEstimator).
 */
export function chargeListsByRows(
  queryFields: Record<string, ListFieldConfig>,
  maxPageSize: number,
): void {
  for (const field of Object.values(queryFields)) {
    if (!field?.args || !('limit' in field.args)) continue
    field.extensions = {
      ...field.extensions,
      complexity: ({ args, childComplexity }: ComplexityArgs) =>
        1 + childComplexity * publicRows(args.limit, args.pagination, maxPageSize),
    }
  }
}
