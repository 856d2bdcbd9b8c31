import type { CollectionConfig, Field } from 'payload'
import type { ResolvedNewsPortalOptions } from '../core/types.js'
import { nobody } from '../features/content/access.js'
import { readDeliveries } from '../features/webhooks/access.js'
import { rejectMalformedId } from '../features/content/hooks/rejectMalformedId.js'
import { rejectMalformedWhere } from '../features/content/hooks/rejectMalformedWhere.js'
import { DELIVERY_STATUSES } from '../features/webhooks/deliveries.js'
import { groups, label } from '../core/labels.js'
import { SITES_SLUG, WEBHOOK_DELIVERIES_SLUG } from '../core/constants.js'

const text = (name: string, vi: string, en: string, description: [string, string]): Field => ({
  name,
  type: 'text',
  label: label(vi, en),
  admin: { description: label(...description) },
})

/**
 * The webhook delivery log: one row per (public change, front end), written only by the plugin.
 * Pending rows are the queue itself, so a restart sends what was not sent yet.
 */
export const webhookDeliveriesCollection = (
  options: ResolvedNewsPortalOptions,
): CollectionConfig => ({
  slug: WEBHOOK_DELIVERIES_SLUG,
  labels: {
    singular: label('Lần gửi webhook', 'Webhook delivery'),
    plural: label('Nhật ký webhook', 'Webhook deliveries'),
  },
  // Never part of the public API: editors read it in the admin (or REST with their token).
  graphQL: false,
  admin: {
    group: groups.system,
    useAsTitle: 'url',
    defaultColumns: ['url', 'collection', 'docId', 'status', 'attempts', 'lastStatus', 'createdAt'],
  },
  access: { read: readDeliveries(options), create: nobody, update: nobody, delete: nobody },
  // A malformed id or where is the reader's mistake (404, 400), not a database error (500).
  hooks: { beforeOperation: [rejectMalformedId, rejectMalformedWhere] },
  fields: [
    {
      ...text('deliveryId', 'Mã lần gửi', 'Delivery id', [
        'Gửi kèm trong x-news-portal-delivery; giống nhau ở mọi lần thử.',
        'Sent as x-news-portal-delivery; the same on every attempt.',
      ]),
      unique: true,
    } as Field,
    text('url', 'Địa chỉ nhận', 'URL', ['Giao diện được báo.', 'The front end notified.']),
    text('collection', 'Loại nội dung', 'Collection', [
      'Bộ sưu tập của nội dung thay đổi.',
      'The collection of what changed.',
    ]),
    text('docId', 'Mã nội dung', 'Document id', [
      'Mã của nội dung thay đổi.',
      'The id of what changed.',
    ]),
    {
      name: 'site',
      type: 'relationship',
      relationTo: SITES_SLUG as never,
      index: true,
      label: label('Trang', 'Site'),
      admin: {
        description: label(
          'Trang của nội dung; trống nếu dùng chung (ảnh).',
          'The site of what changed; empty when shared (images).',
        ),
      },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'pending',
      options: DELIVERY_STATUSES.map((value) => ({ value, label: value })),
      label: label('Trạng thái', 'Status'),
      admin: {
        description: label(
          'pending: đang chờ gửi hoặc gửi lại; delivered: đã nhận; failed: thôi không gửi nữa.',
          'pending: waiting to be sent or retried; delivered: received; failed: given up.',
        ),
      },
    },
    {
      name: 'attempts',
      type: 'number',
      defaultValue: 0,
      label: label('Số lần thử', 'Attempts'),
      admin: { description: label('Số lần đã gửi đi.', 'How many times it was sent.') },
    },
    {
      name: 'lastStatus',
      type: 'number',
      label: label('Mã HTTP cuối', 'Last HTTP status'),
      admin: { description: label('Trống nếu không có trả lời.', 'Empty when nothing answered.') },
    },
    text('lastError', 'Lỗi cuối', 'Last error', [
      'Vì sao lần thử cuối không thành công.',
      'Why the last attempt did not succeed.',
    ]),
    {
      name: 'nextAttemptAt',
      type: 'date',
      index: true,
      label: label('Lần thử tới', 'Next attempt'),
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description: label(
          'Khi nào gửi lại; trống khi đã xong.',
          'When it is sent again; empty once done.',
        ),
      },
    },
    {
      name: 'body',
      type: 'textarea',
      label: label('Nội dung gửi', 'Body'),
      admin: {
        description: label('Đúng các byte được ký và gửi.', 'Exactly the bytes signed and sent.'),
      },
    },
  ],
  timestamps: true,
})
