import type { Access, CollectionConfig, Field } from 'payload'
import { SITE_FIELD } from '../../core/constants.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { SITE_SCOPE_KEY, withSiteRead, withSiteWrite, type SiteScope } from './access.js'
import { assignSite } from './assignSite.js'

/** Payload's own rule where a collection sets none: logged-in users. */
const loggedIn: Access = ({ req }) => Boolean(req.user)

/**
 * Scopes a collection that is on sites (after the app's overrides, so they are scoped too):
 * reads, versions, updates and deletes by site (`withSiteRead`, `withSiteWrite`), and the `site`
 * of what is written filled and checked (`assignSite`; creates are checked there, since Payload
 * does not apply a create rule's `Where`). The one place where access meets sites.
 */
export function scopeToSites(
  collection: CollectionConfig,
  scope: SiteScope,
  options: ResolvedNewsPortalOptions,
): CollectionConfig {
  const access = collection.access ?? {}
  const scoped: CollectionConfig = {
    ...collection,
    custom: { ...collection.custom, [SITE_SCOPE_KEY]: scope },
    access: {
      ...access,
      read: withSiteRead(access.read ?? loggedIn, options, scope),
      update: withSiteWrite(access.update ?? loggedIn, options),
      delete: withSiteWrite(access.delete ?? loggedIn, options),
      ...(collection.versions
        ? {
            readVersions: withSiteRead(
              access.readVersions ?? loggedIn,
              options,
              { shared: scope.shared },
              'version.',
            ),
          }
        : {}),
    },
  }
  if (options.disabled) return scoped
  scoped.fields = collection.fields.map((field): Field => {
    if (!('name' in field) || field.name !== SITE_FIELD || field.type !== 'relationship')
      return field
    const hooks = field.hooks ?? {}
    return {
      ...field,
      hooks: {
        ...hooks,
        beforeValidate: [assignSite(options, scope), ...(hooks.beforeValidate ?? [])],
      },
    }
  })
  return scoped
}
