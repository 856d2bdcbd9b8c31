import type {
  BaseFilter,
  CollectionConfig,
  Field,
  FilterOptions,
  FilterOptionsProps,
  PayloadRequest,
  RelationshipField,
  Where,
} from 'payload'
import { validations } from 'payload/shared'
import { SITE_FIELD, SITES_SLUG } from '../../core/constants.js'
import { idOf } from '../../core/ids.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { adminSiteChoice, adminSitesOf, adminSiteWhere, onSitesWhere } from './adminSite.js'

type SiteRules = Pick<ResolvedNewsPortalOptions, 'isAdmin' | 'isEditor'>

const hasSiteField = (collection: CollectionConfig) =>
  collection.fields.some((field) => 'name' in field && field.name === SITE_FIELD)

/** `a` and `b` together; `true`/`null` add nothing, `false` wins. */
function both(a: boolean | null | Where, b: boolean | null | Where): boolean | Where {
  if (a === false || b === false) return false
  const wheres = [a, b].filter((where): where is Where => typeof where === 'object' && !!where)
  return wheres.length === 0 ? true : wheres.length === 1 ? wheres[0] : { and: wheres }
}

/** A field's own `filterOptions` (a function, a Where or nothing), resolved. */
async function ownFilter(filter: FilterOptions | undefined, args: FilterOptionsProps) {
  if (filter === undefined || filter === null) return true
  return typeof filter === 'function' ? await filter(args) : filter
}

/** The list view shows the chosen site's documents (access still decides what may be read at all). */
function siteBaseFilter(collection: CollectionConfig, options: SiteRules, shared: boolean) {
  const existing = collection.admin?.baseFilter ?? collection.admin?.baseListFilter
  const filter: BaseFilter = async (args) => {
    const mine = await adminSiteWhere(args.req, options, shared)
    const theirs = existing ? await existing(args) : null
    const combined = both(theirs, mine)
    return typeof combined === 'object' ? combined : null
  }
  return filter
}

/** A new document is on the chosen site (or the editor's only one); else the request's site fills it later. */
function siteDefaultValue(options: SiteRules) {
  return async ({ req }: { req?: PayloadRequest }) =>
    req ? ((await adminSiteChoice(req, options)).chosen?.id ?? undefined) : undefined
}

/** The `site` picker offers an editor their own sites only; an admin every site. */
function sitePickerFilter(options: SiteRules, existing: FilterOptions | undefined) {
  return async (args: FilterOptionsProps) => {
    const { sites, everySite } = await adminSitesOf(args.req, options)
    const mine =
      everySite || sites.length === 0 ? true : { id: { in: sites.map((site) => site.id) } }
    return both(await ownFilter(existing, args), mine)
  }
}

/**
 * A relationship to a collection on sites offers the document's site's items (plus shared ones);
 * before the document has a site, the chosen site's.
 */
function sameSiteFilter(options: SiteRules, shared: boolean, existing: FilterOptions | undefined) {
  return async (args: FilterOptionsProps) => {
    const site = idOf((args.data as Record<string, unknown> | undefined)?.[SITE_FIELD])
    const mine =
      site !== undefined
        ? onSitesWhere([site], shared)
        : ((await adminSiteWhere(args.req, options, shared)) ?? true)
    return both(await ownFilter(existing, args), mine)
  }
}

type RelationshipValidate = (value: unknown, options: Record<string, unknown>) => unknown

/**
 * Saving is judged as without the picker's narrowing: the field's own validation with its own
 * `filterOptions` (Payload would otherwise check the picker's too, and its "invalid selections"
 * would hide the site rules' own messages). Only what is offered changes.
 */
function judgedAsBefore(field: RelationshipField): RelationshipField['validate'] {
  const validate = (field.validate ?? validations.relationship) as unknown as RelationshipValidate
  const own = field.filterOptions
  return ((value: unknown, options: Record<string, unknown>) =>
    validate(value, { ...options, filterOptions: own })) as RelationshipField['validate']
}

/**
 * The admin works on one chosen site (the site selector): for every collection on sites, the list
 * is narrowed to it, a new document defaults to it, the `site` picker offers the user's sites and
 * the editable relationships to collections on sites (top-level fields) offer the same site's items.
 * `sharedSlugs`: collections whose documents may have no site (shared by every site).
 */
export function narrowAdminToSite(
  collections: CollectionConfig[],
  options: SiteRules,
  sharedSlugs: string[],
): void {
  const onSites = new Set(collections.filter(hasSiteField).map((collection) => collection.slug))
  for (const collection of collections) {
    if (!onSites.has(collection.slug)) continue
    collection.admin = {
      ...collection.admin,
      baseFilter: siteBaseFilter(collection, options, sharedSlugs.includes(collection.slug)),
    }
    collection.fields = collection.fields.map((field): Field => {
      if (field.type !== 'relationship' || typeof field.relationTo !== 'string') return field
      if (field.name === SITE_FIELD && field.relationTo === SITES_SLUG) {
        return {
          ...field,
          defaultValue: field.defaultValue ?? siteDefaultValue(options),
          filterOptions: sitePickerFilter(options, field.filterOptions),
          validate: judgedAsBefore(field),
        } as Field
      }
      // A read-only relationship (the primary category, derived from the categories) has no picker.
      if (!onSites.has(field.relationTo) || field.admin?.readOnly) return field
      return {
        ...field,
        filterOptions: sameSiteFilter(
          options,
          sharedSlugs.includes(field.relationTo),
          field.filterOptions,
        ),
        validate: judgedAsBefore(field),
      } as Field
    })
  }
}
