import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload } from 'payload'
import { CATEGORIES_SLUG } from '../../../core/constants.js'
import { hideTablesFromPush } from '../../../core/devPush.js'
import type { PortalFeature } from '../../../core/feature.js'
import type { Id } from '../../../core/ids.js'
import { sqlDialect } from '../../../core/sql.js'
import type { ResolvedNewsPortalOptions } from '../../../core/types.js'
import { installCategoryListReads } from './reads.js'
import {
  CATEGORY_LISTS_TABLE,
  categoryListsNeedFilling,
  ensureCategoryListsTable,
  forgetArticleCategories,
  forgetCategory,
  rebuildCategoryLists,
  refreshArticleCategories,
} from './table.js'

export {
  CATEGORY_LISTS_INDEX,
  CATEGORY_LISTS_TABLE,
  categoryListsTableStatements,
  dropCategoryListsTableStatements,
  rebuildCategoryLists,
  rebuildCategoryListsStatements,
} from './table.js'
export { categoryListShape } from './shape.js'

/** After every save the article's rows are copied again, in the save's transaction. */
export const refreshAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (sqlDialect(req.payload)) await refreshArticleCategories(req.payload, doc.id as Id, req)
  return doc
}

const forgetAfterDelete: CollectionAfterDeleteHook = async ({ id, req }) => {
  if (sqlDialect(req.payload)) await forgetArticleCategories(req.payload, id as Id, req)
}

const forgetCategoryAfterDelete: CollectionAfterDeleteHook = async ({ id, req }) => {
  if (sqlDialect(req.payload)) await forgetCategory(req.payload, id as Id, req)
}

/** Creates the table when missing and fills it while it is empty (a database from before it). */
export async function prepareCategoryLists(payload: Payload): Promise<boolean> {
  if (!sqlDialect(payload)) return false
  await ensureCategoryListsTable(payload)
  if (!(await categoryListsNeedFilling(payload))) return false
  await rebuildCategoryLists(payload)
  return true
}

/**
 * A category's articles, newest first, read from a table of (category, article) rows the hooks
 * keep (SQL adapters; MongoDB runs Payload's own query). The table is kept whatever the option,
 * so `categoryListReads: false` can be turned back on at any time.
 */
export function categoryListsFeature(options: ResolvedNewsPortalOptions): PortalFeature {
  return {
    articleHooks: {
      afterChange: [refreshAfterChange],
      afterDelete: [forgetAfterDelete],
    },
    collectionHooks: {
      [CATEGORIES_SLUG]: { afterDelete: [forgetCategoryAfterDelete] },
    },
    onInit: async (payload) => {
      await prepareCategoryLists(payload)
      if (options.categoryListReads) installCategoryListReads(payload)
    },
    finalizeConfig: hideTablesFromPush(CATEGORY_LISTS_TABLE),
  }
}
