import type { CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { anyone } from '../features/content/access.js'
import { slugField } from '../features/content/fields/slugField.js'
import { validateHttpUrl } from '../features/content/fields/validators.js'
import { slugCollectionHooks } from '../features/content/hooks/slugCollectionHooks.js'
import {
  checkSiteDomains,
  forgetSitesAfterDelete,
  keepOneDefaultSite,
} from '../features/sites/hooks.js'
import { groups, label } from '../core/labels.js'
import { SITES_SLUG } from '../core/constants.js'

/**
 * The sites of one deployment: a province portal and the sub-portals of its communes and
 * departments. A deployment that never creates one runs as a single implicit site.
 */
export const sitesCollection = (options: ResolvedNewsPortalOptions): CollectionConfig => {
  const adminsOnly = ({ req }: { req: { user?: unknown } }) =>
    options.isAdmin(req.user as never, req as never)
  const slugHooks = slugCollectionHooks(options, 'name') ?? {}
  return {
    slug: SITES_SLUG,
    labels: {
      singular: label('Trang thành viên', 'Site'),
      plural: label('Trang thành viên', 'Sites'),
    },
    graphQL: { singularName: 'Site', pluralName: 'Sites' },
    admin: {
      group: groups.system,
      useAsTitle: 'name',
      defaultColumns: ['name', 'slug', 'siteUrl', 'isDefault'],
    },
    // A site's public settings (name, address, time zone) are what every front end renders.
    access: { read: anyone, create: adminsOnly, update: adminsOnly, delete: adminsOnly },
    hooks: {
      ...slugHooks,
      beforeValidate: [...(slugHooks.beforeValidate ?? []), checkSiteDomains],
      afterChange: [keepOneDefaultSite],
      afterDelete: [forgetSitesAfterDelete],
    },
    fields: [
      {
        name: 'name',
        type: 'text',
        required: true,
        localized: true,
        label: label('Tên trang', 'Name'),
        admin: {
          description: label(
            'Tên hiển thị ở đầu trang, ví dụ "Cổng thông tin điện tử xã Mường Kim".',
            'The name shown in the header, e.g. "Mường Kim commune portal".',
          ),
        },
      },
      slugField('name', { unique: true }),
      {
        name: 'domains',
        type: 'array',
        label: label('Tên miền', 'Domains'),
        labels: { singular: label('Tên miền', 'Domain'), plural: label('Tên miền', 'Domains') },
        admin: {
          description: label(
            'Các tên miền của trang (không có http://). Mỗi tên miền chỉ thuộc một trang.',
            "The site's host names (without http://). A domain belongs to one site only.",
          ),
        },
        fields: [
          {
            name: 'domain',
            type: 'text',
            required: true,
            label: label('Tên miền', 'Domain'),
            admin: {
              description: label(
                'Ví dụ: muongkim.laichau.gov.vn (không có http:// hay cổng).',
                'For example muongkim.laichau.gov.vn (no http:// or port).',
              ),
            },
          },
        ],
      },
      {
        name: 'siteUrl',
        type: 'text',
        label: label('Địa chỉ trang', 'Site URL'),
        validate: validateHttpUrl,
        admin: {
          description: label(
            'Địa chỉ công khai, dùng cho liên kết tuyệt đối (RSS, sitemap).',
            'The public address, for absolute links (RSS, sitemaps).',
          ),
        },
      },
      {
        name: 'timeZone',
        type: 'text',
        defaultValue: options.timeZone,
        label: label('Múi giờ', 'Time zone'),
        validate: (value: unknown) => {
          if (value === null || value === undefined || value === '') return true
          try {
            new Intl.DateTimeFormat('en', { timeZone: String(value) })
            return true
          } catch {
            return `"${String(value).slice(0, 60)}" is not an IANA time zone such as Asia/Ho_Chi_Minh.`
          }
        },
        admin: {
          description: label(
            'Múi giờ cho ngày giờ và bộ đếm, mặc định Asia/Ho_Chi_Minh.',
            'For dates and counters; default Asia/Ho_Chi_Minh.',
          ),
        },
      },
      {
        name: 'isDefault',
        type: 'checkbox',
        defaultValue: false,
        label: label('Trang mặc định', 'Default site'),
        admin: {
          position: 'sidebar',
          description: label(
            'Trang trả lời các yêu cầu không nêu trang nào (không có tiêu đề x-portal-site, tên miền lạ).',
            'Answers requests that name no site (no x-portal-site header, an unknown host).',
          ),
        },
      },
    ],
  }
}
