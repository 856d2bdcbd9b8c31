import type { Access, CollectionConfig } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { groups, label } from '../core/labels.js'
import { SITES_SLUG, WEBHOOK_ENDPOINTS_SLUG } from '../core/constants.js'
import { rejectMalformedId } from '../features/content/hooks/rejectMalformedId.js'
import { rejectMalformedWhere } from '../features/content/hooks/rejectMalformedWhere.js'
import {
  hideSecret,
  keepSecret,
  validateEndpointUrl,
  validateSecret,
} from '../features/webhooks/endpointFields.js'
import { forgetStoredEndpoints } from '../features/webhooks/endpoints.js'

/**
 * Front ends admins add without a redeploy (besides `webhooks.endpoints` of the options). Admins
 * only: a URL here receives a POST on every public change of its sites.
 */
export const webhookEndpointsCollection = (
  options: ResolvedNewsPortalOptions,
): CollectionConfig => {
  const admins: Access = ({ req }) => options.isAdmin(req.user, req)
  return {
    slug: WEBHOOK_ENDPOINTS_SLUG,
    labels: {
      singular: label('Địa chỉ webhook', 'Webhook endpoint'),
      plural: label('Địa chỉ webhook', 'Webhook endpoints'),
    },
    graphQL: false,
    admin: { group: groups.system, useAsTitle: 'url', defaultColumns: ['url', 'sites', 'enabled'] },
    access: { read: admins, create: admins, update: admins, delete: admins },
    hooks: {
      beforeOperation: [rejectMalformedId, rejectMalformedWhere],
      afterChange: [({ req }) => forgetStoredEndpoints(req.payload)],
      afterDelete: [({ req }) => forgetStoredEndpoints(req.payload)],
    },
    fields: [
      {
        name: 'url',
        type: 'text',
        required: true,
        unique: true,
        validate: validateEndpointUrl(options),
        label: label('Địa chỉ nhận', 'URL'),
        admin: {
          description: label(
            'http:// hoặc https://, không kèm tên đăng nhập hay mật khẩu; địa chỉ nội bộ cần được khai báo trong tuỳ chọn.',
            'http:// or https://, without user name or password; internal addresses must be allowed in the options.',
          ),
        },
      },
      {
        name: 'secret',
        type: 'text',
        validate: validateSecret,
        hooks: { beforeChange: [keepSecret], afterRead: [hideSecret] },
        label: label('Khoá bí mật', 'Secret'),
        admin: {
          description: label(
            'Khoá ký HMAC, ít nhất 16 ký tự. Không bao giờ hiển thị lại; để trống khi sửa để giữ khoá cũ.',
            'The HMAC key, at least 16 characters. Never shown again; leave empty when editing to keep it.',
          ),
        },
      },
      {
        name: 'sites',
        type: 'relationship',
        relationTo: SITES_SLUG as never,
        hasMany: true,
        label: label('Trang', 'Sites'),
        admin: {
          description: label(
            'Các trang mà giao diện này được báo; để trống cho mọi trang.',
            'The sites whose changes it hears; leave empty for every site.',
          ),
        },
      },
      {
        name: 'enabled',
        type: 'checkbox',
        defaultValue: true,
        label: label('Đang dùng', 'Enabled'),
        admin: {
          description: label('Bỏ chọn để tạm ngừng gửi.', 'Untick to stop sending for now.'),
        },
      },
    ],
  }
}
