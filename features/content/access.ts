import type { Access, FieldAccess } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { publicArticleWhere } from './publicWhere.js'

/** Editors and admins only. */
export const editorsOnly =
  (options: ResolvedNewsPortalOptions): Access =>
  ({ req }) =>
    options.isEditor(req.user, req)

/** The same rule for a single field. */
export const editorsOnlyField =
  (options: ResolvedNewsPortalOptions): FieldAccess =>
  ({ req }) =>
    options.isEditor(req.user, req)

/** Everyone, logged in or not. */
export const anyone: Access = () => true

/** Editors read every article; everyone else only public ones (published, in its time window). */
export const readPublicArticles =
  (options: ResolvedNewsPortalOptions): Access =>
  ({ req }) =>
    options.isEditor(req.user, req) ? true : publicArticleWhere()
