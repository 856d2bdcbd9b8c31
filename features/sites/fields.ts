import type { CollectionConfig, Field, FieldAccess, RelationshipField } from 'payload'
import { label } from '../../core/labels.js'
import { SITE_FIELD, SITES_SLUG, USER_SITES_FIELD } from '../../core/constants.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'

/**
 * The `site` a document belongs to. Absent on a shared document (authors and sources may serve
 * every site); the schema leaves it optional so a deployment without sites stores none.
 */
export const siteField = ({ shared }: { shared: boolean }): RelationshipField => ({
  name: SITE_FIELD,
  type: 'relationship',
  relationTo: SITES_SLUG as never,
  index: true,
  label: label('Trang', 'Site'),
  admin: {
    position: 'sidebar',
    description: shared
      ? label('Để trống để dùng chung cho mọi trang.', 'Leave empty to share it with every site.')
      : label('Trang mà nội dung này thuộc về.', 'The site this belongs to.'),
  },
})

/**
 * Puts a collection on sites: its `site` field, and slugs unique per site (the compound index
 * replaces a global unique slug, so the same title on two sites gives the same slug).
 */
export function onSites(
  collection: CollectionConfig,
  { shared }: { shared: boolean },
): CollectionConfig {
  const hasSlug = collection.fields.some((field) => 'name' in field && field.name === 'slug')
  return {
    ...collection,
    fields: [...collection.fields, siteField({ shared })],
    indexes: [
      ...(collection.indexes ?? []),
      ...(hasSlug ? [{ fields: [SITE_FIELD, 'slug'], unique: true }] : []),
    ],
  }
}

/**
 * `users.sites`: the sites a user may edit (admins edit every site whatever it says). Only admins
 * set it: an editor who could would give themselves every site.
 */
export const userSitesField = (options: Pick<ResolvedNewsPortalOptions, 'isAdmin'>): Field => {
  const adminsOnly: FieldAccess = ({ req }) => options.isAdmin(req.user, req)
  return {
    name: USER_SITES_FIELD,
    type: 'relationship',
    relationTo: SITES_SLUG as never,
    hasMany: true,
    access: { create: adminsOnly, update: adminsOnly },
    label: label('Trang được biên tập', 'Sites'),
    admin: {
      position: 'sidebar',
      description: label(
        'Các trang mà biên tập viên này được viết và sửa. Quản trị viên sửa được mọi trang.',
        'The sites this editor may write and edit. Admins edit every site.',
      ),
    },
  }
}

/** The admin's user collection with `sites` added (unless the app defined its own). */
export function withUserSites(
  collection: CollectionConfig,
  options: Pick<ResolvedNewsPortalOptions, 'isAdmin'>,
): CollectionConfig {
  if (collection.fields.some((field) => 'name' in field && field.name === USER_SITES_FIELD))
    return collection
  return { ...collection, fields: [...collection.fields, userSitesField(options)] }
}
