import type { CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../../core/types.js'
import { populateSlug } from './populateSlug.js'
import { rejectMalformedId } from './rejectMalformedId.js'

/**
 * The hooks of a portal collection with a slug: a malformed id is a 404 (also when the plugin is
 * disabled), and the slug is filled from `sourceField`.
 */
export const slugCollectionHooks = (
  options: ResolvedNewsPortalOptions,
  sourceField: string,
): CollectionConfig['hooks'] =>
  options.disabled
    ? { beforeOperation: [rejectMalformedId] }
    : { beforeOperation: [rejectMalformedId], beforeValidate: [populateSlug({ sourceField })] }
