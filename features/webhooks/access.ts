import type { Access } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { inSitesWhere, writableSites } from '../sites/access.js'

/**
 * The delivery log: admins read every row, an editor the rows of the sites they write (a change
 * that belongs to no site, such as an image, is the admins' alone); nobody else reads any.
 */
export const readDeliveries =
  (options: ResolvedNewsPortalOptions): Access =>
  async ({ req }) => {
    if (options.isAdmin(req.user, req)) return true
    if (!options.isEditor(req.user, req)) return false
    const mine = await writableSites(req, options)
    return mine === 'all' ? true : inSitesWhere(mine)
  }
