import type { CollectionBeforeOperationHook } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../../core/types.js'

/**
 * `draft=true` asks for each article's latest version. For anyone but an editor that would hide a
 * published article whose newer draft is still being edited, so their reads always use the published one.
 */
export const publicReadsPublished =
  (options: ResolvedNewsPortalOptions): CollectionBeforeOperationHook =>
  ({ args, operation, req }) => {
    if (
      operation === 'read' &&
      args.draft &&
      !args.overrideAccess &&
      !options.isEditor(req.user, req)
    ) {
      return { ...args, draft: false }
    }
    return args
  }
