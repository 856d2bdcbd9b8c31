import type { CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../../core/types.js'
import { populateSlug } from './populateSlug.js'
import { rejectMalformedId } from './rejectMalformedId.js'
import { rejectMalformedWhere } from './rejectMalformedWhere.js'

/**
 * The hooks of a portal collection with a slug: a malformed id is a 404 (also when the plugin is
 * disabled), a where the database would fail on is a 400, and the slug is filled from `sourceField`.
 */
export const slugCollectionHooks = (
  options: ResolvedNewsPortalOptions,
  sourceField: string,
): CollectionConfig['hooks'] =>
  options.disabled
    ? { beforeOperation: [rejectMalformedId, rejectMalformedWhere] }
    : {
        beforeOperation: [rejectMalformedId, rejectMalformedWhere],
        beforeValidate: [populateSlug({ sourceField })],
      }
