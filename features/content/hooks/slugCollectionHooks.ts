import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../../core/types.js'
import { populateSlug } from './populateSlug.js'
import { rejectMalformedId } from './rejectMalformedId.js'
import { rejectMalformedWhere } from './rejectMalformedWhere.js'

type Hooks = NonNullable<CollectionConfig['hooks']>

/**
 * The hooks of a portal collection with a slug: a malformed id is a 404 and a where the database
 * would fail on is a 400 (also when the plugin is disabled, as are the collection's own `guards`,
 * such as its public read rule), then, when enabled, the slug filled from `sourceField` and the
 * collection's other hooks (`more`).
 */
export const slugCollectionHooks = (
  options: ResolvedNewsPortalOptions,
  sourceField: string,
  {
    guards = [],
    ...more
  }: { guards?: CollectionBeforeOperationHook[] } & Omit<
    Hooks,
    'beforeOperation' | 'beforeValidate'
  > = {},
): Hooks => {
  const beforeOperation = [rejectMalformedId, rejectMalformedWhere, ...guards]
  return options.disabled
    ? { beforeOperation }
    : { beforeOperation, beforeValidate: [populateSlug({ sourceField })], ...more }
}
