import { ValidationError, type FieldHook, type PayloadRequest } from 'payload'
import { SITE_FIELD } from '../../core/constants.js'
import type { Id } from '../../core/ids.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { siteIdOf, writableSites, type SiteScope } from './access.js'
import { loadSites, type PortalSite } from './registry.js'
import { resolveSite } from './resolve.js'

type SiteOptions = Pick<ResolvedNewsPortalOptions, 'isAdmin' | 'isEditor' | 'trustProxy'>

const refuse = (collection: string | undefined, message: string): never => {
  throw new ValidationError({ collection, errors: [{ path: SITE_FIELD, message }] })
}

/**
 * The site a new document gets when it names none: the request's site if the user may write
 * there, else the user's only site; otherwise the user must choose, and is told so.
 */
async function siteForNew(
  req: PayloadRequest,
  options: SiteOptions,
  checked: boolean,
  collection: string | undefined,
): Promise<Id> {
  const site = await resolveSite(req, options)
  if (!site) return refuse(collection, 'site: this deployment has no site yet.')
  if (!checked) return site.id
  const mine = await writableSites(req, options)
  if (mine === 'all' || mine.some((id) => String(id) === String(site.id))) return site.id
  if (mine.length === 1) return mine[0]
  return refuse(
    collection,
    mine.length
      ? `site: you write on several sites and the request's site "${site.slug}" is not one of them; choose one.`
      : 'site: you are the editor of no site; an admin must give you one.',
  )
}

/**
 * The `site` field's `beforeValidate` hook (before the slug is made, which is unique per site):
 * - a new document without a site gets one (`siteForNew`); on a shared collection, an empty
 *   site means "every site", which only an admin (or the plugin's own writes) may choose;
 * - a site that is given, or changed, must exist and be one the user writes: nobody creates a
 *   document on, or moves one to, a site that is not theirs (restoring a version included);
 * - a document of a non-shared collection never loses its site.
 * Admins and privileged Local API calls (`overrideAccess`) are not checked, only filled.
 */
export const assignSite =
  (options: SiteOptions, scope: SiteScope): FieldHook =>
  async ({ value, previousValue, operation, overrideAccess, req, collection }) => {
    if (operation !== 'create' && operation !== 'update') return value
    const { sites } = await loadSites(req.payload)
    // No site at all (before the default site is made): nothing to scope, as before sites.
    if (!sites.length) return value
    const slug = collection?.slug
    const given = siteIdOf(value)
    if (operation === 'update' && given === siteIdOf(previousValue)) return value
    const checked = !overrideAccess && Boolean(req.user) && !options.isAdmin(req.user, req)
    if (given === undefined) {
      if (operation === 'create' && !(scope.shared && !checked))
        return siteForNew(req, options, checked, slug)
      if (!scope.shared)
        return refuse(slug, `site: every document of ${slug} belongs to a site; choose one.`)
      if (checked) return refuse(slug, 'site: only an admin may share a document with every site.')
      return null
    }
    const site: PortalSite | undefined = sites.find((entry) => String(entry.id) === given)
    if (!site) return refuse(slug, `site: no site has the id ${given.slice(0, 40)}.`)
    if (checked) {
      const mine = await writableSites(req, options)
      if (mine !== 'all' && !mine.some((id) => String(id) === given))
        return refuse(slug, `site: you may not write on the site "${site.slug}".`)
    }
    return site.id
  }
