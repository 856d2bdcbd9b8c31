import type { Access, FieldAccess, Where } from 'payload'
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

/** Nobody, not even an editor (rows the plugin alone writes). */
export const nobody: Access = () => false

/** Create, update and delete for editors only: the write rules of every editor-managed collection. */
export const editorsWrite = (options: ResolvedNewsPortalOptions) => ({
  create: editorsOnly(options),
  update: editorsOnly(options),
  delete: editorsOnly(options),
})

/** Rows only the plugin writes (counts, aggregates, rate-limit windows): editors may read them. */
export const pluginWritesOnly = (options: ResolvedNewsPortalOptions) => ({
  read: editorsOnly(options),
  create: nobody,
  update: nobody,
  delete: nobody,
})

/** What the public may read of pages: the published ones (pages have no schedule). */
export const publicPageWhere = (prefix = ''): Where => ({
  [`${prefix}_status`]: { equals: 'published' },
})

/** Editors read every page; everyone else only published ones. */
export const readPublicPages =
  (options: ResolvedNewsPortalOptions): Access =>
  ({ req }) =>
    options.isEditor(req.user, req) ? true : publicPageWhere()
